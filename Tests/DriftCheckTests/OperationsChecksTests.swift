import Findings
import Foundation
import LiveSchema
import SchemaModel
import Testing
@testable import DriftCheck

@Suite("operations checks")
struct OperationsChecksTests {
    let policy = OperationsPolicy(now: OperationsPolicy.parseTimestamp("2026-11-27 12:00:00")!)

    @Test func runningJobIsTransientInfoAndStuckJobIsWarning() {
        let jobs = [
            AlterJob(database: "a", table: "events", state: "RUNNING", msg: "", createTime: "2026-11-27 11:50:00", finishTime: nil),
            AlterJob(database: "a", table: "users", state: "FINISHED_REWRITING", msg: "", createTime: "2026-11-27 02:00:00", finishTime: nil),
            AlterJob(database: "a", table: "old", state: "FINISHED", msg: "", createTime: "2026-11-01 02:00:00", finishTime: nil),
        ]
        let findings = OperationsChecks.schemaChangeFindings(jobs, policy: policy)
        #expect(findings.count == 2)
        #expect(findings[0].kind == .schemaChangeRunning && findings[0].severity == .info && findings[0].transient)
        #expect(findings[1].kind == .schemaChangeStuck && findings[1].severity == .warning)
        #expect(findings[1].object == "a.users")
        #expect(OperationsChecks.changingTables(jobs) == ["a.events", "a.users"])
    }

    @Test func rollupAndOptimizeJobsNameTheirListAndMakeTheTableChanging() {
        let jobs = [
            AlterJob(database: "a", table: "events", state: "WAITING_TXN", msg: "", createTime: "2026-11-27 11:50:00",
                     finishTime: nil, kind: .rollup),
            AlterJob(database: "a", table: "users", state: "RUNNING", msg: "", createTime: "2026-11-27 02:00:00",
                     finishTime: nil, kind: .optimize),
        ]
        let findings = OperationsChecks.schemaChangeFindings(jobs, policy: policy)
        #expect(findings.map(\.kind) == [.schemaChangeRunning, .schemaChangeStuck])
        #expect(findings[0].message.contains("a schema-change job (ROLLUP) on a.events is WAITING_TXN"), "\(findings[0].message)")
        #expect(findings[1].fixSQL == "SHOW ALTER TABLE OPTIMIZE FROM `a` WHERE TableName = \"users\";")
        #expect(findings[1].fixNote?.contains("CANCEL ALTER TABLE OPTIMIZE FROM `a`.`users`") == true)
        #expect(OperationsChecks.changingTables(jobs) == ["a.events", "a.users"])
    }

    @Test func recentCancelledJobCarriesServerMessage() {
        let jobs = [
            AlterJob(database: "a", table: "t", state: "CANCELLED", msg: "type change not supported", createTime: "2026-11-27 08:00:00", finishTime: "2026-11-27 08:01:00"),
            AlterJob(database: "a", table: "u", state: "CANCELLED", msg: "", createTime: "2026-10-01 08:00:00", finishTime: "2026-10-01 08:01:00"),
        ]
        let findings = OperationsChecks.schemaChangeFindings(jobs, policy: policy)
        #expect(findings.count == 1)
        #expect(findings[0].kind == .schemaChangeCancelled)
        #expect(findings[0].message.contains("type change not supported"))
    }

    @Test func findingsOnChangingTablesAreMarkedTransient() {
        let findings = [
            Finding(kind: .columnType, severity: .error, object: "a.events.x", message: "m"),
            Finding(kind: .columnType, severity: .error, object: "a.users.x", message: "m"),
        ]
        let marked = OperationsChecks.markTransient(findings, changing: ["a.events"])
        #expect(marked[0].transient)
        #expect(!marked[1].transient)
    }

    func catalog(replication: String?) -> Catalog {
        var table = Table(name: "events", columns: [Column(name: "k", type: .scalar(name: "int", arguments: []))])
        if let replication { table.properties["replication_num"] = replication }
        return Catalog(databases: ["a": Database(name: "a", tables: ["events": table])])
    }

