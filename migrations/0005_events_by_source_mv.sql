-- revision: 5a6b7c8d
-- down_revision: 8e04d6a2
-- message: hourly-refreshed event counts per marketing source
CREATE MATERIALIZED VIEW events_by_source
COMMENT "events per day and marketing source"
PARTITION BY event_date
DISTRIBUTED BY HASH(event_date)
REFRESH ASYNC EVERY (INTERVAL 1 HOUR)
PROPERTIES (
    "replication_num" = "${replication_num}"
)
AS
SELECT event_date, utm_source, utm_campaign, COUNT(*) AS events
FROM events
GROUP BY event_date, utm_source, utm_campaign;
