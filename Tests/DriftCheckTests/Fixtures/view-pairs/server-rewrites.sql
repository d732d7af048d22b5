-- Pairs of (the SQL a user wrote, the text the server prints for it). Each pair must make `starrocks-drift diff`
-- exit 0. Sources: corpus cases 041, 042, 043, 045, 047, 048, 052 (SQL-tester results), samples 04 and 05 (MV, 3.x
-- rewritten and 4.x original text), 06 (FE-UT ShowCreateViewStmtTest, 3.x), 07 (4.x original text with comments),
-- 19 (docs, 3.x), and hand-written 3.x renderings following AstToSQLBuilder (`analytics` pairs). Each pair `USE`s the
-- database its object lives in (the 3.x text names it in every FROM). Format: see changed.sql.
CREATE DATABASE IF NOT EXISTS test_create_mv;
CREATE DATABASE IF NOT EXISTS test;
CREATE DATABASE IF NOT EXISTS wlc_test;
CREATE DATABASE IF NOT EXISTS analytics;
CREATE TABLE test_create_mv.t_hash (k1 int, v1 int, v2 int) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE TABLE test_create_mv.t_random (k1 int, v1 int, v2 int) DUPLICATE KEY(k1) DISTRIBUTED BY RANDOM;
CREATE TABLE test_create_mv.t1 (k1 int, v1 int, v2 int) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE TABLE test_create_mv.t2 (k1 int, v1 int, v2 int) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE TABLE test_create_mv.t3 (num int, dt datetime) DUPLICATE KEY(num) DISTRIBUTED BY HASH(num);
CREATE TABLE test_create_mv.user_tags (time date, user_id int, user_name varchar(20), tag_id int)
DUPLICATE KEY(time) DISTRIBUTED BY HASH(time) BUCKETS 3;
CREATE TABLE test.tbl1 (k1 date, k2 int, v1 int) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k2) BUCKETS 3;
CREATE TABLE wlc_test.lineorder (lo_orderkey int, lo_orderdate date, lo_custkey int, lo_quantity int,
  lo_revenue int, lo_shipmode varchar(10)) DUPLICATE KEY(lo_orderkey) DISTRIBUTED BY HASH(lo_orderkey);
CREATE TABLE analytics.events (id bigint, user_id bigint, kind varchar(20), amount decimal(18, 2), dt date)
DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);
CREATE TABLE analytics.users (id bigint, name varchar(64), country varchar(8)) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);

-- pair: corpus 041, a join with aliases (3.x)
-- expected
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv1`
REFRESH ASYNC 
AS
select t0.k1, t1.v1
from t_hash t0 join t_random t1 on t0.k1 = t1.k1;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv1` (k1, v1)
DISTRIBUTED BY RANDOM
REFRESH ASYNC
PROPERTIES (
"replication_num" = "1",
"replicated_storage" = "true",
"storage_medium" = "HDD"
)
AS SELECT `t0`.`k1`, `t1`.`v1`
FROM `test_create_mv`.`t_hash` AS `t0` INNER JOIN `test_create_mv`.`t_random` AS `t1` ON `t0`.`k1` = `t1`.`k1`;

-- pair: corpus 042, an aggregate with the server's echo alias (3.x)
-- expected
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv2`
REFRESH ASYNC 
AS
select k1, count(v1)  from t_random group by k1;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv2` (`k1`, `count(v1)`)
DISTRIBUTED BY RANDOM
REFRESH ASYNC
PROPERTIES (
"replication_num" = "1",
"replicated_storage" = "true",
"storage_medium" = "HDD"
)
AS SELECT `t_random`.`k1`, count(`t_random`.`v1`) AS `count(v1)`
FROM `test_create_mv`.`t_random`
GROUP BY `t_random`.`k1`;

-- pair: corpus 043, a join with one unaliased table (3.x)
-- expected
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv3`
REFRESH ASYNC 
AS
select t0.k1, t1.v1
from t_hash t0 join t1 on t0.k1 = t1.k1;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv3` (k1, v1)
DISTRIBUTED BY RANDOM
REFRESH ASYNC
PROPERTIES (
"replication_num" = "1",
"replicated_storage" = "true",
"storage_medium" = "HDD"
)
AS SELECT `t0`.`k1`, `t1`.`v1`
FROM `test_create_mv`.`t_hash` AS `t0` INNER JOIN `test_create_mv`.`t1` ON `t0`.`k1` = `t1`.`k1`;

-- pair: corpus 045, a join by table names (3.x)
-- expected
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv_part1`
REFRESH ASYNC 
AS
select t1.k1, t2.v1
from t1 join t2 on t1.k1 = t2.k1;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv_part1` (k1, v1)
DISTRIBUTED BY RANDOM
REFRESH ASYNC
PROPERTIES (
"replication_num" = "1",
"replicated_storage" = "true",
"storage_medium" = "HDD"
)
AS SELECT `t1`.`k1`, `t2`.`v1`
FROM `test_create_mv`.`t1` INNER JOIN `test_create_mv`.`t2` ON `t1`.`k1` = `t2`.`k1`;

