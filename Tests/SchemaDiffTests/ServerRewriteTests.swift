import Findings
import Foundation
import SchemaDiff
import SchemaModel
import Testing

/// Server rewrites the corpus has no recorded output for (docs/corpus.md): each pairs a migration with what a
/// server prints for it (no drift), and where the rule could hide a real change, a by-hand change that must still
/// be drift.
let rewriteCases: [DefaultCase] = [
    DefaultCase("generated column stays last after ADD COLUMN",
                """
                CREATE TABLE t (k INT NOT NULL, v INT, g BIGINT AS v + 1) PRIMARY KEY(k) DISTRIBUTED BY HASH(k);
                ALTER TABLE t ADD COLUMN w VARCHAR(10);
                """,
                """
                CREATE TABLE `t` (
                  `k` int(11) NOT NULL COMMENT "",
                  `v` int(11) NULL COMMENT "",
                  `w` varchar(10) NULL COMMENT "",
                  `g` bigint(20) NULL AS `t`.`v` + 1 COMMENT ""
                ) ENGINE=OLAP 
                PRIMARY KEY(`k`)
                DISTRIBUTED BY HASH(`k`)
                PROPERTIES ("compression" = "LZ4", "enable_persistent_index" = "true", "fast_schema_evolution" = "true",
                "replicated_storage" = "true");
                """),
    DefaultCase("compression spelling: case and spaces",
                "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"compression\" = \"zstd (  1  )\");",
                """
                CREATE TABLE `t` (`k` int(11) NULL COMMENT "") ENGINE=OLAP DUPLICATE KEY(`k`) DISTRIBUTED BY HASH(`k`)
                PROPERTIES ("compression" = "ZSTD(1)", "fast_schema_evolution" = "true", "replicated_storage" = "true");
                """),
    DefaultCase("compression lz4_frame prints LZ4",
                "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"compression\" = \"lz4_frame\");",
                """
                CREATE TABLE `t` (`k` int(11) NULL COMMENT "") ENGINE=OLAP DUPLICATE KEY(`k`) DISTRIBUTED BY HASH(`k`)
                PROPERTIES ("compression" = "LZ4");
                """),
    DefaultCase("properties set back to their default vanish",
                """
                CREATE TABLE t (k INT NOT NULL, v INT) PRIMARY KEY(k) DISTRIBUTED BY HASH(k)
                PROPERTIES ("colocate_with" = "g1", "bloom_filter_columns" = "v", "primary_index_cache_expire_sec" = "60");
                ALTER TABLE t SET ("colocate_with" = "");
                ALTER TABLE t SET ("bloom_filter_columns" = "");
                ALTER TABLE t SET ("primary_index_cache_expire_sec" = "0");
                ALTER TABLE t SET ("enable_persistent_index" = "false");
                """,
                """
                CREATE TABLE `t` (`k` int(11) NOT NULL COMMENT "", `v` int(11) NULL COMMENT "") ENGINE=OLAP
                PRIMARY KEY(`k`) DISTRIBUTED BY HASH(`k`)
                PROPERTIES ("compression" = "LZ4", "fast_schema_evolution" = "true");
                """),
    DefaultCase("older servers print COMMENT \"OLAP\" for a table without comment",
                "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);",
                """
                CREATE TABLE `t` (`k` int(11) NULL COMMENT "") ENGINE=OLAP DUPLICATE KEY(`k`) COMMENT "OLAP"
                DISTRIBUTED BY HASH(`k`) PROPERTIES ("in_memory" = "false", "storage_format" = "DEFAULT");
                """),
    DefaultCase("dictionary_get gains its null_if_not_exist argument",
                """
                CREATE TABLE t (k INT NOT NULL, d STRUCT<v INT> AS dictionary_get('dict', k))
                PRIMARY KEY(k) DISTRIBUTED BY HASH(k);
                """,
                """
                CREATE TABLE `t` (
                  `k` int(11) NOT NULL COMMENT "",
                  `d` struct<v int(11)> NULL AS dictionary_get('dict', `t`.`k`, false) COMMENT ""
                ) ENGINE=OLAP PRIMARY KEY(`k`) DISTRIBUTED BY HASH(`k`);
                """),
    DefaultCase("time_slice gains its floor boundary (view query)",
                "CREATE VIEW v AS SELECT time_slice(dt, INTERVAL 1 DAY) AS d FROM src;",
                """
                CREATE VIEW `v` (`d`) AS SELECT time_slice(`shop`.`src`.`dt`, INTERVAL 1 DAY, floor) AS `d`
                FROM `shop`.`src`;
                """),
    DefaultCase("CREATE INDEX on a materialized view",
                """
                CREATE MATERIALIZED VIEW mv (k, c) DISTRIBUTED BY HASH(k) REFRESH MANUAL AS SELECT k, c FROM src;
                CREATE INDEX idx_c ON mv (c) USING BITMAP;
                """,
                """
                CREATE MATERIALIZED VIEW `mv` (`k`, `c`, INDEX idx_c (`c`) USING BITMAP COMMENT '')
                DISTRIBUTED BY HASH(`k`)
                REFRESH MANUAL
                PROPERTIES ("replicated_storage" = "true", "storage_medium" = "HDD")
                AS SELECT `shop`.`src`.`k`, `shop`.`src`.`c` FROM `shop`.`src`;
                """),
]

