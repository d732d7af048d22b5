CREATE VIEW IF NOT EXISTS db.v1 (id COMMENT 'User ID', name) COMMENT 'Active users' SECURITY INVOKER
AS SELECT id, name FROM users WHERE is_active = 1 AND name <> '' -- trailing comment
;
create or replace view v2 as with x as (select 1 as a) select a from x;
ALTER VIEW v1 (id, name COMMENT "n") AS SELECT id, name FROM users;
ALTER VIEW v2 AS SELECT 2 AS a;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_daily (dt, cnt COMMENT "events")
COMMENT "daily counts"
PARTITION BY date_trunc('day', dt)
DISTRIBUTED BY HASH(dt) BUCKETS 4
ORDER BY (dt)
REFRESH ASYNC START("2024-01-01 00:00:00") EVERY(INTERVAL 1 DAY)
PROPERTIES ("replication_num" = "1", "partition_refresh_number" = "3")
AS SELECT dt, count(*) AS cnt FROM events GROUP BY dt;

CREATE MATERIALIZED VIEW mv_inc REFRESH IMMEDIATE INCREMENTAL AS SELECT k, sum(v) FROM t GROUP BY k;
CREATE MATERIALIZED VIEW mv_sync AS SELECT k, sum(v) FROM t GROUP BY k;

ALTER MATERIALIZED VIEW mv_daily REFRESH ASYNC EVERY(INTERVAL 60 MINUTE);
ALTER MATERIALIZED VIEW mv_daily REFRESH MANUAL;
ALTER MATERIALIZED VIEW mv_daily SET ("mv_rewrite_staleness_second" = "3600");
ALTER MATERIALIZED VIEW mv_daily RENAME mv_day;
ALTER MATERIALIZED VIEW mv_day INACTIVE;
ALTER MATERIALIZED VIEW mv_day ACTIVE;
ALTER MATERIALIZED VIEW mv_day SWAP WITH mv_other;

-- SHOW CREATE MATERIALIZED VIEW as a 2.5/3.0 server prints it (default comment, "BUCKETS 10 ", " ;").
CREATE MATERIALIZED VIEW `lo_mv2`
COMMENT "MATERIALIZED_VIEW"
PARTITION BY (`lo_orderdate`)
DISTRIBUTED BY HASH(`lo_orderkey`) BUCKETS 10 
REFRESH ASYNC START("2023-07-01 10:00:00") EVERY(INTERVAL 1 DAY)
PROPERTIES (
"replication_num" = "3",
"storage_medium" = "HDD"
)
AS SELECT `wlc_test`.`lineorder`.`lo_orderkey` AS `lo_orderkey`, sum(`wlc_test`.`lineorder`.`lo_revenue`) AS `total_revenue` FROM `wlc_test`.`lineorder` GROUP BY `wlc_test`.`lineorder`.`lo_orderkey` ORDER BY `wlc_test`.`lineorder`.`lo_orderkey` ASC ;