-- pair: corpus 047, UNION ALL (3.x)
-- expected
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv6`
PARTITION BY (`k1`)
DISTRIBUTED BY RANDOM
REFRESH ASYNC
PROPERTIES (
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS select k1, v1, v2 from t1
union all
select k1, v1, v2 from t2;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `mv6` (k1, v1, v2)
PARTITION BY (`k1`)
DISTRIBUTED BY RANDOM
REFRESH ASYNC
PROPERTIES (
"replication_num" = "1",
"replicated_storage" = "true",
"storage_medium" = "HDD"
)
AS SELECT `t1`.`k1`, `t1`.`v1`, `t1`.`v2`
FROM `test_create_mv`.`t1` UNION ALL SELECT `t2`.`k1`, `t2`.`v1`, `t2`.`v2`
FROM `test_create_mv`.`t2`;

-- pair: corpus 048, sum(num) AS `sum(num)` (3.x; table t1 renamed t3 here)
-- expected
USE test_create_mv;
CREATE MATERIALIZED VIEW test_mv1 
PARTITION BY dt 
REFRESH DEFERRED MANUAL 
PROPERTIES (
    "replication_num" = "1",
    "task_priority" = "100",
    "task_retry_attempts" = "3"
)
AS 
  SELECT dt,sum(num) FROM t3 GROUP BY dt;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `test_mv1` (`dt`, `sum(num)`)
PARTITION BY (`dt`)
DISTRIBUTED BY RANDOM
REFRESH DEFERRED MANUAL
PROPERTIES (
"replicated_storage" = "true",
"task_priority" = "100",
"task_retry_attempts" = "3",
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS SELECT `t3`.`dt`, sum(`t3`.`num`) AS `sum(num)`
FROM `test_create_mv`.`t3`
GROUP BY `t3`.`dt`;

-- pair: sample 04, user_tags_mv1 rewritten (3.x)
-- expected
USE test_create_mv;
create materialized view user_tags_mv1  distributed by hash(user_id) REFRESH MANUAL as select user_id, bitmap_union(to_bitmap(tag_id)) from user_tags group by user_id;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `user_tags_mv1` (`user_id`, `bitmap_union(to_bitmap(tag_id))`)
DISTRIBUTED BY HASH(`user_id`)
REFRESH MANUAL
PROPERTIES (
"replication_num" = "3",
"replicated_storage" = "true",
"storage_medium" = "HDD"
)
AS SELECT `user_tags`.`user_id`, bitmap_union(to_bitmap(`user_tags`.`tag_id`)) AS `bitmap_union(to_bitmap(tag_id))`
FROM `test_create_mv`.`user_tags`
GROUP BY `user_tags`.`user_id`;

-- pair: sample 05 and corpus 052, user_tags_mv1 original text (4.x)
-- expected
USE test_create_mv;
create materialized view user_tags_mv1 
distributed by hash(user_id) 
REFRESH DEFERRED MANUAL
as select user_id, bitmap_union(to_bitmap(tag_id)) from user_tags group by user_id;
-- actual
USE test_create_mv;
CREATE MATERIALIZED VIEW `user_tags_mv1` (`user_id`, `bitmap_union(to_bitmap(tag_id))`)
DISTRIBUTED BY HASH(`user_id`)
REFRESH DEFERRED MANUAL
PROPERTIES (
"replicated_storage" = "true",
"replication_num" = "3",
"storage_medium" = "HDD"
)
AS select user_id, bitmap_union(to_bitmap(tag_id)) from user_tags group by user_id;

-- pair: sample 06 test_view_1, a qualified call and its echo alias (3.x FE-UT)
-- expected
USE test;
create view test_view_1 AS SELECT concat(`test`.`tbl1`.`k1`, `test`.`tbl1`.`k2`) FROM `test`.`tbl1`;
-- actual
USE test;
CREATE VIEW `test_view_1` (`concat(test.tbl1.k1, test.tbl1.k2)`) AS SELECT concat(`test`.`tbl1`.`k1`, `test`.`tbl1`.`k2`) AS `concat(test.tbl1.k1, test.tbl1.k2)`
FROM `test`.`tbl1`;

-- pair: sample 06 test_view_4, user aliases (3.x FE-UT)
-- expected
USE test;
create view test_view_4 AS SELECT  `test`.`tbl1`.`k1` as c1, `test`.`tbl1`.`k2` as c2 FROM `test`.`tbl1`;
-- actual
USE test;
CREATE VIEW `test_view_4` (`c1`, `c2`) AS SELECT `test`.`tbl1`.`k1` AS `c1`, `test`.`tbl1`.`k2` AS `c2`
FROM `test`.`tbl1`;

-- pair: sample 06, the older (2.x) rendering with an echo alias on every column
-- expected
USE test;
create view test_view (k1 COMMENT "dt", k2, v1) COMMENT "view comment" as select k1, k2, v1 from tbl1;
-- actual
USE test;
CREATE VIEW `test_view` (k1 COMMENT "dt", k2, v1)
COMMENT "view comment" AS SELECT `test`.`tbl1`.`k1` AS `k1`, `test`.`tbl1`.`k2` AS `k2`, `test`.`tbl1`.`v1` AS `v1` FROM `test`.`tbl1`;

-- pair: sample 07, a parenthesized query with comments (4.x)
-- expected
USE analytics;
create or replace view test_view comment 'test comment 1' as ( select 
"test" as test_column  -- this is a comment
);
-- actual
USE analytics;
CREATE VIEW `test_view` (`test_column`)
COMMENT "test comment 1" SECURITY NONE AS ( select 
"test" as test_column  -- this is a comment
);

-- pair: sample 19, GROUP BY and ORDER BY with the server's ASC and echo aliases (3.x docs)
-- expected
USE wlc_test;
CREATE MATERIALIZED VIEW lo_mv2 PARTITION BY lo_orderdate DISTRIBUTED BY HASH(lo_orderkey) BUCKETS 10
REFRESH ASYNC START("2023-07-01 10:00:00") EVERY(INTERVAL 1 DAY)
PROPERTIES ("replication_num" = "3")
AS SELECT lo_orderkey, lo_orderdate, lo_custkey, sum(lo_quantity) AS total_quantity, sum(lo_revenue) AS total_revenue,
  count(lo_shipmode) AS shipmode_count
FROM lineorder GROUP BY lo_orderkey, lo_orderdate, lo_custkey ORDER BY lo_orderkey;
-- actual
USE wlc_test;
CREATE MATERIALIZED VIEW `lo_mv2`
COMMENT "MATERIALIZED_VIEW"
PARTITION BY (`lo_orderdate`)
DISTRIBUTED BY HASH(`lo_orderkey`) BUCKETS 10 
REFRESH ASYNC START("2023-07-01 10:00:00") EVERY(INTERVAL 1 DAY)
PROPERTIES (
"replication_num" = "3",
"storage_medium" = "HDD"
)
AS SELECT `wlc_test`.`lineorder`.`lo_orderkey` AS `lo_orderkey`, `wlc_test`.`lineorder`.`lo_orderdate` AS `lo_orderdate`, `wlc_test`.`lineorder`.`lo_custkey` AS `lo_custkey`, sum(`wlc_test`.`lineorder`.`lo_quantity`) AS `total_quantity`, sum(`wlc_test`.`lineorder`.`lo_revenue`) AS `total_revenue`, count(`wlc_test`.`lineorder`.`lo_shipmode`) AS `shipmode_count` FROM `wlc_test`.`lineorder` GROUP BY `wlc_test`.`lineorder`.`lo_orderkey`, `wlc_test`.`lineorder`.`lo_orderdate`, `wlc_test`.`lineorder`.`lo_custkey` ORDER BY `wlc_test`.`lineorder`.`lo_orderkey` ASC ;

-- pair: LEFT OUTER JOIN, <>, an alias without AS, unqualified columns of a join resolved by the tables (3.x style)
-- expected
USE analytics;
CREATE VIEW v AS select e.dt, count(*) cnt from events e left outer join users u on user_id = u.id
where country <> 'DE' group by e.dt;
-- actual
USE analytics;
CREATE VIEW `v` (`dt`, `cnt`) AS SELECT `e`.`dt`, count(*) AS `cnt`
FROM `analytics`.`events` AS `e` LEFT OUTER JOIN `analytics`.`users` AS `u` ON `e`.`user_id` = `u`.`id`
WHERE `u`.`country` != 'DE'
GROUP BY `e`.`dt`;

-- pair: a CTE and a subquery, unqualified columns (3.x style: CTE column list, subquery alias without AS)
-- expected
USE analytics;
CREATE VIEW v AS with big as (select id, amount from events where amount > 100)
select s.id from (select id from big where amount < 1000) as s;
-- actual
USE analytics;
CREATE VIEW `v` (`id`) AS WITH `big` (`id`, `amount`) AS (SELECT `events`.`id`, `events`.`amount`
FROM `analytics`.`events`
WHERE `events`.`amount` > 100) SELECT `s`.`id`
FROM (SELECT `big`.`id`
FROM `big`
WHERE `big`.`amount` < 1000) `s`;

-- pair: a window function and a self-join keep their meaning (3.x style)
-- expected
USE analytics;
CREATE VIEW v AS SELECT a.id, b.kind, row_number() OVER (PARTITION BY a.user_id ORDER BY a.dt) AS rn
FROM events a JOIN events b ON a.user_id = b.id;
-- actual
USE analytics;
CREATE VIEW `v` (`id`, `kind`, `rn`) AS SELECT `a`.`id`, `b`.`kind`, row_number() OVER (PARTITION BY `a`.`user_id` ORDER BY `a`.`dt` ASC ) AS `rn`
FROM `analytics`.`events` AS `a` INNER JOIN `analytics`.`events` AS `b` ON `a`.`user_id` = `b`.`id`;
