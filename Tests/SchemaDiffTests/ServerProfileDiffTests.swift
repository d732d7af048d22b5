import Findings
import SchemaDiff
import SchemaModel
import Testing

/// The differ with and without an environment's server profile: what the profile learned is no drift, everything
/// else still is.
@Suite("Server profile in the differ")
struct ServerProfileDiffTests {
    /// What calibrate learns from a server newer than the property registry: properties it has no row for, a changed
    /// default it no longer prints, and a spelling the registry's comparison does not fold.
    static let profile = ServerProfile(
        serverVersion: "9.9.1", runMode: "shared_nothing", learnedAt: "2026-12-07T04:00:00Z",
        filledIn: [.table: ["future_tablet_policy": ["balanced"]],
                   .materializedView: ["mv_staleness_guard": ["strict"]]],
        unprinted: [.materializedView: ["enable_query_rewrite": ["false"]]],
        spellings: ["enable_load_profile": ["false": "0"]])

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

    static func actual(policy: String = "balanced", loadProfile: String = "0", staleness: String = "strict") -> String {
        """
        CREATE TABLE `t` (
          `k` int(11) NULL COMMENT ""
        ) ENGINE=OLAP 
        DUPLICATE KEY(`k`)
        DISTRIBUTED BY HASH(`k`) BUCKETS 1
        PROPERTIES (
        "compression" = "LZ4",
        "enable_load_profile" = "\(loadProfile)",
        "future_tablet_policy" = "\(policy)",
        "replication_num" = "1"
        );
        CREATE MATERIALIZED VIEW `mv` DISTRIBUTED BY HASH(`k`) BUCKETS 1 REFRESH MANUAL
        PROPERTIES (
        "mv_staleness_guard" = "\(staleness)",
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
        #expect(objects.contains("db.t.properties.future_tablet_policy"))
        #expect(objects.contains("db.t.properties.enable_load_profile"))
        #expect(objects.contains("db.mv.properties.enable_query_rewrite"))
        #expect(objects.contains("db.mv.properties.mv_staleness_guard"))
    }

    @Test func withTheProfileTheServerAsLearnedIsClean() throws {
        let findings = try Self.findings(Self.actual(), profile: Self.profile)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func aValueOtherThanTheLearnedOneIsStillDrift() throws {
        let filled = try Self.findings(Self.actual(policy: "eager"), profile: Self.profile)
        #expect(filled.map(\.object) == ["db.t.properties.future_tablet_policy"])
        let spelled = try Self.findings(Self.actual(loadProfile: "1"), profile: Self.profile)
        #expect(spelled.map(\.object) == ["db.t.properties.enable_load_profile"])
        let staleness = try Self.findings(Self.actual(staleness: "loose"), profile: Self.profile)
        #expect(staleness.map(\.object) == ["db.mv.properties.mv_staleness_guard"])
    }

    @Test func aPropertyTheProfileHidesOnlyAtItsDefault() throws {
        let expected = Self.expected.replacingOccurrences(of: "\"enable_query_rewrite\" = \"false\"",
                                                          with: "\"enable_query_rewrite\" = \"true\"")
        let findings = diff(expected: try Self.catalog(expected), actual: try Self.catalog(Self.actual()),
                            options: DiffOptions(profile: Self.profile)).findings.filter { $0.severity > .info }
        #expect(findings.map(\.object) == ["db.mv.properties.enable_query_rewrite"])
    }

    @Test func profileVersionMatch() {
        #expect(Self.profile.matches(serverVersion: "9.9.1"))
        #expect(!Self.profile.matches(serverVersion: "9.9.2"))
        #expect(Self.profile.matches(serverVersion: nil))
    }
}
