CREATE MATERIALIZED VIEW `daily_events_mv` (`dt`, `n` COMMENT "events")
COMMENT "per day"
PARTITION BY (`dt`)
DISTRIBUTED BY HASH(`dt`) BUCKETS 4
ORDER BY (`dt`)
REFRESH DEFERRED ASYNC START("2024-01-01 00:00:00") EVERY(INTERVAL 1 DAY)
PROPERTIES (
"partition_refresh_number" = "3",
"replication_num" = "1"
)
AS SELECT event_date AS dt, count(*) FROM events GROUP BY event_date;
