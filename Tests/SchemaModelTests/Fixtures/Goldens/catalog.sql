CREATE DATABASE IF NOT EXISTS `analytics`;

USE `analytics`;

CREATE TABLE `clicks` (
  `ts` datetime,
  `site` string
)
PARTITION BY date_trunc('month', ts), `site`;

CREATE TABLE `daily_totals` (
  `dt` date NOT NULL,
  `region` varchar(16) NOT NULL,
  `pv` bigint(20) SUM NULL DEFAULT "0",
  `last_user` int REPLACE_IF_NOT_NULL,
  `uv` bitmap BITMAP_UNION NOT NULL
)
AGGREGATE KEY(`dt`, `region`)
PARTITION BY LIST(`region`)(
  PARTITION p_east VALUES IN ('east', 'north\'east'),
  PARTITION p_west VALUES IN ('west')
)
DISTRIBUTED BY RANDOM;

CREATE TABLE `events` (
  `event_id` bigint NOT NULL AUTO_INCREMENT COMMENT "surrogate \"id\"",
  `event_date` date NOT NULL,
  `user_id` int(11) NULL,
  `amount` decimal(10, 2) DEFAULT "0",
  `created_at` datetime DEFAULT CURRENT_TIMESTAMP,
  `tags` array<varchar(32)>,
  `attrs` map<varchar(64), int>,
  `point` struct<`x` double, `y` double>,
  `day_bucket` date NULL AS date_trunc('day', created_at),
  INDEX idx_user (`user_id`) USING BITMAP COMMENT "by user"
) ENGINE=OLAP
DUPLICATE KEY(`event_id`, `event_date`)
COMMENT "raw events"
PARTITION BY RANGE(`event_date`)
(PARTITION p0 VALUES LESS THAN ("2024-01-01"),
PARTITION p2024 VALUES [("2024-01-01"), ("2025-01-01"))("replication_num" = "1"),
PARTITION pmax VALUES [("2030-01-01"), (MAXVALUE)),
START ("2025-01-01") END ("2025-02-01") EVERY (INTERVAL 1 DAY))
DISTRIBUTED BY HASH(`event_id`) BUCKETS 8
ORDER BY(`event_date`, `event_id`)
PROPERTIES (
"compression" = "LZ4",
"replication_num" = "3"
);

CREATE VIEW `active_users` (`user_id` COMMENT "the user", `n`)
COMMENT "users seen today" SECURITY INVOKER
AS SELECT user_id, count(*) FROM `events` WHERE kind = 'it\'s' GROUP BY user_id;

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

CREATE DATABASE IF NOT EXISTS `ops`;

USE `ops`;

CREATE TABLE `sites` (
  `dt` date,
  `city` varchar(20)
)
PRIMARY KEY(`dt`, `city`)
PARTITION BY LIST(`dt`, `city`)(
  PARTITION p1 VALUES IN (('2024-01-01', 'a'), ('2024-01-01', 'b'))
)
DISTRIBUTED BY HASH(`city`);
