-- Every column type family, nested types, aggregates and attributes.
CREATE TABLE IF NOT EXISTS analytics.all_types (
  k1 TINYINT NOT NULL,
  k2 smallint(6) NOT NULL COMMENT 'small',
  k3 INT(11) NOT NULL,
  k4 BIGINT,
  k5 LARGEINT NULL,
  f1 FLOAT, f2 DOUBLE,
  d1 DECIMAL, d2 decimal(10, 0), d3 DECIMAL64(18,4), d4 decimal128(38, 9), d5 DECIMAL32(9, 2),
  s1 CHAR(8), s2 VARCHAR(65533), s3 STRING, b1 BINARY, b2 VARBINARY(64),
  t1 DATE, t2 DATETIME DEFAULT CURRENT_TIMESTAMP, ok BOOLEAN DEFAULT "true",
  j JSON, tags array<int(11)>, nested ARRAY<ARRAY<VARCHAR(10)>>,
  attrs MAP<STRING, INT>, person STRUCT<name VARCHAR(32), age INT COMMENT 'years'>,
  neg INT DEFAULT -1, pi DOUBLE DEFAULT 3.14, nothing VARCHAR(1) DEFAULT NULL,
  uid VARCHAR(36) DEFAULT (uuid()),
  `back``tick` INT COMMENT "it's \"quoted\"\nand escaped"
)
DUPLICATE KEY(k1, k2, k3)
DISTRIBUTED BY HASH(k1) BUCKETS 8
PROPERTIES ('replication_num' = '1', "bloom_filter_columns" = "s1, s2");

CREATE TABLE `agg` (
  `k` INT NOT NULL,
  `v_sum` BIGINT SUM DEFAULT "0",
  `v_min` INT MIN, `v_max` INT MAX NULL,
  `v_rep` VARCHAR(10) REPLACE, `v_rin` VARCHAR(10) REPLACE_IF_NOT_NULL,
  `v_hll` HLL HLL_UNION, `v_bm` BITMAP BITMAP_UNION, `v_pct` PERCENTILE PERCENTILE_UNION
) ENGINE=olap
AGGREGATE KEY(`k`)
DISTRIBUTED BY RANDOM BUCKETS 3;

CREATE TABLE gen (
  id BIGINT NOT NULL AUTO_INCREMENT,
  ts DATETIME NOT NULL,
  day DATE AS (date_trunc('day', ts)) COMMENT "generated",
  doubled BIGINT AS id * 2,
  INDEX idx_ts (ts) USING BITMAP COMMENT 'ts index',
  INDEX idx_ng (`day`) USING NGRAMBF ("gram_num" = "4", "bloom_filter_fpp" = "0.05")
) PRIMARY KEY(id) ORDER BY (ts, id);
