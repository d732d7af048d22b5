-- revision: r3
-- down_revision: r2
-- message: drop utm_source after dropping the view that used it
DROP VIEW events_by_source;
ALTER TABLE events DROP COLUMN utm_source;
