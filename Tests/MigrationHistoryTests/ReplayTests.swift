import SchemaModel
import StarRocksDDL
import Testing
@testable import MigrationHistory

@Suite("replay into the expected catalog")
struct ReplayTests {
    @Test func alembicOfflineSQLReplaysToTheExpectedSchema() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let history = try MigrationHistory.load(path: samples + "/upgrade_head_offline.sql")
        let result = try history.replay(defaultDatabase: "analytics")
        #expect(result.revisions == ["0001", "0002", "0003b", "0003a", "0004"])
        let database = try #require(result.catalog.databases["analytics"])
        #expect(database.tables.keys.sorted() == ["events", "users"])
        #expect(database.views.keys.sorted() == ["active_users_view"])
        #expect(database.materializedViews.keys.sorted() == ["mv_daily_event_counts"])
        let events = try #require(database.tables["events"])
        #expect(events.columns.map(\.name) == ["user_id", "event_date", "event_type", "event_time", "payload",
                                               "utm_source", "utm_campaign"])
        #expect(events.key == TableKey(model: .primary, columns: ["user_id", "event_date"]))
        #expect(events.properties["replication_num"] == "3")
        let users = try #require(database.tables["users"])
        #expect(users.columns.map(\.name) == ["id", "name", "is_active", "country"])
        #expect(users.distribution?.buckets == 10)
        // The version table is bookkeeping, not part of the expected schema.
        #expect(database.tables["alembic_version"] == nil)
    }

    @Test func replayAtAnEarlierRevisionStopsThere() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let history = try MigrationHistory.load(path: samples + "/upgrade_head_offline.sql")
        let catalog = try history.expectedCatalog(at: "0003a", defaultDatabase: "analytics")
        let database = try #require(catalog.databases["analytics"])
        #expect(database.tables["events"]?.column(named: "utm_campaign") != nil)
        #expect(database.tables["users"]?.column(named: "country") == nil)
    }

    @Test func environmentOneMergeBehindHasTheMergePendingAndBothBranchesApplied() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let history = try MigrationHistory.load(path: samples + "/upgrade_head_offline.sql")
        // Before the merge, alembic_version holds one row per branch head.
        #expect(try history.pending(fromAll: ["0003a", "0003b"]).map(\.id) == ["0004"])
        let result = try history.replay(atAll: ["0003a", "0003b"], defaultDatabase: "analytics")
        #expect(result.revisions == ["0001", "0002", "0003b", "0003a"])
        let users = try #require(result.catalog.databases["analytics"]?.tables["users"])
        #expect(users.column(named: "country") != nil)
    }

    @Test func partialOfflineSQLCannotReplayItsBase() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let file = samples + "/upgrade_0002_to_head_offline.sql"
        let history = try MigrationHistory.load(path: file)
        #expect(throws: HistoryError.revisionWithoutDDL(revision: "0002", file: file)) {
            try history.replay(atAll: ["0002"], defaultDatabase: "analytics")
        }
        #expect(throws: HistoryError.revisionWithoutDDL(revision: "0002", file: file)) {
            try history.expectedCatalog(defaultDatabase: "analytics")
        }
    }

    @Test func versionsGraphWithFullOfflineSQLReplays() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let combined = try MigrationHistory.load(alembicVersions: samples + "/versions",
                                                 offlineSQL: samples + "/upgrade_head_offline.sql")
        let viaOffline = try MigrationHistory.load(path: samples + "/upgrade_head_offline.sql")
        #expect(try combined.expectedCatalog(defaultDatabase: "analytics")
            == viaOffline.expectedCatalog(defaultDatabase: "analytics"))
    }

    @Test func versionsGraphAloneHasNoDDL() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let graph = try MigrationHistory.load(path: samples + "/versions")
        #expect(throws: HistoryError.noDDL(path: samples + "/versions")) {
            try graph.expectedCatalog(defaultDatabase: "analytics")
        }
        let partial = try MigrationHistory.load(alembicVersions: samples + "/versions",
                                                offlineSQL: samples + "/upgrade_0002_to_head_offline.sql")
        #expect(throws: HistoryError.self) { try partial.expectedCatalog(defaultDatabase: "analytics") }
    }

    @Test func rejectedSampleFailsWithFileLineAndRevision() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let file = samples + "/rejected_by_starrocks_offline.sql"
        let history = try MigrationHistory.load(path: file)
        do {
            _ = try history.expectedCatalog(defaultDatabase: "analytics")
            Issue.record("the sample StarRocks rejects replayed")
        } catch {
            let message = String(describing: error)
            #expect(message.hasPrefix(file + ":"))
            #expect(message.contains("revision 0001"))
        }
    }

    @Test func exampleMigrationsReplayWithPlaceholders() throws {
        let directory = TestPaths.repositoryRoot.appendingPathComponent("migrations").path
        let history = try MigrationHistory.load(path: directory)
        #expect(history.orderedRevisions.count >= 4)
        let catalog = try history.expectedCatalog(variables: ["replication_num": "1"], environment: "dev",
                                                  defaultDatabase: "analytics")
        let database = try #require(catalog.databases["analytics"])
        let events = try #require(database.tables["events"])
        #expect(events.key?.model == .duplicate)
        #expect(events.properties["replication_num"] == "1")
        #expect(events.column(named: "utm_source") != nil)
        #expect(events.column(named: "utm_campaign") != nil)
        #expect(events.distribution?.buckets == nil)
        guard case let .range(range)? = events.partitioning else {
            Issue.record("events is not RANGE partitioned")
            return
        }
        #expect(!range.batches.isEmpty)
        #expect(database.tables["users"]?.key?.model == .primary)
        #expect(!database.views.isEmpty)
        #expect(!database.materializedViews.isEmpty)
    }

    @Test func exampleMigrationsNeedTheEnvironmentVariables() throws {
        let directory = TestPaths.repositoryRoot.appendingPathComponent("migrations").path
        let history = try MigrationHistory.load(path: directory)
        do {
            _ = try history.expectedCatalog(variables: [:], environment: "prod", defaultDatabase: "analytics")
            Issue.record("replayed without replication_num")
        } catch let error as HistoryError {
            guard case let .unknownPlaceholder(name, file, _, _, environment, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(name == "replication_num")
            #expect(file.hasPrefix(directory))
            #expect(environment == "prod")
        }
    }

    @Test func replayErrorNamesTheRevision() throws {
        let history = try MigrationHistory.parse(files: [
            ("m/0001.sql", revisionFile("r1", parents: "none", body: "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);")),
            ("m/0002.sql", revisionFile("r2", parents: "r1", body: "ALTER TABLE missing ADD COLUMN v INT;")),
        ])
        do {
            _ = try history.expectedCatalog(defaultDatabase: "db")
            Issue.record("ALTER of a missing table replayed")
        } catch let error as ReplayError {
            #expect(error.revision == "r2")
            #expect(error.file == "m/0002.sql")
            #expect(error.line == 4)
        }
    }

    @Test func parseErrorNamesFileLineAndRevision() throws {
        let history = try MigrationHistory.parse(files: [
            ("m/0001.sql", revisionFile("r1", parents: "none", body: "\nCREATE TABLE t (k INT"))
        ])
        do {
            _ = try history.expectedCatalog(defaultDatabase: "db")
            Issue.record("a truncated statement replayed")
        } catch let error as HistoryError {
            guard case let .replayFailed(revision, file, message) = error else { Issue.record("\(error)"); return }
            #expect(revision == "r1")
            #expect(file == "m/0001.sql")
            // The parser points at the last token or just after it; either is line 5 or 6 of the file, not of the body.
            #expect(message.hasPrefix("m/0001.sql:5:") || message.hasPrefix("m/0001.sql:6:"))
            #expect(error.description.contains("in revision r1"))
        }
    }

    @Test func skippedStatementsAreListed() throws {
        let history = try MigrationHistory.parse(files: [
            ("0001.sql", revisionFile("r1", parents: "none",
                                      body: "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);\nINSERT INTO t VALUES (1);")),
        ])
        let result = try history.replay(defaultDatabase: "db")
        #expect(result.skipped.map(\.revision) == ["r1"])
        #expect(result.skipped.first?.statement.location.line == 5)
    }
}