/// A migration and a by-hand change of what the server prints: must be drift of `kind` (above info).
let rewriteDriftCases: [(name: String, expected: String, actual: String, kind: FindingKind)] = [
    ("compression level changed by hand",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"compression\" = \"ZSTD(1)\");",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"compression\" = \"ZSTD(3)\");",
     .property),
    ("colocation added by hand",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"colocate_with\" = \"g1\");",
     .property),
    ("shared-data cache disabled by hand",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"datacache.enable\" = \"false\");",
     .property),
    ("a real table comment is not folded",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);",
     "CREATE TABLE t (k INT) DUPLICATE KEY(k) COMMENT \"orders\" DISTRIBUTED BY HASH(k);",
     .tableComment),
    ("dictionary_get with null_if_not_exist true is not folded",
     "CREATE TABLE t (k INT NOT NULL, d STRUCT<v INT> AS dictionary_get('dict', k)) PRIMARY KEY(k) DISTRIBUTED BY HASH(k);",
     "CREATE TABLE t (k INT NOT NULL, d STRUCT<v INT> AS dictionary_get('dict', k, true)) PRIMARY KEY(k) DISTRIBUTED BY HASH(k);",
     .columnGenerated),
    ("time_slice ceil is not floor",
     "CREATE VIEW v AS SELECT time_slice(dt, INTERVAL 1 DAY) AS d FROM src;",
     "CREATE VIEW v AS SELECT time_slice(dt, INTERVAL 1 DAY, ceil) AS d FROM src;",
     .viewDefinition),
    ("index added to a materialized view by hand",
     "CREATE MATERIALIZED VIEW mv (k, c) DISTRIBUTED BY HASH(k) REFRESH MANUAL AS SELECT k, c FROM src;",
     "CREATE MATERIALIZED VIEW mv (k, c, INDEX idx_c (c) USING BITMAP) DISTRIBUTED BY HASH(k) REFRESH MANUAL AS SELECT k, c FROM src;",
     .unexpectedIndex),
]

@Suite struct ServerRewriteTests {
    @Test(arguments: rewriteCases)
    func serverRewriteIsNoDrift(_ testCase: DefaultCase) throws {
        let comparison = diff(expected: try Sample.load(testCase.expected), actual: try Sample.load(testCase.actual))
        #expect(comparison.findings.isEmpty, "\(comparison.findings.map { "\($0.kind.rawValue)@\($0.object): \($0.expected ?? "-") vs \($0.actual ?? "-")" })")
        #expect(comparison.notCompared.isEmpty, "\(comparison.notCompared)")
    }

    @Test(arguments: rewriteDriftCases.indices)
    func byHandChangeIsDrift(_ index: Int) throws {
        let testCase = rewriteDriftCases[index]
        let comparison = diff(expected: try Sample.load(testCase.expected), actual: try Sample.load(testCase.actual))
        let matching = comparison.findings.filter { $0.kind == testCase.kind && $0.severity > .info }
        #expect(matching.count == 1, "\(testCase.name): \(comparison.findings.map { "\($0.kind.rawValue)@\($0.object)" })")
    }

