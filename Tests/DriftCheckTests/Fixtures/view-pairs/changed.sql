-- Pairs of (a view or MV as the migrations write it, the same object changed by hand on the server). Each pair must
-- make `starrocks-drift diff` exit 1. Format: the text before the first `-- pair:` is replayed on both sides; each
-- pair has an `-- expected` and an `-- actual` part. Every pair runs under default settings (the strict gate: a
-- changed refresh schedule is drift like any other hand change).
CREATE DATABASE IF NOT EXISTS staging;
CREATE DATABASE IF NOT EXISTS analytics;
USE analytics;
CREATE TABLE events (id bigint, user_id bigint, kind varchar(20), amount decimal(18, 2), dt date)
DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) PROPERTIES ("replication_num" = "1");
CREATE TABLE users (id bigint, name varchar(64), country varchar(8))
DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) PROPERTIES ("replication_num" = "1");
CREATE TABLE staging.events (id bigint, user_id bigint, kind varchar(20), amount decimal(18, 2), dt date)
DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) PROPERTIES ("replication_num" = "1");

-- pair: another database's table
-- expected
CREATE VIEW v AS SELECT id, kind FROM events;
-- actual
CREATE VIEW v AS SELECT id, kind FROM staging.events;

-- pair: another database's table, in the 3.x server's rewritten text
-- expected
CREATE VIEW v AS SELECT id, kind FROM events;
-- actual
CREATE VIEW `v` (`id`, `kind`) AS SELECT `events`.`id`, `events`.`kind`
FROM `staging`.`events`;

-- pair: a select item from the other side of the join
-- expected
CREATE VIEW v AS SELECT e.id, u.name FROM events e JOIN users u ON e.user_id = u.id;
-- actual
CREATE VIEW v AS SELECT u.id, u.name FROM events e JOIN users u ON e.user_id = u.id;

-- pair: a select item from the other side of the join, in the 3.x server's rewritten text
-- expected
CREATE VIEW v AS SELECT e.id, u.name FROM events e JOIN users u ON e.user_id = u.id;
-- actual
CREATE VIEW `v` (`id`, `name`) AS SELECT `u`.`id`, `u`.`name`
FROM `analytics`.`events` AS `e` INNER JOIN `analytics`.`users` AS `u` ON `e`.`user_id` = `u`.`id`;

-- pair: join kind
-- expected
CREATE VIEW v AS SELECT e.id, u.name FROM events e JOIN users u ON e.user_id = u.id;
-- actual
CREATE VIEW v AS SELECT e.id, u.name FROM events e LEFT JOIN users u ON e.user_id = u.id;

-- pair: join condition
-- expected
CREATE VIEW v AS SELECT e.id, u.name FROM events e JOIN users u ON e.user_id = u.id;
-- actual
CREATE VIEW v AS SELECT e.id, u.name FROM events e JOIN users u ON e.id = u.id;

-- pair: filter value
-- expected
CREATE VIEW v AS SELECT id FROM events WHERE kind = 'click';
-- actual
CREATE VIEW v AS SELECT id FROM events WHERE kind = 'view';

-- pair: filter removed
-- expected
CREATE VIEW v AS SELECT id FROM events WHERE kind = 'click';
-- actual
CREATE VIEW v AS SELECT id FROM events;

-- pair: aggregate function
-- expected
CREATE VIEW v AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE VIEW v AS SELECT dt, avg(amount) AS total FROM events GROUP BY dt;

-- pair: output alias
-- expected
CREATE VIEW v AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE VIEW v AS SELECT dt, sum(amount) AS revenue FROM events GROUP BY dt;

-- pair: GROUP BY
-- expected
CREATE VIEW v AS SELECT dt, count(*) AS n FROM events GROUP BY dt;
-- actual
CREATE VIEW v AS SELECT dt, count(*) AS n FROM events GROUP BY dt, kind;

