-- RANGE with LESS THAN, fixed ranges, MAXVALUE, batches and per-partition properties.
create table sales (dt date, region varchar(8), amount decimal(12, 2))
duplicate key(dt)
partition by range(dt) (
  partition p2023 values less than ("2024-01-01"),
  PARTITION `p202401` VALUES [("2024-01-01"), ("2024-02-01")) ("replication_num" = "1"),
  START ("2024-02-01") END ("2024-05-01") EVERY (INTERVAL 1 MONTH),
  partition pmax values less than maxvalue
)
distributed by hash(dt);

CREATE TABLE nums (k INT, v INT)
PARTITION BY RANGE(k) (START ("1") END ("100") EVERY (10), PARTITION p_neg VALUES LESS THAN ("-128"))
DISTRIBUTED BY RANDOM;

CREATE TABLE multi (a INT, b DATE)
PARTITION BY RANGE(a, b) (PARTITION p1 VALUES [("1", "2024-01-01"), ("5", MAXVALUE)));

-- LIST partitions, single and multi column.
CREATE TABLE cities (city VARCHAR(20), pv BIGINT)
PARTITION BY LIST(city) (
  PARTITION p_south VALUES IN ('guangdong', 'shenzhen'),
  PARTITION p_north VALUES IN ("beijing") ("replication_num" = "1")
)
DISTRIBUTED BY HASH(city);

CREATE TABLE dt_city (dt DATE, city VARCHAR(20))
PARTITION BY LIST(dt, city)(
  PARTITION p1 VALUES IN (('2022-04-15', 'guangdong'), ('2022-04-15', 'tianjin'))
);

-- Expression partitioning in every spelling.
CREATE TABLE e1 (k1 DATETIME, v INT) PARTITION BY date_trunc('day', k1);
CREATE TABLE e2 (k1 DATETIME, v INT) PARTITION BY time_slice(k1, INTERVAL 7 day);
CREATE TABLE e3 (a INT, b VARCHAR(10)) PARTITION BY a, b DISTRIBUTED BY HASH(a);
CREATE TABLE e4 (a INT, b VARCHAR(10)) PARTITION BY (a, b) DISTRIBUTED BY HASH(a);
CREATE TABLE e5 (ts BIGINT, c VARCHAR(10)) PARTITION BY RANGE(from_unixtime_ms(ts)) (START ("2021-01-01") END ("2021-01-03") EVERY (INTERVAL 1 DAY));
CREATE TABLE e6 (k4 VARCHAR(20), k1 DATE) PARTITION BY substring(k4, 1, 5), k4, date_trunc("month", k1);

-- Dynamic partitioning properties.
CREATE TABLE dyn (dt DATE, v INT)
PARTITION BY RANGE(dt) ()
DISTRIBUTED BY HASH(dt)
PROPERTIES (
  "dynamic_partition.enable" = "true",
  "dynamic_partition.time_unit" = "DAY",
  "dynamic_partition.start" = "-3",
  "dynamic_partition.end" = "3",
  "dynamic_partition.prefix" = "p"
);
