-- revision: r3
-- down_revision: r2
-- message: make events a primary key table
CREATE TABLE IF NOT EXISTS events (
    event_id BIGINT NOT NULL,
    event_date DATE NOT NULL
)
PRIMARY KEY(event_id)
DISTRIBUTED BY HASH(event_id)
PROPERTIES ("replication_num" = "${replication_num}");
