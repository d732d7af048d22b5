import DriftTestSupport
import Foundation
import MigrationHistory
import Testing
@testable import MigrationLint

/// This target's Fixtures directory.
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// The repository root (the directory holding Package.swift).
private let repositoryRoot = RepositoryPaths.root

/// Lints the fixture history `rule/variant`.
private func lintFixture(_ rule: LintRule, _ variant: String) throws -> [LintFinding] {
    try lint(MigrationHistory.load(path: "\(fixtures)/\(rule.rawValue)/\(variant)"), defaultDatabase: "analytics")
}

@Suite("migration lint")
struct MigrationLintTests {
    @Test(arguments: LintRule.allCases)
    func fixedFixtureIsClean(_ rule: LintRule) throws {
        let findings = try lintFixture(rule, "fixed")
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test(arguments: LintRule.allCases)
    func badFixtureFiresOnlyItsRule(_ rule: LintRule) throws {
        let findings = try lintFixture(rule, "bad")
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.rule == rule }, "\(findings.map(\.description))")
        #expect(findings.allSatisfy { $0.severity == rule.severity && !$0.fix.isEmpty })
    }

    @Test func secondSchemaChangeIsReportedAtItsLine() throws {
        let findings = try lintFixture(.oneSchemaChangePerTable, "bad")
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.location.file.hasSuffix("one-schema-change-per-table/bad/0002_columns.sql"))
        #expect(finding.location.line == 5)
        #expect(finding.revision == "r2")
        #expect(finding.object == "analytics.events")
        #expect(finding.severity == .error)
        #expect(finding.message.contains(":4:"))
        #expect(finding.description.contains("[one-schema-change-per-table]"))
    }

    @Test func hardCodedBucketsPointsAtBuckets() throws {
        let findings = try lintFixture(.hardCodedBuckets, "bad")
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == 8)
        #expect(findings.first?.location.column == 31)
        #expect(findings.first?.fix.contains("DISTRIBUTED BY HASH(event_id)") == true)
        #expect(findings.first?.severity == .warning)
    }

    @Test func hardCodedReplicationNumSuggestsThePlaceholder() throws {
        let findings = try lintFixture(.hardCodedReplicationNum, "bad")
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == 9)
        #expect(findings.first?.fix.contains("${replication_num}") == true)
    }

    @Test func notInPlaceFindsDistributionAndKeyModelChanges() throws {
        let findings = try lintFixture(.changeNotInPlace, "bad")
        #expect(findings.map(\.revision) == ["r2", "r3"])
        #expect(findings[0].message.contains("from HASH to RANDOM"))
        #expect(findings[0].location.line == 4)
        #expect(findings[1].message.contains("key model DUPLICATE KEY -> PRIMARY KEY"))
    }

    @Test func droppedColumnNamesTheView() throws {
        let findings = try lintFixture(.dropColumnUsedByView, "bad")
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.message.contains("analytics.events_by_source"))
        #expect(finding.location.line == 4)
        #expect(finding.location.column == 32)
    }

    @Test func droppingAnUnusedColumnIsFine() throws {
        let history = try MigrationHistory.parse(files: [
            ("0001.sql", "-- revision: a\n-- down_revision: none\nCREATE TABLE t (k INT, v INT, w INT) DUPLICATE KEY(k) "
                + "DISTRIBUTED BY HASH(k);\nCREATE VIEW v1 AS SELECT k, COUNT(*) FROM t GROUP BY k;\n"),
            ("0002.sql", "-- revision: b\n-- down_revision: a\nALTER TABLE t DROP COLUMN w;\n"),
        ])
        #expect(try lint(history).isEmpty)
    }

    @Test func materializedViewUsersAreFoundAcrossDatabases() throws {
        let history = try MigrationHistory.parse(files: [
            ("0001.sql", "-- revision: a\n-- down_revision: none\nCREATE DATABASE reporting;\n"
                + "CREATE TABLE t (k INT, w INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);\n"
                + "CREATE MATERIALIZED VIEW reporting.mv REFRESH ASYNC AS SELECT k, SUM(w) AS s FROM analytics.t GROUP BY k;\n"),
            ("0002.sql", "-- revision: b\n-- down_revision: a\nALTER TABLE t DROP COLUMN w;\n"),
        ])
        let findings = try lint(history, defaultDatabase: "analytics")
        #expect(findings.map(\.rule) == [.dropColumnUsedByView])
        #expect(findings.first?.message.contains("materialized view reporting.mv") == true)
    }

    @Test func createIndexCountsAsASchemaChange() throws {
        let history = try MigrationHistory.parse(files: [
            ("0001.sql", "-- revision: a\n-- down_revision: none\nCREATE TABLE t (k INT, w INT) DUPLICATE KEY(k) "
                + "DISTRIBUTED BY HASH(k);\n"),
            ("0002.sql", "-- revision: b\n-- down_revision: a\nALTER TABLE t MODIFY COLUMN w BIGINT;\n"
                + "CREATE INDEX w_idx ON t (w) USING BITMAP;\nALTER TABLE t SET (\"replication_num\" = \"${r}\");\n"),
        ])
        let findings = try lint(history)
        #expect(findings.map(\.rule) == [.oneSchemaChangePerTable])
        #expect(findings.first?.location.line == 4)
    }

    @Test func selectStarViewUsesEveryColumn() throws {
        let history = try MigrationHistory.parse(files: [
            ("0001.sql", "-- revision: a\n-- down_revision: none\nCREATE TABLE t (k INT, w INT) DUPLICATE KEY(k) "
                + "DISTRIBUTED BY HASH(k);\nCREATE VIEW v1 AS SELECT * FROM t;\n"),
            ("0002.sql", "-- revision: b\n-- down_revision: a\nALTER TABLE t DROP COLUMN w;\n"),
        ])
        #expect(try lint(history).map(\.rule) == [.dropColumnUsedByView])
    }

    @Test func alembicSampleHardCodesReplicationAndBuckets() throws {
        guard let samples = RepositoryPaths.existing(RepositoryPaths.alembicSamples)?.path else { return }
        let findings = try lint(MigrationHistory.load(path: samples + "/upgrade_head_offline.sql"))
        #expect(Set(findings.map(\.rule)) == [.hardCodedReplicationNum, .hardCodedBuckets])
        #expect(findings.allSatisfy { $0.revision == "0001" })
    }

    @Test func partialOfflineSQLLintsWithoutItsBase() throws {
        guard let samples = RepositoryPaths.existing(RepositoryPaths.alembicSamples)?.path else { return }
        #expect(try lint(MigrationHistory.load(path: samples + "/upgrade_0002_to_head_offline.sql")).isEmpty)
    }

    @Test func versionsGraphWithoutDDLCannotBeLinted() throws {
        guard let samples = RepositoryPaths.existing(RepositoryPaths.alembicSamples)?.path else { return }
        #expect(throws: HistoryError.noDDL(path: samples + "/versions")) {
            try lint(MigrationHistory.load(path: samples + "/versions"))
        }
    }

    @Test func exampleMigrationsLintClean() throws {
        let directory = repositoryRoot.appendingPathComponent("migrations").path
        let findings = try lint(MigrationHistory.load(path: directory), defaultDatabase: "analytics")
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test func unparseableRevisionThrowsWithTheRevision() throws {
        let history = try MigrationHistory.parse(files: [
            ("0001.sql", "-- revision: a\n-- down_revision: none\nCREATE TABLE t (k INT\n"),
        ])
        do {
            _ = try lint(history)
            Issue.record("lint accepted a truncated statement")
        } catch {
            #expect(String(describing: error).contains("revision a"))
        }
    }
}