    /// A shared-data table the migrations create without cloud properties: the analyzer's defaults
    /// (`datacache.enable` true, `enable_async_write_back` false) are no drift; `storage_volume` and `replication_num`,
    /// whose defaults depend on the cluster, are said as info until `expect.properties` pins them.
    @Test func sharedDataDefaultsAreKnownOrSaidAsInfo() throws {
        let url = try #require(Bundle.module.url(forResource: "shared_data_table", withExtension: "sql",
                                                 subdirectory: "Fixtures"))
        let actual = try Sample.load(String(contentsOf: url, encoding: .utf8))
        let expected = try Sample.load("""
            CREATE TABLE orders (id BIGINT NOT NULL, amount DECIMAL(10, 2)) PRIMARY KEY(id) DISTRIBUTED BY HASH(id);
            """)
        let comparison = diff(expected: expected, actual: actual)
        #expect(comparison.findings.allSatisfy { $0.severity == .info && $0.kind == .propertyDefaultUnknown })
        #expect(Set(comparison.findings.map(\.object)) == ["properties.replication_num", "properties.storage_volume"])
        let pinned = diff(expected: expected, actual: actual, options: DiffOptions(
            expectedProperties: ["replication_num": "1", "storage_volume": "builtin_storage_volume"]))
        #expect(pinned.findings.isEmpty, "\(pinned.findings)")
        let wrongPin = diff(expected: expected, actual: actual, options: DiffOptions(
            expectedProperties: ["replication_num": "3", "storage_volume": "builtin_storage_volume"]))
        #expect(wrongPin.findings.map(\.kind) == [.property])
    }

    /// A 3.0 shared-data table prints that era's cloud-native settings (`enable_storage_cache`, `storage_cache_ttl`,
    /// `allow_async_write_back`): the fixed default is no drift, the version-dependent ones are info, and a value
    /// changed by hand away from the fixed default is drift.
    @Test func sharedData30SettingsAreKnownOrSaidAsInfo() throws {
        let expected = try Sample.load("CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);")
        func actual(_ writeBack: String) throws -> Catalog {
            try Sample.load("""
                CREATE TABLE `t` (
                  `k` int(11) NULL COMMENT ""
                ) ENGINE=OLAP
                DUPLICATE KEY(`k`)
                DISTRIBUTED BY HASH(`k`) BUCKETS 3
                PROPERTIES (
                "replication_num" = "1",
                "enable_storage_cache" = "true",
                "storage_cache_ttl" = "86400",
                "allow_async_write_back" = "\(writeBack)",
                "storage_volume" = "builtin_storage_volume"
                );
                """)
        }
        let clean = diff(expected: expected, actual: try actual("false"))
        #expect(clean.findings.allSatisfy { $0.severity == .info }, "\(clean.findings)")
        let changed = diff(expected: expected, actual: try actual("true"))
        #expect(changed.findings.contains { $0.kind == .property && $0.object.hasSuffix("allow_async_write_back") })
    }

    /// Cooldown: `storage_medium` SSD with `storage_cooldown_time` as the server prints them back is no drift; a
    /// cooldown time moved by hand, or the medium changed, is drift.
    @Test func cooldownPropertiesCompare() throws {
        let expected = try Sample.load("""
            CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k)
            PROPERTIES ("storage_medium" = "ssd", "storage_cooldown_time" = "2030-06-01 00:00:00");
            """)
        func actual(_ medium: String, _ time: String) throws -> Catalog {
            try Sample.load("""
                CREATE TABLE `t` (
                  `k` int(11) NULL COMMENT ""
                ) ENGINE=OLAP
                DUPLICATE KEY(`k`)
                DISTRIBUTED BY HASH(`k`)
                PROPERTIES (
                "compression" = "LZ4",
                "replication_num" = "3",
                "storage_cooldown_time" = "\(time)",
                "storage_medium" = "\(medium)"
                );
                """)
        }
        let same = diff(expected: expected, actual: try actual("SSD", "2030-06-01 00:00:00"))
        #expect(same.findings.allSatisfy { $0.severity == .info }, "\(same.findings)")
        let moved = diff(expected: expected, actual: try actual("SSD", "2031-01-01 00:00:00"))
        #expect(moved.findings.contains { $0.kind == .property && $0.object.hasSuffix("storage_cooldown_time") })
        let medium = diff(expected: expected, actual: try actual("HDD", "2030-06-01 00:00:00"))
        #expect(medium.findings.contains { $0.kind == .property && $0.object.hasSuffix("storage_medium") })
    }

    /// The default replicated_storage depends on an FE setting: "true" (the setting's default) is accepted, "false"
    /// on an object no migration set it on is info — not silently accepted, not drift.
    @Test func replicatedStorageOffIsInfo() throws {
        let expected = try Sample.load("CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);")
        let actual = try Sample.load("""
            CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES ("replicated_storage" = "false");
            """)
        let findings = diff(expected: expected, actual: actual).findings
        #expect(findings.map(\.kind) == [.propertyDefaultUnknown])
        #expect(findings.first?.severity == .info)
        #expect(findings.first?.message.contains("enable_replicated_storage_as_default_engine") == true)
    }
}
