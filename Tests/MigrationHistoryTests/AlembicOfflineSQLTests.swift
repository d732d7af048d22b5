import Testing
@testable import MigrationHistory

@Suite("alembic offline SQL")
struct AlembicOfflineSQLTests {
    @Test func upgradeHeadGivesRevisionsInFileOrderWithTheirDDL() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let file = samples + "/upgrade_head_offline.sql"
        let history = try MigrationHistory.load(path: file)
        #expect(history.source == .alembicOfflineSQL(file: file))
        #expect(history.orderedRevisions.map(\.id) == ["0001", "0002", "0003b", "0003a", "0004"])
        #expect(history.head == "0004")
        #expect(history.revision("0001")?.parents == [])
        #expect(history.revision("0004")?.parents == ["0003a", "0003b"])
        #expect(history.baseRevisions.isEmpty)

        let first = try #require(history.revision("0001"))
        #expect(first.sql.contains("CREATE TABLE events ("))
        #expect(first.sql.contains("CREATE MATERIALIZED VIEW mv_daily_event_counts"))
        #expect(!first.sql.contains("alembic_version"))
        // Line numbers are kept: the events table starts on line 12 of the file.
        let eventsLine = first.sql.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("CREATE TABLE events") }.map { $0 + first.firstLine }
        #expect(eventsLine == 12)

        let second = try #require(history.revision("0002"))
        #expect(second.sql.contains("ALTER TABLE events ADD COLUMN utm_source VARCHAR(100);"))
        #expect(!second.sql.contains("UPDATE"))
        #expect(history.revision("0003a")?.sql.contains("utm_campaign") == true)
        #expect(history.revision("0003b")?.sql.contains("country") == true)
        #expect(history.revision("0004")?.sql.contains("alembic_version") == false)

        let table = try #require(history.versionTable)
        #expect(table.name == "alembic_version")
        #expect(table.properties == ["replication_num": "1"])
        #expect(table.line == 1)
    }

    @Test func partialUpgradeStartsFromItsBase() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let history = try MigrationHistory.load(path: samples + "/upgrade_0002_to_head_offline.sql")
        #expect(history.orderedRevisions.map(\.id) == ["0003b", "0003a", "0004"])
        #expect(history.baseRevisions == ["0002"])
        #expect(history.isKnown("0002") && !history.contains("0002") && !history.isKnown("0001"))
        #expect(history.versionTable == nil)
        #expect(try history.pending(from: "0002").map(\.id) == ["0003b", "0003a", "0004"])
        #expect(try history.pending(from: "0003a").map(\.id) == ["0003b", "0004"])
    }

    @Test func versionStatementsAloneMarkRevisions() throws {
        let text = """
        CREATE TABLE t (k INT);
        INSERT INTO alembic_version (version_num) VALUES ('aaa');
        ALTER TABLE t ADD COLUMN v INT;
        UPDATE alembic_version SET version_num='bbb' WHERE alembic_version.version_num = 'aaa';
        """
        let history = try AlembicOfflineSQLReader.read(text, file: "up.sql")
        #expect(history.orderedRevisions.map(\.id) == ["aaa", "bbb"])
        #expect(history.revision("bbb")?.parents == ["aaa"])
        #expect(history.revision("aaa")?.sql.contains("CREATE TABLE t") == true)
        #expect(history.revision("bbb")?.sql.contains("ADD COLUMN v") == true)
        #expect(history.revision("bbb")?.firstLine == 3)
    }

    @Test func backtickedAndQualifiedVersionTableIsBookkeeping() {
        #expect(AlembicOfflineSQLReader.bookkeeping("INSERT INTO `analytics`.`alembic_version` (version_num) VALUES ('x')",
                                                    versionTable: "alembic_version") == .insert)
        #expect(AlembicOfflineSQLReader.bookkeeping("CREATE TABLE IF NOT EXISTS alembic_version (v INT)",
                                                    versionTable: "alembic_version") == .create)
        #expect(AlembicOfflineSQLReader.bookkeeping("CREATE TABLE alembic_versions (v INT)",
                                                    versionTable: "alembic_version") == nil)
        #expect(AlembicOfflineSQLReader.bookkeeping("UPDATE events SET x = 1", versionTable: "alembic_version") == nil)
    }

    @Test func downgradeIsRejected() {
        let text = "-- Running downgrade 0002 -> 0001\nALTER TABLE t DROP COLUMN v;\n"
        #expect(throws: HistoryError.self) { try AlembicOfflineSQLReader.read(text, file: "down.sql") }
    }

    @Test func markerAndVersionRowMustAgree() {
        let text = "-- Running upgrade  -> 0001\nCREATE TABLE t (k INT);\nINSERT INTO alembic_version (version_num) VALUES ('0009');\n"
        do {
            _ = try AlembicOfflineSQLReader.read(text, file: "up.sql")
            Issue.record("mismatched marker accepted")
        } catch {
            #expect(error.description.hasPrefix("up.sql:3:"))
        }
    }

    @Test func plainSQLFileIsOneRevision() throws {
        let file = TestPaths.fixtures + "/plain.sql"
        let history = try MigrationHistory.load(path: file)
        #expect(history.source == .plainSQL(file: file))
        #expect(history.orderedRevisions.map(\.id) == ["plain"])
        #expect(history.revision("plain")?.sql.contains("CREATE TABLE") == true)
    }
}
