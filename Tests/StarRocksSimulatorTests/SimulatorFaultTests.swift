import Foundation
import SchemaModel
import StarRocksClient
@testable import StarRocksSimulator
import Testing

/// Faults that keep the state (a writable simulator, not StarRocks): jobs through their real state sequence, a
/// cancelled job with StarRocks' message, optimize jobs, a lost reply, a restart that comes back with the same catalog.
@Suite(.serialized) struct SimulatorFaultTests {
    static let create = "CREATE TABLE t (k INT NOT NULL, v INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) "
        + "PROPERTIES (\"replication_num\" = \"1\")"

    static func simulator(jobMilliseconds: Int = 1000, configure: (inout SimulatorOptions) -> Void = { _ in })
        -> Simulator {
        var options = SimulatorOptions(user: "drift", writable: true, jobMilliseconds: jobMilliseconds)
        configure(&options)
        return Simulator(catalog: SimulatorCatalog(databases: ["analytics": [:]], state: SimulatorState()),
                         options: options)
    }

    static func value(_ reply: SimulatorReply, _ column: String) -> String? {
        guard case .resultSet(let result) = reply, let index = result.columns.firstIndex(of: column) else { return nil }
        return result.rows.last?[index] ?? nil
    }

    static func createText(_ sim: Simulator) -> String {
        value(sim.reply(to: "SHOW CREATE TABLE t", database: "analytics"), "Create Table") ?? ""
    }

