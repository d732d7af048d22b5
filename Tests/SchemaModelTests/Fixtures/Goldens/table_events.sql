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
