-- revision: r3
-- down_revision: r2
-- message: second column, its own revision
ALTER TABLE events ADD COLUMN utm_medium VARCHAR(100);
