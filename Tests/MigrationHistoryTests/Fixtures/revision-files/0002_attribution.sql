-- revision: 3f2a9c1b
-- down_revision: 1a2b3c4d
-- message: add marketing attribution columns
ALTER TABLE events ADD COLUMN utm_source VARCHAR(100);
