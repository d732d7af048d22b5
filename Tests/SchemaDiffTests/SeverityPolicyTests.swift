import Findings
import Testing
@testable import SchemaDiff
import SchemaModel

/// The strict gate's defaults and the environment's `severity:` map.
@Suite struct SeverityPolicyTests {
    /// Every kind a person can produce by changing the schema by hand is an error by default.
    @Test func everySchemaDifferenceIsAnErrorByDefault() {
        let operationalOrInformational: Set<FindingKind> = [
            .partitionWindowEnding, .materializedViewInactive, .materializedViewRefreshFailed, .revisionBehind,
            .versionTableMissing, .versionTableRows, .schemaChangeStuck, .schemaChangeCancelled, .backendsMissing,
            .schemaChangeRunning, .propertyDefaultUnknown, .upgradeInProgress,
        ]
        for kind in FindingKind.allCases where !operationalOrInformational.contains(kind) {
            #expect(kind.defaultSeverity == .error, "\(kind.rawValue)")
        }
        #expect(FindingKind.revisionNotRecorded.defaultSeverity == .error)
        #expect(FindingKind.schemaChangeRunning.defaultSeverity == .info)
        #expect(FindingKind.upgradeInProgress.defaultSeverity == .info, "an upgrade applying revisions is not drift")
    }

    @Test func overridesAndIgnores() {
        let findings = [
            Finding(kind: .columnComment, severity: .error, object: "db.t.c", message: "comment"),
            Finding(kind: .columnComment, severity: .warning, object: "db.t.d", message: "pending", status: .pending),
            Finding(kind: .partitionWindowEnding, severity: .warning, object: "db.t", message: "window",
                    status: .operational),
            Finding(kind: .columnType, severity: .error, object: "db.t.e", message: "type"),
        ]
        let policy = SeverityPolicy([.columnComment: .severity(.info), .partitionWindowEnding: .ignore])
        let applied = policy.apply(findings)
        #expect(applied.map(\.object) == ["db.t.c", "db.t.d", "db.t.e"])
        #expect(applied.map(\.severity) == [.info, .info, .error])
        let raised = SeverityPolicy([.columnComment: .severity(.error)]).apply(findings)
        #expect(raised[1].severity == .warning, "a pending finding never rises above its classification")
        #expect(SeverityPolicy().apply(findings) == findings)
    }

    @Test func configValues() {
        #expect(SeverityPolicy.Level(configValue: "ignore") == .ignore)
        #expect(SeverityPolicy.Level(configValue: "warning") == .severity(.warning))
        #expect(SeverityPolicy.Level(configValue: "fatal") == nil)
    }
}

/// Rollups and synchronous MVs the migrations define are listed as not compared next to their table.
@Suite struct RollupNotComparedTests {
    @Test func rollupsAreNotComparedButTheTableIs() throws {
        let base = "CREATE TABLE t (k INT, v BIGINT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);\n"
        let expected = try Catalog.load(sql: base + "CREATE MATERIALIZED VIEW mv AS SELECT k, sum(v) FROM t GROUP BY k;",
                                        file: "e.sql", defaultDatabase: "db")
        let actual = try Catalog.load(sql: base, file: "a.sql", defaultDatabase: "db")
        let comparison = diff(expected: expected, actual: actual)
        #expect(comparison.findings.isEmpty, "\(comparison.findings)")
        #expect(comparison.notCompared.map(\.object) == ["db.t.rollups"])
        #expect(comparison.notCompared.first?.reason.contains("mv") == true)
    }
}