    @Test func jobStatesFollowTheFEOrderOverTheJobsTime() {
        let at = { (ms: Double) in JobRuns.state(elapsedMilliseconds: ms, of: 1000, cancelled: false).rawValue }
        #expect([at(0), at(99), at(100), at(199), at(200), at(999), at(1000)]
            == ["PENDING", "PENDING", "WAITING_TXN", "WAITING_TXN", "RUNNING", "RUNNING", "FINISHED"])
        #expect(JobRuns.state(elapsedMilliseconds: 1000, of: 1000, cancelled: true) == .cancelled)
        #expect(JobRuns.state(elapsedMilliseconds: 500, of: 1000, cancelled: true) == .running)
    }

    @Test func jobPassesThroughTheFEStatesAndTheNewSchemaShowsOnlyWhenFinished() {
        let sim = Self.simulator(jobMilliseconds: 3000)
        #expect(sim.reply(to: Self.create, database: "analytics") == .ok)
        #expect(sim.reply(to: "ALTER TABLE t MODIFY COLUMN v BIGINT", database: "analytics") == .ok)
        var states: [String] = []
        var sawOldSchemaWhileRunning = false
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let state = Self.value(sim.reply(to: "SHOW ALTER TABLE COLUMN FROM analytics", database: nil), "State") ?? ""
            if states.last != state { states.append(state) }
            if state == "RUNNING" && Self.createText(sim).contains("`v` int(11) NULL") { sawOldSchemaWhileRunning = true }
            if state == "FINISHED" { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        // Polled every 20 ms (a loaded machine may miss a 300 ms phase): the states seen keep the FE's order.
        let order = ["PENDING", "WAITING_TXN", "RUNNING", "FINISHED"]
        #expect(states.first == "PENDING" && states.last == "FINISHED", "\(states)")
        #expect(states.compactMap { order.firstIndex(of: $0) } == states.compactMap { order.firstIndex(of: $0) }.sorted()
                && states.allSatisfy(order.contains), "\(states)")
        #expect(sawOldSchemaWhileRunning, "the old schema shows until the job finishes")
        #expect(Self.createText(sim).contains("`v` bigint(20) NULL"))
        #expect(Self.value(sim.reply(to: "SHOW ALTER TABLE COLUMN FROM analytics", database: nil), "FinishTime") != nil)
    }

    @Test func cancelledJobKeepsTheOldSchemaAndCarriesStarRocksMessage() {
        let sim = Self.simulator(jobMilliseconds: 100) { $0.cancelJobPattern = "MODIFY COLUMN v"; $0.cancelJobCount = 1 }
        _ = sim.reply(to: Self.create, database: "analytics")
        #expect(sim.reply(to: "ALTER TABLE t MODIFY COLUMN v BIGINT", database: "analytics") == .ok)
        Thread.sleep(forTimeInterval: 0.3)
        let jobs = sim.reply(to: "SHOW ALTER TABLE COLUMN FROM analytics", database: nil)
        #expect(Self.value(jobs, "State") == "CANCELLED")
        #expect(Self.value(jobs, "Msg")?.hasPrefix("schema change task failed after try three times: ") == true)
        #expect(Self.createText(sim).contains("`v` int(11) NULL"))
        // The fault fired once: the same statement sent again finishes.
        #expect(sim.reply(to: "ALTER TABLE t MODIFY COLUMN v BIGINT", database: "analytics") == .ok)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.createText(sim).contains("`v` bigint(20) NULL"))
    }

    @Test func distributionChangeIsAnOptimizeJob() {
        let sim = Self.simulator(jobMilliseconds: 100)
        _ = sim.reply(to: Self.create, database: "analytics")
        #expect(sim.reply(to: "ALTER TABLE t DISTRIBUTED BY HASH(v)", database: "analytics") == .ok)
        guard case .resultSet(let optimize) = sim.reply(to: "SHOW ALTER TABLE OPTIMIZE FROM analytics", database: nil) else {
            Issue.record("SHOW ALTER TABLE OPTIMIZE is not answered")
            return
        }
        #expect(optimize.columns == ["JobId", "TableName", "CreateTime", "FinishTime", "Operation", "TransactionId",
                                     "State", "Msg", "Progress", "Timeout"])
        #expect(optimize.rows.count == 1)
        #expect(Self.value(.resultSet(optimize), "Operation") == "DISTRIBUTED BY HASH(v)")
        guard case .resultSet(let column) = sim.reply(to: "SHOW ALTER TABLE COLUMN FROM analytics", database: nil) else {
            Issue.record("SHOW ALTER TABLE COLUMN is not answered")
            return
        }
        #expect(column.rows.isEmpty)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.createText(sim).contains("DISTRIBUTED BY HASH(`v`)"))
    }

    @Test func createOfAnExistingNameIsError1050() {
        let sim = Self.simulator()
        _ = sim.reply(to: Self.create, database: "analytics")
        guard case .error(let error) = sim.reply(to: Self.create, database: "analytics") else {
            Issue.record("a second CREATE TABLE of the same name was accepted")
            return
        }
        #expect(error.number == 1050)
        #expect(error.message == "Table 't' already exists")
    }

    static func writerOptions(port: UInt16) -> ConnectionOptions {
        ConnectionOptions(host: "127.0.0.1", port: Int(port), user: "drift", database: "analytics",
                          connectTimeoutSeconds: 2, readTimeoutSeconds: 5, tls: .disabled, environment: "sim",
                          maxRetries: 0)
    }

    @Test func lostReplyAppliesTheStatementAndDropsTheConnection() async throws {
        let sim = Self.simulator { $0.loseReplyPattern = "ADD COLUMN w" }
        let port = try sim.start()
        defer { sim.stop() }
        let writer = try await SchemaWriter.open(Self.writerOptions(port: port))
        try await writer.execute(Self.create)
        do {
            try await writer.execute("ALTER TABLE t ADD COLUMN w INT")
            Issue.record("the reply was not lost")
        } catch let error as ClientError {
            #expect(error.errno == 2013 || error.errno == 2006, "\(error)")
        }
        // A new connection sees the statement's effect; it was applied once.
        let reader = try await Connection.open(Self.writerOptions(port: port))
        let text = try await reader.query("SHOW CREATE TABLE t").value(0, "Create Table") ?? ""
        #expect(text.contains("`w` int(11) NULL"))
        #expect(sim.appliedWrites.filter { $0.contains("ADD COLUMN w") }.count == 1)
        await reader.close()
        await writer.close()
    }

    @Test func restartRefusesConnectionsThenServesTheSameCatalogAndJobs() async throws {
        let sim = Self.simulator(jobMilliseconds: 60_000) {
            $0.restartPattern = "MODIFY COLUMN"
            $0.downMilliseconds = 4000
        }
        let port = try sim.start()
        defer { sim.stop() }
        let writer = try await SchemaWriter.open(Self.writerOptions(port: port))
        try await writer.execute(Self.create)
        try await writer.execute("ALTER TABLE t MODIFY COLUMN v BIGINT")
        // The restart follows the reply on the server's connection thread; on a loaded machine that thread may not
        // have run yet when the reply arrives, so connections are tried until one is refused (the FE is down for
        // 4 s), each accepted one closed again; a refusal must come well inside the down time.
        var refusal: ClientError?
        let refusedBy = Date().addingTimeInterval(3)
        while refusal == nil && Date() < refusedBy {
            do {
                let early = try await Connection.open(Self.writerOptions(port: port))
                await early.close()
                try await Task.sleep(nanoseconds: 50_000_000)
            } catch let error as ClientError {
                refusal = error
            }
        }
        let refused = try #require(refusal, "no connection was refused while the simulated FE restarts")
        #expect(refused.isUnreachable, "\(refused)")
        var reopened: Connection?
        let deadline = Date().addingTimeInterval(15)
        while reopened == nil && Date() < deadline {
            reopened = try? await Connection.open(Self.writerOptions(port: port))
            if reopened == nil { try await Task.sleep(nanoseconds: 200_000_000) }
        }
        let back = try #require(reopened, "the simulated FE came back")
        let jobs = try await back.query("SHOW ALTER TABLE COLUMN FROM analytics WHERE TableName = \"t\"")
        #expect(jobs.rows.count == 1)
        #expect(["PENDING", "WAITING_TXN", "RUNNING"].contains(jobs.value(0, "State") ?? ""))
        let text = try await back.query("SHOW CREATE TABLE t").value(0, "Create Table") ?? ""
        #expect(text.contains("CREATE TABLE `t`"))
        await back.close()
        await writer.close()
    }
}
