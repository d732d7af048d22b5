-- revision: r1
-- down_revision: none
-- message: events
CREATE TABLE events (
    event_id BIGINT NOT NULL
)
DUPLICATE KEY(event_id)
DISTRIBUTED BY HASH(event_id) BUCKETS 16
PROPERTIES ("replication_num" = "${replication_num}");
