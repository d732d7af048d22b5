import SchemaDiff
import SchemaModel
import Testing

/// The differ with and without an environment's server profile: what the profile learned is no drift, everything
/// else still is.
@Suite("Server profile in the differ")
struct ServerProfileDiffTests {
    static let profile = ServerProfile(
        serverVersion: "9.9.1", runMode: "shared_nothing", learnedAt: "2026-12-07T04:00:00Z",
        filledIn: [.table: ["cloud_native_fast_schema_evolution_v2": ["true"]],
                   .materializedView: ["query_rewrite_consistency": ["CHECKED"]]],
        unprinted: [.table: ["enable_load_profile": ["false"]]],
        spellings: ["enable_query_rewrite": ["false": "FALSE"]])

    static func catalog(_ sql: String) throws -> Catalog {
        var catalog = Catalog()
        try catalog.apply(sql: sql, file: "test.sql", defaultDatabase: "db")
        return catalog
    }

    static let expected = """
    CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1
    PROPERTIES ("replication_num" = "1", "enable_load_profile" = "false");
    CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(k) BUCKETS 1 REFRESH MANUAL
    PROPERTIES ("replication_num" = "1", "enable_query_rewrite" = "false") AS SELECT k FROM t;
    """

    static func actual(table: String = "\"cloud_native_fast_schema_evolution_v2\" = \"true\",",
                       rewrite: String = "FALSE", consistency: String = "CHECKED") -> String {
        """
        CREATE TABLE `t` (
          `k` int(11) NULL COMMENT ""
        ) ENGINE=OLAP 
        DUPLICATE KEY(`k`)
        DISTRIBUTED BY HASH(`k`) BUCKETS 1
        PROPERTIES (
        \(table)
        "compression" = "LZ4",
        "replication_num" = "1"
        );
        CREATE MATERIALIZED VIEW `mv` DISTRIBUTED BY HASH(`k`) BUCKETS 1 REFRESH MANUAL
        PROPERTIES (
        "enable_query_rewrite" = "\(rewrite)",
        "query_rewrite_consistency" = "\(consistency)",
        "replication_num" = "1"
        ) AS SELECT `k` FROM `db`.`t`;
        """
    }

    static func findings(_ actual: String, profile: ServerProfile?) throws -> [Finding] {
        diff(expected: try catalog(expected), actual: try catalog(actual),
             options: DiffOptions(profile: profile)).findings.filter { $0.severity > .info }
    }

    @Test func withoutTheProfileEachLearnedClassIsDrift() throws {
        let objects = Set(try Self.findings(Self.actual(), profile: nil).map(\.object))
        #expect(objects.contains("db.t.properties.cloud_native_fast_schema_evolution_v2"))
        #expect(objects.contains("db.t.properties.enable_load_profile"))
        #expect(objects.contains("db.mv.properties.enable_query_rewrite"))
        #expect(objects.contains("db.mv.properties.query_rewrite_consistency"))
    }

    @Test func withTheProfileTheServerAsLearnedIsClean() throws {
        let findings = try Self.findings(Self.actual(), profile: Self.profile)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func aValueOtherThanTheLearnedOneIsStillDrift() throws {
        let filled = try Self.findings(Self.actual(table: "\"cloud_native_fast_schema_evolution_v2\" = \"false\","),
                                       profile: Self.profile)
        #expect(filled.map(\.object) == ["db.t.properties.cloud_native_fast_schema_evolution_v2"])
        let spelled = try Self.findings(Self.actual(rewrite: "TRUE"), profile: Self.profile)
        #expect(spelled.map(\.object) == ["db.mv.properties.enable_query_rewrite"])
        let consistency = try Self.findings(Self.actual(consistency: "LOOSE"), profile: Self.profile)
        #expect(consistency.map(\.object) == ["db.mv.properties.query_rewrite_consistency"])
    }

    @Test func aPropertyTheProfileHidesOnlyAtItsDefault() throws {
        let expected = Self.expected.replacingOccurrences(of: "\"enable_load_profile\" = \"false\"",
                                                          with: "\"enable_load_profile\" = \"true\"")
        let findings = diff(expected: try Self.catalog(expected), actual: try Self.catalog(Self.actual()),
                            options: DiffOptions(profile: Self.profile)).findings
        #expect(findings.map(\.object) == ["db.t.properties.enable_load_profile"])
    }

    @Test func profileVersionMatch() {
        #expect(Self.profile.matches(serverVersion: "9.9.1"))
        #expect(!Self.profile.matches(serverVersion: "9.9.2"))
        #expect(Self.profile.matches(serverVersion: nil))
    }
}
