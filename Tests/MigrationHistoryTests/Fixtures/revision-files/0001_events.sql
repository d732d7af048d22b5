-- revision: 1a2b3c4d
-- down_revision: none
-- message: events table
CREATE TABLE events (
    event_id BIGINT NOT NULL,
    event_date DATE NOT NULL
)
DUPLICATE KEY(event_id)
DISTRIBUTED BY HASH(event_id)
PROPERTIES ("replication_num" = "${replication_num}");
