-- revision: r2
-- down_revision: r1
-- message: rebuild events as a primary key table with random bucketing
DROP TABLE events;
CREATE TABLE events (
    event_id BIGINT NOT NULL,
    event_date DATE NOT NULL
)
PRIMARY KEY(event_id)
DISTRIBUTED BY HASH(event_id)
PROPERTIES ("replication_num" = "${replication_num}");
