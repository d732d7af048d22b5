/// The demo's migration history: what the demo's `dev` and `prod` environments are expected to look like.
///
/// Written the way a team writes migrations (no backticks, no display widths, BUCKETS omitted for automatic
/// bucketing, a monthly RANGE window declared with START/END/EVERY, `${replication_num}` per environment).
enum DemoMigrations {
    /// File name → contents, in no particular order (the revision graph orders them).
    static let files: [(name: String, text: String)] = [
        ("0001_events_and_users.sql", """
        -- revision: 0001
        -- down_revision: none
        -- message: events and users
        CREATE TABLE events (
            event_id BIGINT NOT NULL COMMENT "unique event id",
            event_date DATE NOT NULL,
            user_id BIGINT NOT NULL,
            event_type VARCHAR(64) NOT NULL,
            payload JSON,
            amount DECIMAL(18, 2) DEFAULT "0"
        )
        DUPLICATE KEY(event_id, event_date)
        COMMENT "raw product events"
        PARTITION BY RANGE(event_date) (
            START ("2026-01-01") END ("2028-01-01") EVERY (INTERVAL 1 MONTH)
        )
        DISTRIBUTED BY HASH(event_id)
        PROPERTIES ("replication_num" = "${replication_num}");

        CREATE TABLE users (
            user_id BIGINT NOT NULL,
            email VARCHAR(255) NOT NULL,
            country STRING,
            created_at DATETIME DEFAULT CURRENT_TIMESTAMP
        )
        PRIMARY KEY(user_id)
        DISTRIBUTED BY HASH(user_id)
        PROPERTIES ("replication_num" = "${replication_num}");

        """),
        ("0002_marketing_attribution.sql", """
        -- revision: 0002
        -- down_revision: 0001
        -- message: add marketing attribution columns
        ALTER TABLE events ADD COLUMN (
            utm_source VARCHAR(100) COMMENT "marketing source",
            utm_campaign VARCHAR(100)
        );

        """),
        ("0003_reporting.sql", """
        -- revision: 0003
        -- down_revision: 0002
        -- message: reporting view and hourly materialized view
        CREATE VIEW daily_active_users (event_date, users COMMENT "distinct users") AS
        SELECT event_date, COUNT(DISTINCT user_id) FROM events GROUP BY event_date;

        CREATE MATERIALIZED VIEW events_by_source
        DISTRIBUTED BY HASH(utm_source)
        REFRESH ASYNC EVERY (INTERVAL 1 HOUR)
        PROPERTIES ("replication_num" = "${replication_num}")
        AS SELECT event_date, utm_source, COUNT(*) AS events, SUM(amount) AS revenue
        FROM events GROUP BY event_date, utm_source;

        """),
    ]

    /// The head revision.
    static let head = "0003"
}
