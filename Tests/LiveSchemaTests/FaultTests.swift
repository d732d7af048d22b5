import Foundation
import LiveSchema
import SchemaModel
import StarRocksClient
import StarRocksSimulator
import Testing

/// Version table, backends, schema-change jobs and MV health are read; missing privileges become "not checked"
/// parts with the grant to add; unparseable objects are reported; a dropped connection is a clear error.
@Suite struct FaultTests {
    static let table = """
        CREATE TABLE `events` (
          `id` bigint(20) NOT NULL COMMENT "",
          `name` varchar(64) NULL COMMENT ""
        ) ENGINE=OLAP
        DUPLICATE KEY(`id`)
        DISTRIBUTED BY HASH(`id`)
        PROPERTIES (
        "replication_num" = "1"
        );
        """
    static let view = "CREATE VIEW `recent` (`id`) AS SELECT `analytics`.`events`.`id`\nFROM `analytics`.`events`;"
    static let materializedView = """
        CREATE MATERIALIZED VIEW `by_name` (`name`, `n`)
        DISTRIBUTED BY HASH(`name`)
        REFRESH ASYNC
        PROPERTIES (
        "replication_num" = "1"
        )
        AS SELECT `analytics`.`events`.`name`, count(*) AS `n`
        FROM `analytics`.`events`
        GROUP BY `analytics`.`events`.`name`;
        """

    static func catalog(_ state: SimulatorState = SimulatorState(), extra: [String: String] = [:]) -> SimulatorCatalog {
        var objects = ["events": table, "recent": view, "by_name": materializedView]
        objects.merge(extra) { _, new in new }
        return SimulatorCatalog(databases: ["analytics": objects], state: state)
    }

