/// A real-shaped catalog for `drift-bench peer`: tables in three key models (the introspect benchmark's event table,
/// a PRIMARY KEY table with ORDER BY, an AGGREGATE table), views over them and async MVs, each text shaped like a
/// 3.3 FE's SHOW CREATE output.
enum PeerCatalog {
    /// Object name → SHOW CREATE text.
    static func objects(tables: Int, views: Int, materializedViews: Int) -> [String: String] {
        var objects: [String: String] = [:]
        for index in 0..<tables {
            let name = "t\(index)"
            switch index % 3 {
            case 0: objects[name] = IntrospectBenchmark.tableText(name: name)
            case 1: objects[name] = primaryKeyTable(name)
            default: objects[name] = aggregateTable(name)
            }
        }
        for index in 0..<views {
            let base = "t\((index * 3) % tables)"
            objects["v\(index)"] = """
                CREATE VIEW `v\(index)` (`event_id`, `user_id`, `event_type`) COMMENT "events of one kind" AS SELECT \
                `bench`.`\(base)`.`event_id`, `bench`.`\(base)`.`user_id`, `bench`.`\(base)`.`event_type`
                FROM `bench`.`\(base)`
                WHERE `bench`.`\(base)`.`event_type` = 'click';
                """
        }
        for index in 0..<materializedViews {
            let base = "t\((index * 3) % tables)"
            objects["mv\(index)"] = """
                CREATE MATERIALIZED VIEW `mv\(index)` (`event_date`, `user_id`, `events`)
                DISTRIBUTED BY HASH(`user_id`)
                REFRESH ASYNC START("2026-01-01 00:00:00") EVERY(INTERVAL 1 HOUR)
                PROPERTIES (
                "replication_num" = "3",
                "replicated_storage" = "true",
                "storage_medium" = "HDD"
                )
                AS SELECT `bench`.`\(base)`.`event_date`, `bench`.`\(base)`.`user_id`, count(*) AS `events`
                FROM `bench`.`\(base)`
                GROUP BY `bench`.`\(base)`.`event_date`, `bench`.`\(base)`.`user_id`;
                """
        }
        return objects
    }

    static func primaryKeyTable(_ name: String) -> String {
        """
        CREATE TABLE `\(name)` (
          `user_id` bigint(20) NOT NULL COMMENT "",
          `email` varchar(255) NOT NULL COMMENT "login",
          `country` char(2) NULL COMMENT "",
          `signup_at` datetime NULL COMMENT "",
          `is_active` boolean NULL DEFAULT "true" COMMENT "",
          `score` double NULL COMMENT ""
        ) ENGINE=OLAP 
        PRIMARY KEY(`user_id`)
        COMMENT "accounts"
        DISTRIBUTED BY HASH(`user_id`) BUCKETS 8 
        ORDER BY(`email`)
        PROPERTIES (
        "compression" = "LZ4",
        "enable_persistent_index" = "true",
        "fast_schema_evolution" = "true",
        "replicated_storage" = "true",
        "replication_num" = "3"
        );
        """
    }

    static func aggregateTable(_ name: String) -> String {
        """
        CREATE TABLE `\(name)` (
          `day` date NOT NULL COMMENT "",
          `site_id` int(11) NOT NULL COMMENT "",
          `visits` bigint(20) SUM NULL DEFAULT "0" COMMENT "",
          `revenue` decimal(18, 2) SUM NULL COMMENT "",
          `last_seen` datetime REPLACE NULL COMMENT ""
        ) ENGINE=OLAP 
        AGGREGATE KEY(`day`, `site_id`)
        DISTRIBUTED BY HASH(`site_id`)
        PROPERTIES (
        "compression" = "LZ4",
        "fast_schema_evolution" = "true",
        "replicated_storage" = "true",
        "replication_num" = "3"
        );
        """
    }
}
