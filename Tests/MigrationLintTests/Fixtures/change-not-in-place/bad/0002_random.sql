-- revision: r2
-- down_revision: r1
-- message: switch to random bucketing in place
ALTER TABLE events DISTRIBUTED BY RANDOM;