    @Test func operationalStateIsRead() async throws {
        let state = SimulatorState(
            serverVersion: "3.3.9", versionTable: VersionTableState(revisions: ["abc123", "def456"]),
            backendsAlive: 2, backendsTotal: 3,
            alterJobs: [SimulatedAlterJob(table: "events", state: "RUNNING", message: "waiting",
                                          createTime: "2026-03-01 10:00:00"),
                        SimulatedAlterJob(table: "events", state: "WAITING_TXN", createTime: "2026-03-01 09:00:00",
                                          jobID: 7, isRollup: true, rollupName: "r1"),
                        SimulatedAlterJob(table: "events", state: "PENDING", createTime: "2026-03-01 08:00:00",
                                          jobID: 8, isOptimize: true, operation: "DISTRIBUTED BY HASH(`id`)")],
            materializedViews: [SimulatedMaterializedViewStatus(name: "by_name", isActive: false,
                                                                inactiveReason: "base table events changed",
                                                                lastRefreshState: "FAILED",
                                                                lastRefreshErrorMessage: "column missing")])
        let harness = try SimulatorHarness(Self.catalog(state))
        let snapshot = try await harness.reader().read(databases: ["analytics"], versionTable: "alembic_version")
        await harness.shutDown()
        #expect(snapshot.serverVersion == "3.3.9")
        #expect(snapshot.versionRows == ["abc123", "def456"])
        #expect(snapshot.backends == BackendCount(alive: 2, total: 3))
        // Each job from its own list, with its kind: a rollup or optimize job in flight is as much a reason for
        // transient findings as a column schema change.
        #expect(Set(snapshot.alterJobs) == [
            AlterJob(database: "analytics", table: "events", state: "RUNNING", msg: "waiting",
                     createTime: "2026-03-01 10:00:00", finishTime: nil, kind: .column),
            AlterJob(database: "analytics", table: "events", state: "WAITING_TXN", msg: "",
                     createTime: "2026-03-01 09:00:00", finishTime: nil, kind: .rollup),
            AlterJob(database: "analytics", table: "events", state: "PENDING", msg: "",
                     createTime: "2026-03-01 08:00:00", finishTime: nil, kind: .optimize),
        ])
        #expect(snapshot.materializedViewStatus == [MVStatus(
            database: "analytics", name: "by_name", isActive: false, inactiveReason: "base table events changed",
            lastRefreshState: "FAILED", lastRefreshError: "column missing")])
        let database = try #require(snapshot.catalog.databases["analytics"])
        #expect(database.tables.keys.sorted() == ["events"])
        #expect(database.views.keys.sorted() == ["recent"])
        #expect(database.materializedViews.keys.sorted() == ["by_name"])
        // 2 per server + 5 per database (objects, MVs, three job lists) + 1 version table + SHOW CREATE for the
        // table and the view.
        #expect(snapshot.statementsSent == 10)
    }

    /// A server older than optimize jobs (before 3.2) rejects `SHOW ALTER TABLE OPTIMIZE` as a syntax error (1064):
    /// it cannot run such a job either, so the read goes on with nothing listed for it and nothing "not checked".
    @Test func aServerWithoutOptimizeJobsIsReadWithoutThem() async throws {
        let state = SimulatorState(serverVersion: "3.1.11",
                                   alterJobs: [SimulatedAlterJob(table: "events", state: "RUNNING")])
        let harness = try SimulatorHarness(Self.catalog(state))
        let snapshot = try await harness.reader().read(databases: ["analytics"], versionTable: nil)
        await harness.shutDown()
        #expect(harness.simulator.statementLog.contains { $0.hasPrefix("SHOW ALTER TABLE OPTIMIZE") },
                "the optimize list was asked for (and rejected by the 3.1 simulator)")
        #expect(snapshot.alterJobs.map(\.kind) == [.column])
        #expect(snapshot.notChecked.isEmpty, "\(snapshot.notChecked)")
    }

    @Test func missingVersionTableIsNilAndMissingDatabaseIsListed() async throws {
        let harness = try SimulatorHarness(Self.catalog())
        let snapshot = try await harness.reader().read(databases: ["analytics", "gone"], versionTable: "alembic_version")
        await harness.shutDown()
        #expect(snapshot.versionRows == nil)
        #expect(snapshot.missingDatabases == ["gone"])
        #expect(snapshot.catalog.databases["gone"] == nil)
        #expect(snapshot.catalog.databases["analytics"]?.tables.count == 1)
    }

    @Test func deniedPartsAreNotCheckedWithTheGrant() async throws {
        let harness = try SimulatorHarness(Self.catalog(), deny: "^SHOW BACKENDS|SHOW CREATE VIEW `analytics`.`recent`")
        let snapshot = try await harness.reader().read(databases: ["analytics"], versionTable: nil)
        await harness.shutDown()
        #expect(snapshot.backends == nil)
        let backends = try #require(snapshot.notChecked.first { $0.part == "backends" })
        #expect(backends.grantToAdd == "GRANT OPERATE ON SYSTEM TO 'drift_reader'@'%'")
        #expect(backends.reason.contains("Access denied"))
        let view = try #require(snapshot.notChecked.first { $0.part == "analytics.recent" })
        #expect(view.grantToAdd == "GRANT SELECT ON VIEW `analytics`.`recent` TO 'drift_reader'@'%'")
        #expect(snapshot.catalog.databases["analytics"]?.views["recent"] == nil)
        #expect(snapshot.catalog.databases["analytics"]?.tables["events"] != nil)
    }

    @Test func deniedListingAndVersionTableNameTheirParts() async throws {
        let state = SimulatorState(versionTable: VersionTableState(revisions: ["abc"]))
        let harness = try SimulatorHarness(Self.catalog(state), deny: "^SHOW FULL TABLES|alembic_version")
        let snapshot = try await harness.reader().read(databases: ["analytics"], versionTable: "alembic_version")
        await harness.shutDown()
        let objects = try #require(snapshot.notChecked.first { $0.part == NotCheckedPart.objects(of: "analytics") })
        #expect(objects.grantToAdd.contains("GRANT SELECT ON ALL TABLES IN DATABASE `analytics`"))
        #expect(snapshot.catalog.databases["analytics"] == nil)
        let version = try #require(snapshot.notChecked.first { $0.part == NotCheckedPart.versionTable })
        #expect(version.grantToAdd == "GRANT SELECT ON TABLE `analytics`.`alembic_version` TO 'drift_reader'@'%'")
        #expect(snapshot.versionRows == nil)
    }

    @Test func unparseableObjectIsReportedNotFatal() async throws {
        let harness = try SimulatorHarness(Self.catalog(extra: ["broken": "CREATE TABLE `broken` (\n  `a` int(11) NULL,,\n)"]))
        let snapshot = try await harness.reader().read(databases: ["analytics"], versionTable: nil)
        await harness.shutDown()
        #expect(snapshot.unparseable.map(\.object) == [ObjectName(database: "analytics", name: "broken")])
        #expect(snapshot.unparseable.first?.error.contains(":2:") == true)
        #expect(snapshot.catalog.databases["analytics"]?.tables.keys.sorted() == ["events"])
    }

    @Test func droppedConnectionIsAClearError() async throws {
        let harness = try SimulatorHarness(Self.catalog(), dropAfter: 3)
        do {
            _ = try await harness.reader().read(databases: ["analytics"], versionTable: nil)
            Issue.record("the read should fail once the simulator drops connections")
        } catch let error as ClientError {
            #expect(error.isUnreachable)
            #expect("\(error)".contains("lost the connection"))
            #expect(!"\(error)".contains(SimulatorHarness.password))
        }
        await harness.shutDown()
    }

    @Test func nothingButReadsIsSent() async throws {
        let harness = try SimulatorHarness(Self.catalog(SimulatorState(versionTable: VersionTableState(revisions: ["x"]))))
        _ = try await harness.reader().read(databases: ["analytics"], versionTable: "analytics.alembic_version")
        await harness.shutDown()
        let log = harness.simulator.statementLog
        #expect(!log.isEmpty)
        #expect(log.allSatisfy(SimulatorHarness.isRead), "\(log)")
    }
}
