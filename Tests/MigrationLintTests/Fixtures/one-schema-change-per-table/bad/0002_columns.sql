-- revision: r2
-- down_revision: r1
-- message: two columns, two jobs
ALTER TABLE events ADD COLUMN utm_campaign VARCHAR(100);
ALTER TABLE events ADD COLUMN utm_medium VARCHAR(100);
