-- revision: r2
-- down_revision: r1
-- message: events per source
CREATE VIEW events_by_source AS
SELECT utm_source, COUNT(*) AS events FROM events GROUP BY utm_source;
