import StarRocksDDL

/// The built-in probe objects `calibrate` creates: small on purpose. A probe costs tablets on the user's cluster
/// (buckets × partitions × replicas), so every table has one bucket, at most two partitions and one replica, and the
/// materialized views never refresh by themselves (`REFRESH DEFERRED MANUAL`). Each probe is its own statement, so a
/// server that rejects one (a property it does not know) still answers the others.
public struct Probe: Hashable, Sendable {
    /// The kind of object a probe creates.
    public enum Kind: String, Hashable, Sendable {
        /// An OLAP table.
        case table
        /// A view.
        case view
        /// An asynchronous materialized view.
        case materializedView = "materialized view"
    }

    /// The object's name inside the probe database.
    public var name: String
    /// What it creates.
    public var kind: Kind
    /// What it exercises, for the report.
    public var purpose: String
    /// The statement, with `{db}` where the probe database's backticked name goes.
    public var template: String
    /// Probes it reads from (created first).
    public var dependencies: [String]

    /// The statement for the probe database `database`.
    public func sql(in database: String) -> String {
        template.replacingOccurrences(of: "{db}", with: SQLQuoting.backticked(database))
    }

    /// `SHOW CREATE TABLE|VIEW|MATERIALIZED VIEW` of the probe.
    func showCreate(in database: String) -> String {
        let keyword = kind == .table ? "TABLE" : kind == .view ? "VIEW" : "MATERIALIZED VIEW"
        return "SHOW CREATE \(keyword) " + SQLQuoting.backticked(database) + "." + SQLQuoting.backticked(name)
    }
}

/// The probe set for a cluster (see `Probe`).
public enum ProbeSet {
    /// Every probe for a cluster in `runMode` (`shared_data` adds the shared-data probes), in creation order.
    public static func probes(runMode: String) -> [Probe] {
        runMode == "shared_data" ? common + sharedData : common
    }

    private static let one = "\"replication_num\" = \"1\""

