-- revision: r2
-- down_revision: r1
-- message: first column
ALTER TABLE events ADD COLUMN utm_campaign VARCHAR(100);
