-- revision: r1
-- down_revision: none
-- message: events
CREATE TABLE events (
    event_id BIGINT NOT NULL,
    event_date DATE NOT NULL,
    utm_source VARCHAR(100)
)
DUPLICATE KEY(event_id)
DISTRIBUTED BY HASH(event_id)
PROPERTIES ("replication_num" = "${replication_num}");
