import Foundation
import StarRocksSimulator
import Testing

/// `--writable`: DDL applied and printed back in the server's style, schema-change jobs, StarRocks' errors.
@Suite struct WritableSimulatorTests {
    static func simulator(jobMilliseconds: Int = 60_000, alive: Int = 1) -> Simulator {
        var state = SimulatorState()
        state.backendsAlive = alive
        state.backendsTotal = alive
        return Simulator(catalog: SimulatorCatalog(databases: ["analytics": [:]], state: state),
                         options: SimulatorOptions(writable: true, jobMilliseconds: jobMilliseconds))
    }

    static func text(_ reply: SimulatorReply, column: String) -> String? {
        guard case .resultSet(let result) = reply, let index = result.columns.firstIndex(of: column) else { return nil }
        return result.rows.first?[index] ?? nil
    }

    @Test func createdTableIsPrintedTheServersWay() {
        let sim = Self.simulator()
        let create = "CREATE TABLE t (k INT NOT NULL, v STRING) DUPLICATE KEY(k) PROPERTIES (\"replication_num\" = \"1\")"
        #expect(sim.reply(to: create, database: "analytics") == .ok)
        let text = Self.text(sim.reply(to: "SHOW CREATE TABLE t", database: "analytics"), column: "Create Table") ?? ""
        #expect(text.contains("`k` int(11) NOT NULL COMMENT \"\","))
        #expect(text.contains("`v` varchar(65533) NULL COMMENT \"\""))
        #expect(text.contains(") ENGINE=OLAP \nDUPLICATE KEY(`k`)"))
        #expect(text.contains("DISTRIBUTED BY RANDOM"))
        #expect(text.contains("\"fast_schema_evolution\" = \"true\""))
        #expect(text.contains("\"replication_num\" = \"1\""))
    }

    @Test func secondAlterWhileAJobRunsGetsStarRocksError() {
        let sim = Self.simulator()
        _ = sim.reply(to: "CREATE TABLE t (k INT, v INT) DUPLICATE KEY(k) PROPERTIES (\"replication_num\" = \"1\")",
                      database: "analytics")
        #expect(sim.reply(to: "ALTER TABLE t ADD COLUMN w INT", database: "analytics") == .ok,
                "fast schema evolution: no job")
        #expect(sim.reply(to: "ALTER TABLE t MODIFY COLUMN v BIGINT", database: "analytics") == .ok)
        let jobs = sim.reply(to: "SHOW ALTER TABLE COLUMN FROM analytics WHERE TableName = \"t\"", database: nil)
        #expect(Self.text(jobs, column: "State") == "PENDING", "a new job starts PENDING, as on an FE")
        guard case .error(let error) = sim.reply(to: "ALTER TABLE t ORDER BY (v)", database: "analytics") else {
            Issue.record("a second ALTER was accepted while the job runs")
            return
        }
        #expect(error.number == 1064)
        #expect(error.message.hasPrefix("A schema change operation is in progress on the table \"t\". Please wait until the current operation completes."))
    }

    @Test func jobsFinishAfterTheirTime() throws {
        let sim = Self.simulator(jobMilliseconds: 100)
        _ = sim.reply(to: "CREATE TABLE t (k INT, v INT) PROPERTIES (\"replication_num\" = \"1\")", database: "analytics")
        #expect(sim.reply(to: "ALTER TABLE t ORDER BY (v)", database: "analytics") == .ok)
        Thread.sleep(forTimeInterval: 0.3)
        let jobs = sim.reply(to: "SHOW ALTER TABLE COLUMN FROM analytics", database: nil)
        #expect(Self.text(jobs, column: "State") == "FINISHED")
        #expect(sim.reply(to: "ALTER TABLE t MODIFY COLUMN v BIGINT", database: "analytics") == .ok)
    }

    @Test func replicationAboveAliveBackendsGetsStarRocksError() {
        let sim = Self.simulator(alive: 1)
        guard case .error(let error) = sim.reply(to: "CREATE TABLE orders1 (k INT)", database: "analytics") else {
            Issue.record("CREATE TABLE with the default replication_num 3 on one backend was accepted")
            return
        }
        #expect(error.message.hasPrefix("Table replication num should be less than or equal to the number of available BE nodes."))
        #expect(error.message.hasSuffix("Current alive backend is [10001]. , table=orders1, default_replication_num=3"))
    }

    @Test func versionTableWritesAreKept() {
        let sim = Self.simulator()
        let create = "CREATE TABLE alembic_version (id BIGINT NOT NULL AUTO_INCREMENT, version_num VARCHAR(32) NOT NULL) "
            + "PRIMARY KEY(id) DISTRIBUTED BY HASH(id) PROPERTIES (\"replication_num\" = \"1\")"
        #expect(sim.reply(to: create, database: "analytics") == .ok)
        #expect(sim.reply(to: "INSERT INTO alembic_version (version_num) VALUES ('0001')", database: "analytics") == .ok)
        #expect(sim.reply(to: "UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'",
                          database: "analytics") == .ok)
        let rows = sim.reply(to: "SELECT version_num FROM analytics.alembic_version", database: nil)
        #expect(Self.text(rows, column: "version_num") == "0002")
    }

    @Test func readOnlyStaysTheDefault() {
        let sim = Simulator(catalog: SimulatorCatalog(databases: ["analytics": [:]]))
        guard case .error(let error) = sim.reply(to: "CREATE TABLE t (k INT)", database: "analytics") else {
            Issue.record("a read-only simulator accepted a write")
            return
        }
        #expect(error.message.contains("read-only StarRocks simulator"))
    }
}
