CREATE MATERIALIZED VIEW `mv_daily_event_counts` (`event_date`, `event_type`, `cnt`)
PARTITION BY (`event_date`)
DISTRIBUTED BY RANDOM
REFRESH ASYNC
PROPERTIES (
"replicated_storage" = "true",
"replication_num" = "3",
"storage_medium" = "HDD"
)
AS SELECT `events`.`event_date`, `events`.`event_type`, count(*) AS `cnt`
FROM `analytics`.`events`
GROUP BY `events`.`event_date`, `events`.`event_type`;
