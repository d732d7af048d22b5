/// The demo's two simulated environments, as the verbatim `SHOW CREATE` text a StarRocks 3.3 FE prints.
///
/// Both carry the harmless rewrites a real server makes (backticks, `bigint(20)`, `varchar(65533)` for STRING,
/// `COMMENT ""` everywhere, default PROPERTIES in alphabetical order, the START/END/EVERY window expanded into 24
/// monthly partitions, view and MV SQL rewritten with qualified names). `prod` also carries planted drift: a column
/// added by hand (`events.debug_flag`), a missing materialized view (`events_by_source`), and `users` created with
/// `replication_num` 1 instead of 3 — plus an automatic bucket count the server chose, which is not drift.
enum DemoCatalogs {
    /// The database both environments use.
    static let database = "analytics"

    /// Object name → SHOW CREATE text for `dev` (clean) or `prod` (drifted).
    static func objects(prod: Bool) -> [String: String] {
        let replication = prod ? "3" : "1"
        var objects: [String: String] = [
            "events": events(replication: replication, handMadeColumn: prod),
            // prod drift: users was created with replication_num 1 although prod expects 3.
            "users": users(replication: "1", buckets: prod ? 12 : nil),
            "daily_active_users": dailyActiveUsers,
            "alembic_version": alembicVersion(replication: replication),
        ]
        if !prod {
            objects["events_by_source"] = eventsBySource(replication: replication)
        }
        return objects
    }

    /// `p202601 … p202712`: the monthly partitions the server expands `START ("2026-01-01") END ("2028-01-01")
    /// EVERY (INTERVAL 1 MONTH)` into.
    static var monthlyPartitions: String {
        var lines: [String] = []
        for index in 0..<24 {
            let year = 2026 + index / 12, month = index % 12 + 1
            let nextYear = 2026 + (index + 1) / 12, nextMonth = (index + 1) % 12 + 1
            let lower = "\(year)-\(pad(month))-01", upper = "\(nextYear)-\(pad(nextMonth))-01"
            lines.append("PARTITION p\(year)\(pad(month)) VALUES [(\"\(lower)\"), (\"\(upper)\"))")
        }
        return "(" + lines.joined(separator: ",\n") + ")"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func events(replication: String, handMadeColumn: Bool) -> String {
        let extra = handMadeColumn ? ",\n  `debug_flag` boolean NULL COMMENT \"\"" : ""
        return """
        CREATE TABLE `events` (
          `event_id` bigint(20) NOT NULL COMMENT "unique event id",
          `event_date` date NOT NULL COMMENT "",
          `user_id` bigint(20) NOT NULL COMMENT "",
          `event_type` varchar(64) NOT NULL COMMENT "",
          `payload` json NULL COMMENT "",
          `amount` decimal(18, 2) NULL DEFAULT "0" COMMENT "",
          `utm_source` varchar(100) NULL COMMENT "marketing source",
          `utm_campaign` varchar(100) NULL COMMENT ""\(extra)
        ) ENGINE=OLAP 
        DUPLICATE KEY(`event_id`, `event_date`)
        COMMENT "raw product events"
        PARTITION BY RANGE(`event_date`)
        \(monthlyPartitions)
        DISTRIBUTED BY HASH(`event_id`)
        PROPERTIES (
        "compression" = "LZ4",
        "fast_schema_evolution" = "true",
        "replicated_storage" = "true",
        "replication_num" = "\(replication)"
        );
        """
    }

    static func users(replication: String, buckets: Int?) -> String {
        let bucketText = buckets.map { " BUCKETS \($0) " } ?? ""
        return """
        CREATE TABLE `users` (
          `user_id` bigint(20) NOT NULL COMMENT "",
          `email` varchar(255) NOT NULL COMMENT "",
          `country` varchar(65533) NULL COMMENT "",
          `created_at` datetime NULL DEFAULT CURRENT_TIMESTAMP COMMENT ""
        ) ENGINE=OLAP 
        PRIMARY KEY(`user_id`)
        DISTRIBUTED BY HASH(`user_id`)\(bucketText)
        PROPERTIES (
        "compression" = "LZ4",
        "enable_persistent_index" = "true",
        "fast_schema_evolution" = "true",
        "replicated_storage" = "true",
        "replication_num" = "\(replication)"
        );
        """
    }

    static let dailyActiveUsers = """
        CREATE VIEW `daily_active_users` (`event_date`, `users` COMMENT "distinct users") AS SELECT `analytics`.`events`.`event_date`, count(DISTINCT `analytics`.`events`.`user_id`) AS `count(DISTINCT user_id)`
        FROM `analytics`.`events`
        GROUP BY `analytics`.`events`.`event_date`;
        """

    static func eventsBySource(replication: String) -> String {
        """
        CREATE MATERIALIZED VIEW `events_by_source` (`event_date`, `utm_source`, `events`, `revenue`)
        DISTRIBUTED BY HASH(`utm_source`)
        REFRESH ASYNC EVERY(INTERVAL 1 HOUR)
        PROPERTIES (
        "replicated_storage" = "true",
        "replication_num" = "\(replication)",
        "storage_medium" = "HDD"
        )
        AS SELECT `events`.`event_date`, `events`.`utm_source`, count(*) AS `events`, sum(`events`.`amount`) AS `revenue`
        FROM `analytics`.`events`
        GROUP BY `events`.`event_date`, `events`.`utm_source`;
        """
    }

    static func alembicVersion(replication: String) -> String {
        """
        CREATE TABLE `alembic_version` (
          `version_num` varchar(32) NOT NULL COMMENT ""
        ) ENGINE=OLAP 
        PRIMARY KEY(`version_num`)
        DISTRIBUTED BY HASH(`version_num`)
        PROPERTIES (
        "compression" = "LZ4",
        "enable_persistent_index" = "true",
        "fast_schema_evolution" = "true",
        "replicated_storage" = "true",
        "replication_num" = "\(replication)"
        );
        """
    }
}
