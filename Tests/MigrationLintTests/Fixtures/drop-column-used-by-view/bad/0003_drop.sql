-- revision: r3
-- down_revision: r2
-- message: drop utm_source
ALTER TABLE events DROP COLUMN utm_source;
