-- revision: 3f2a9c1b
-- down_revision: 2b9d5f13
-- message: add marketing attribution columns
-- One ALTER statement: StarRocks runs one schema-change job per table at a time.
ALTER TABLE events ADD COLUMN (
    utm_source VARCHAR(100) COMMENT "marketing source",
    utm_campaign VARCHAR(100) COMMENT "marketing campaign"
);
