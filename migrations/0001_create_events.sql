-- revision: 7c1e4a90
-- down_revision: none
-- message: raw product events, partitioned by day
CREATE TABLE events (
    event_id BIGINT NOT NULL COMMENT "unique event id",
    event_date DATE NOT NULL COMMENT "partition column",
    user_id BIGINT NOT NULL,
    event_type VARCHAR(64) NOT NULL COMMENT "click/view/purchase",
    event_time DATETIME,
    payload JSON
)
DUPLICATE KEY(event_id, event_date)
COMMENT "raw product events"
PARTITION BY RANGE(event_date) (
    START ("2026-01-01") END ("2027-01-01") EVERY (INTERVAL 1 DAY)
)
DISTRIBUTED BY HASH(event_id)
PROPERTIES (
    "replication_num" = "${replication_num}"
);