    @Test func replicationTrapOnSingleBackend() {
        let findings = OperationsChecks.replicationFindings(
            expected: catalog(replication: "3"), expectedProperties: [:], expectedBackends: 1, alive: 1, total: 1,
            versionTable: nil, policy: policy)
        #expect(findings.count == 1)
        #expect(findings[0].kind == .replicationExceedsBackends)
        #expect(findings[0].severity == .error)
        #expect(findings[0].message.contains("ERROR 1064"))
    }

    @Test func silentMigrationUsesExpectPropertiesThenServerDefault() {
        let withExpect = OperationsChecks.replicationFindings(
            expected: catalog(replication: nil), expectedProperties: ["replication_num": "1"], expectedBackends: nil,
            alive: 1, total: 1, versionTable: nil, policy: policy)
        #expect(withExpect.isEmpty)
        let withDefault = OperationsChecks.replicationFindings(
            expected: catalog(replication: nil), expectedProperties: [:], expectedBackends: nil, alive: 1, total: 1,
            versionTable: ("a.alembic_version", nil), policy: policy)
        #expect(withDefault.map(\.object) == ["a.events", "a.alembic_version"])
    }

    @Test func fewerAliveBackendsThanExpectedIsAWarning() {
        let findings = OperationsChecks.replicationFindings(
            expected: catalog(replication: "1"), expectedProperties: [:], expectedBackends: 3, alive: 2, total: 3,
            versionTable: nil, policy: policy)
        #expect(findings.map(\.kind) == [.backendsMissing])
        #expect(findings[0].severity == .warning)
    }

    @Test func inactiveAndFailingMaterializedViews() {
        let findings = OperationsChecks.materializedViewFindings([
            MVStatus(database: "a", name: "mv1", isActive: false, inactiveReason: "base table dropped", lastRefreshState: nil, lastRefreshError: nil),
            MVStatus(database: "a", name: "mv2", isActive: true, inactiveReason: nil, lastRefreshState: "FAILED", lastRefreshError: "OOM"),
            MVStatus(database: "a", name: "mv3", isActive: true, inactiveReason: nil, lastRefreshState: "SUCCESS", lastRefreshError: nil),
        ])
        #expect(findings.map(\.kind) == [.materializedViewInactive, .materializedViewRefreshFailed])
        #expect(findings[0].message.contains("base table dropped"))
        #expect(findings[1].message.contains("OOM"))
    }

    @Test func partitionWindowEndingSoonIsReportedUnlessDynamic() {
        func table(end: String, dynamic: Bool) -> Table {
            var t = Table(name: "e", columns: [Column(name: "d", type: .scalar(name: "date", arguments: []))])
            t.partitioning = .range(RangePartitioning(expressions: ["d"], batches: [
                RangeBatch(start: "2026-01-01", end: end, every: 1, unit: "DAY")]))
            if dynamic { t.properties["dynamic_partition.enable"] = "true" }
            return t
        }
        func findings(_ t: Table) -> [Finding] {
            OperationsChecks.partitionWindowFindings(
                expected: Catalog(databases: ["a": Database(name: "a", tables: ["e": t])]), policy: policy)
        }
        #expect(findings(table(end: "2026-12-01", dynamic: false)).map(\.kind) == [.partitionWindowEnding])
        #expect(findings(table(end: "2026-11-20", dynamic: false))[0].message.contains("ended"))
        #expect(findings(table(end: "2027-06-01", dynamic: false)).isEmpty)
        #expect(findings(table(end: "2026-12-01", dynamic: true)).isEmpty)
    }

    @Test func pendingVersusDrift() {
        let head = [
            Finding(kind: .missingColumn, severity: .error, object: "a.events.utm_source", message: "missing"),
            Finding(kind: .unexpectedColumn, severity: .error, object: "a.events.hand_made", message: "unexpected"),
        ]
        let atRevision = [
            Finding(kind: .unexpectedColumn, severity: .error, object: "a.events.hand_made", message: "unexpected"),
        ]
        let classified = PendingClassifier.classify(headFindings: head, revisionFindings: atRevision,
                                                    pendingRevisions: ["0004"])
        #expect(classified[0].status == .pending && classified[0].severity == .warning)
        #expect(classified[0].message.contains("0004"))
        #expect(classified[1].status == .drift && classified[1].severity == .error)
    }
}