-- pair: HAVING
-- expected
CREATE VIEW v AS SELECT dt, count(*) AS n FROM events GROUP BY dt HAVING count(*) > 10;
-- actual
CREATE VIEW v AS SELECT dt, count(*) AS n FROM events GROUP BY dt HAVING count(*) > 100;

-- pair: ORDER BY direction
-- expected
CREATE VIEW v AS SELECT id, dt FROM events ORDER BY dt LIMIT 10;
-- actual
CREATE VIEW v AS SELECT id, dt FROM events ORDER BY dt DESC LIMIT 10;

-- pair: LIMIT
-- expected
CREATE VIEW v AS SELECT id, dt FROM events ORDER BY dt LIMIT 10;
-- actual
CREATE VIEW v AS SELECT id, dt FROM events ORDER BY dt LIMIT 100;

-- pair: UNION vs UNION ALL
-- expected
CREATE VIEW v AS SELECT id FROM events UNION ALL SELECT id FROM staging.events;
-- actual
CREATE VIEW v AS SELECT id FROM events UNION SELECT id FROM staging.events;

-- pair: subquery filter
-- expected
CREATE VIEW v AS SELECT id FROM events WHERE user_id IN (SELECT id FROM users WHERE country = 'DE');
-- actual
CREATE VIEW v AS SELECT id FROM events WHERE user_id IN (SELECT id FROM users WHERE country = 'FR');

-- pair: subquery reads another database
-- expected
CREATE VIEW v AS SELECT s.id FROM (SELECT id FROM events WHERE amount > 0) s;
-- actual
CREATE VIEW v AS SELECT s.id FROM (SELECT id FROM staging.events WHERE amount > 0) s;

-- pair: CTE body
-- expected
CREATE VIEW v AS WITH big AS (SELECT id FROM events WHERE amount > 100) SELECT id FROM big;
-- actual
CREATE VIEW v AS WITH big AS (SELECT id FROM events WHERE amount > 1000) SELECT id FROM big;

-- pair: window partition
-- expected
CREATE VIEW v AS SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY dt) AS rn FROM events;
-- actual
CREATE VIEW v AS SELECT id, row_number() OVER (PARTITION BY kind ORDER BY dt) AS rn FROM events;

-- pair: DISTINCT added
-- expected
CREATE VIEW v AS SELECT kind FROM events;
-- actual
CREATE VIEW v AS SELECT DISTINCT kind FROM events;

-- pair: self-join sides swapped
-- expected
CREATE VIEW v AS SELECT a.id, b.kind FROM events a JOIN events b ON a.user_id = b.id;
-- actual
CREATE VIEW v AS SELECT a.id, b.kind FROM events a JOIN events b ON b.user_id = a.id;

-- pair: MV base table in another database
-- expected
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM staging.events GROUP BY dt;

-- pair: MV base table in another database, in the 3.x server's rewritten text
-- expected
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE MATERIALIZED VIEW `mv` (`dt`, `total`)
DISTRIBUTED BY HASH(`dt`)
REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT `events`.`dt`, sum(`events`.`amount`) AS `total`
FROM `staging`.`events`
GROUP BY `events`.`dt`;

-- pair: MV refresh interval
-- expected
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 HOUR)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;

-- pair: MV refresh start
-- expected
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC START("2026-01-01 00:00:00") EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC START("2026-02-01 00:00:00") EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;

-- pair: MV distribution
-- expected
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY RANDOM REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;

-- pair: MV partition
-- expected
CREATE MATERIALIZED VIEW mv PARTITION BY dt DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE MATERIALIZED VIEW mv PARTITION BY date_trunc('month', dt) DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;

-- pair: MV property
-- expected
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
PROPERTIES ("replication_num" = "1")
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
-- actual
CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(dt) REFRESH ASYNC EVERY(INTERVAL 1 DAY)
PROPERTIES ("replication_num" = "3")
AS SELECT dt, sum(amount) AS total FROM events GROUP BY dt;