    /// Probes for every cluster.
    static let common: [Probe] = [
        Probe(name: "p_duplicate", kind: .table,
              purpose: "DUPLICATE KEY, RANGE partitions, HASH distribution, a column comment, a bitmap index",
              template: """
              CREATE TABLE {db}.`p_duplicate` (
                `k1` DATE NOT NULL,
                `k2` INT NOT NULL,
                `note` VARCHAR(50) COMMENT "a note",
                INDEX `idx_k2` (`k2`) USING BITMAP
              )
              DUPLICATE KEY(`k1`, `k2`)
              PARTITION BY RANGE(`k1`) (
                PARTITION p1 VALUES LESS THAN ("2020-01-01"),
                PARTITION p2 VALUES LESS THAN ("2021-01-01")
              )
              DISTRIBUTED BY HASH(`k2`) BUCKETS 1
              PROPERTIES (\(one))
              """, dependencies: []),
        Probe(name: "p_complex", kind: .table, purpose: "ARRAY, MAP, STRUCT and JSON columns",
              template: """
              CREATE TABLE {db}.`p_complex` (
                `k1` INT NOT NULL,
                `tags` ARRAY<VARCHAR(20)>,
                `attrs` MAP<VARCHAR(20), INT>,
                `point` STRUCT<x INT, y INT>,
                `doc` JSON
              )
              DUPLICATE KEY(`k1`)
              DISTRIBUTED BY HASH(`k1`) BUCKETS 1
              PROPERTIES (\(one))
              """, dependencies: []),
        Probe(name: "p_aggregate", kind: .table, purpose: "AGGREGATE KEY with SUM, MAX and REPLACE columns",
              template: """
              CREATE TABLE {db}.`p_aggregate` (
                `k1` INT NOT NULL,
                `v_sum` BIGINT SUM NOT NULL DEFAULT "0",
                `v_max` INT MAX,
                `v_last` VARCHAR(20) REPLACE
              )
              AGGREGATE KEY(`k1`)
              DISTRIBUTED BY HASH(`k1`) BUCKETS 1
              PROPERTIES (\(one))
              """, dependencies: []),
        Probe(name: "p_unique", kind: .table, purpose: "UNIQUE KEY",
              template: """
              CREATE TABLE {db}.`p_unique` (
                `k1` INT NOT NULL,
                `v1` VARCHAR(20)
              )
              UNIQUE KEY(`k1`)
              DISTRIBUTED BY HASH(`k1`) BUCKETS 1
              PROPERTIES (\(one))
              """, dependencies: []),
        Probe(name: "p_primary", kind: .table, purpose: "PRIMARY KEY, LIST partitions, ORDER BY",
              template: """
              CREATE TABLE {db}.`p_primary` (
                `id` BIGINT NOT NULL,
                `city` VARCHAR(20) NOT NULL,
                `v1` INT
              )
              PRIMARY KEY(`id`, `city`)
              PARTITION BY LIST(`city`) (
                PARTITION p_north VALUES IN ("oslo", "bergen"),
                PARTITION p_south VALUES IN ("rome")
              )
              DISTRIBUTED BY HASH(`id`) BUCKETS 1
              ORDER BY(`v1`)
              PROPERTIES (\(one))
              """, dependencies: []),
        Probe(name: "p_expression", kind: .table, purpose: "expression partitioning, RANDOM distribution",
              template: """
              CREATE TABLE {db}.`p_expression` (
                `dt` DATETIME NOT NULL,
                `v1` INT
              )
              DUPLICATE KEY(`dt`)
              PARTITION BY date_trunc('day', `dt`)
              DISTRIBUTED BY RANDOM BUCKETS 1
              PROPERTIES (\(one))
              """, dependencies: []),
        Probe(name: "p_generated", kind: .table, purpose: "a generated column",
              template: """
              CREATE TABLE {db}.`p_generated` (
                `k1` INT NOT NULL,
                `v1` INT,
                `v2` BIGINT AS `v1` + 1
              )
              DUPLICATE KEY(`k1`)
              DISTRIBUTED BY HASH(`k1`) BUCKETS 1
              PROPERTIES (\(one))
              """, dependencies: []),
        Probe(name: "p_defaults", kind: .table,
              purpose: "properties set to their defaults (which the server may stop printing)",
              template: """
              CREATE TABLE {db}.`p_defaults` (
                `k1` INT NOT NULL
              )
              DUPLICATE KEY(`k1`)
              DISTRIBUTED BY HASH(`k1`) BUCKETS 1
              PROPERTIES (\(one), "enable_load_profile" = "false")
              """, dependencies: []),
        Probe(name: "v_probe", kind: .view, purpose: "a view with a column list and a join",
              template: """
              CREATE VIEW {db}.`v_probe` (`k2`, `total`) AS
              SELECT d.`k2`, SUM(a.`v_sum`) FROM {db}.`p_duplicate` d JOIN {db}.`p_aggregate` a ON d.`k2` = a.`k1`
              GROUP BY d.`k2`
              """, dependencies: ["p_duplicate", "p_aggregate"]),
        Probe(name: "mv_probe", kind: .materializedView, purpose: "an asynchronous MV that never refreshes",
              template: """
              CREATE MATERIALIZED VIEW {db}.`mv_probe`
              DISTRIBUTED BY HASH(`k2`) BUCKETS 1
              REFRESH DEFERRED MANUAL
              PROPERTIES (\(one))
              AS SELECT `k2`, COUNT(*) AS `n` FROM {db}.`p_duplicate` GROUP BY `k2`
              """, dependencies: ["p_duplicate"]),
        Probe(name: "mv_rewrite_off", kind: .materializedView,
              purpose: "MV properties set to false (which the server may spell its own way)",
              template: """
              CREATE MATERIALIZED VIEW {db}.`mv_rewrite_off`
              DISTRIBUTED BY HASH(`k1`) BUCKETS 1
              REFRESH DEFERRED MANUAL
              PROPERTIES (\(one), "enable_query_rewrite" = "false")
              AS SELECT `k1`, SUM(`v_sum`) AS `total` FROM {db}.`p_aggregate` GROUP BY `k1`
              """, dependencies: ["p_aggregate"]),
    ]

    /// Probes only for shared-data clusters: cloud-native tables with the data-cache settings at their defaults.
    static let sharedData: [Probe] = [
        Probe(name: "p_cloud_cache", kind: .table, purpose: "shared-data data cache settings at their defaults",
              template: """
              CREATE TABLE {db}.`p_cloud_cache` (
                `k1` INT NOT NULL
              )
              DUPLICATE KEY(`k1`)
              DISTRIBUTED BY HASH(`k1`) BUCKETS 1
              PROPERTIES (\(one), "datacache.enable" = "true", "enable_async_write_back" = "false")
              """, dependencies: []),
    ]
}
