-- Objects with the spellings that are easy to get wrong; every one must survive print -> parse -> lower.
CREATE TABLE `t#t` (
  `order` INT NOT NULL COMMENT "reserved word as a name",
  `time` DATETIME DEFAULT CURRENT_TIMESTAMP,
  `u` VARCHAR(36) DEFAULT (uuid()),
  `n` BIGINT NULL DEFAULT NULL,
  `d1` DECIMAL,
  `d2` DECIMAL64(18, 4),
  `s` STRUCT<a INT, b ARRAY<MAP<VARCHAR(10), DECIMAL(9, 2)>>>,
  `j` JSON,
  `h` HLL HLL_UNION,
  `p` PERCENTILE PERCENTILE_UNION,
  `b` BINARY(16),
  `vb` VARBINARY,
  `li` LARGEINT(40),
  `g` BIGINT AS `order` * 2 + 1,
  `c` VARCHAR(20) COMMENT "日本語 ‘quotes’ \"double\" and \\ backslash",
  INDEX idx_c (`c`) USING GIN ("parser" = "english", "imp_lib" = "clucene") COMMENT 'full text'
) ENGINE=OLAP
AGGREGATE KEY(`order`, `time`, `u`, `n`, `d1`, `d2`, `s`, `j`)
COMMENT "edge"
PARTITION BY RANGE(`order`, `time`) (
  PARTITION p_neg VALUES LESS THAN ("0", "2020-01-01 00:00:00"),
  PARTITION p_mid VALUES [("0", "2020-01-01 00:00:00"), ("10", "2021-01-01 00:00:00")),
  PARTITION p_max VALUES LESS THAN (MAXVALUE) ("replication_num" = "1")
)
DISTRIBUTED BY HASH(`order`) BUCKETS 3
PROPERTIES ("replication_num" = "3", "bloom_filter_columns" = "c, u", "colocate_with" = "grp");

CREATE TABLE numeric_batches (k INT, v INT)
PARTITION BY RANGE(k) (START ("1") END ("100") EVERY (10), START ("100") END ("1000") EVERY (100));

CREATE TABLE expr_range (ts BIGINT, v INT) DUPLICATE KEY(ts)
PARTITION BY RANGE(from_unixtime_ms(ts)) (START ("2021-01-01") END ("2021-01-05") EVERY (INTERVAL 1 DAY));

CREATE TABLE auto_list (dt DATE NOT NULL, city VARCHAR(20) NOT NULL, v INT) PRIMARY KEY(dt, city)
PARTITION BY (dt, city) DISTRIBUTED BY HASH(dt) ORDER BY(v, city);

CREATE TABLE slice (ts DATETIME, v INT) PARTITION BY time_slice(ts, INTERVAL 4 HOUR) DISTRIBUTED BY RANDOM BUCKETS 2;

CREATE TABLE list_props (k INT, region VARCHAR(8)) DUPLICATE KEY(k)
PARTITION BY LIST(region) (PARTITION p1 VALUES IN ("a", "b") ("replication_num" = "1"), PARTITION `p-2` VALUES IN ("c"));

CREATE TABLE no_clauses (a INT, b STRING);

CREATE TABLE ctas_typed PRIMARY KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES ("replication_num" = "1")
AS SELECT k, sum(v) AS total FROM list_props GROUP BY k;

CREATE VIEW bare_view AS SELECT a, b FROM no_clauses WHERE a > -1.5e3 AND b LIKE 'x%' ORDER BY a DESC LIMIT 10;

CREATE VIEW commented_view (`x` COMMENT "first", y) COMMENT "v" SECURITY NONE AS
SELECT a AS x, `b` AS y FROM `no_clauses` t WHERE t.a IN (1, 2, 3) -- trailing comment
;

CREATE MATERIALIZED VIEW mv_expr
PARTITION BY date_trunc('day', ts)
DISTRIBUTED BY HASH(ts)
REFRESH ASYNC EVERY (INTERVAL 60 MINUTE)
AS SELECT ts, count(*) AS n FROM slice GROUP BY ts;

CREATE MATERIALIZED VIEW mv_plain DISTRIBUTED BY RANDOM AS SELECT k FROM list_props;

CREATE MATERIALIZED VIEW mv_incremental (k COMMENT "key", total) REFRESH INCREMENTAL
PROPERTIES ("session.query_timeout" = "3600") AS SELECT k, sum(v) total FROM numeric_batches GROUP BY k;
