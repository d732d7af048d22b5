import Foundation
import Testing
@testable import DriftCheck

/// `upgrade` against a real cluster's faults, end to end: the built binary against `starrocks-sim --writable` (a
/// simulator, not StarRocks) with faults that keep the server's state.
@Suite("upgrade faults (binary, writable simulator)", .serialized)
struct UpgradeFaultEndToEndTests {
    /// A fourth revision creating a view over the widened column.
    static let viewRevision = ("0004_view.sql", """
    -- revision: 0004
    -- down_revision: 0003
    -- message: a view of event kinds
    CREATE VIEW event_kinds AS SELECT kind, count(*) AS n FROM events GROUP BY kind;
    """)

    static func scenario() throws -> UpgradeScenario {
        let s = try UpgradeScenario()
        let (name, text) = Self.viewRevision
        try text.write(to: s.base.migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return s
    }

    static let upgradeBlock = """
      allowed: true
      user: drift_writer
      password_env: DRIFT_E2E_WRITER_PASSWORD
      job_timeout_s: 60
      reconnect_timeout_s: 10
    """

    /// The lock table as the server prints it, held since `since`.
    static func lockTable(since: String) -> String {
        """
        CREATE TABLE `starrocks_drift_lock` (
          `holder` varchar(255) NOT NULL COMMENT ""
        ) ENGINE=OLAP 
        DUPLICATE KEY(`holder`)
        COMMENT "starrocks-drift upgrade lock: upgrade of dev by drift_writer@ci-runner-7 pid 4242; since \(since); run https://github.com/acme/app/actions/runs/99"
        DISTRIBUTED BY HASH(`holder`) BUCKETS 1 
        PROPERTIES (
        "compression" = "LZ4",
        "fast_schema_evolution" = "true",
        "replicated_storage" = "true",
        "replication_num" = "1"
        );
        """
    }

    @Test(arguments: ["ALTER TABLE users ADD COLUMN email", "ALTER TABLE events MODIFY COLUMN kind", "CREATE VIEW event_kinds"])
    func lostReplyIsSettledFromTheServerAndTheRunFinishesWithoutDrift(statement: String) throws {
        let s = try Self.scenario()
        defer { s.finish() }
        try s.start(jobMilliseconds: 300, extra: ["--lose-reply", statement])
        try s.writeEnvironment(upgrade: Self.upgradeBlock)
        let out = try s.upgrade()
        #expect(out.status == 0, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("note: reply lost; it took effect"), "\(out.stdout)")
        #expect(out.stderr.contains("reconnected after"))
        let sent = try s.statements().filter { $0.hasPrefix(statement) }
        #expect(sent.count == 1, "a statement whose effect is on the server is not sent again: \(sent)")
        let check = try s.check()
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
        #expect(try s.base.environment("dev")["revision"] as? String == "0004")
        // The re-run has nothing to do and no drift to refuse.
        let again = try s.upgrade()
        #expect(again.status == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(again.stdout.contains("already at 0004"))
    }

    @Test func aStatementLostWithTheConnectionIsSentAgainBecauseItsEffectIsNotThere() throws {
        let s = try Self.scenario()
        defer { s.finish() }
        // The FE restarts right after CREATE TABLE events: the next statement meets a dead connection.
        try s.start(jobMilliseconds: 200, extra: ["--restart-at", "CREATE TABLE events", "--down-ms", "500"])
        try s.writeEnvironment(upgrade: Self.upgradeBlock)
        let out = try s.upgrade()
        #expect(out.status == 0, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("note: reply lost; it did not take effect: its effect is not on the server"),
                "\(out.stdout)")
        #expect(try s.statements().filter { $0.hasPrefix("CREATE TABLE users") }.count == 1,
                "sent again once it was known not to be there, and applied once")
        let check = try s.check()
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
    }

    @Test func anFEThatStaysAwayStopsHalfAppliedAndTheReRunFinishes() throws {
        let s = try Self.scenario()
        defer { s.finish() }
        try s.start(jobMilliseconds: 200, extra: ["--restart-at", "ALTER TABLE events ORDER BY", "--down-ms", "3000"])
        try s.writeEnvironment(upgrade: """
          allowed: true
          user: drift_writer
          password_env: DRIFT_E2E_WRITER_PASSWORD
          job_timeout_s: 60
          reconnect_timeout_s: 1
        """)
        let summary = s.base.root.appendingPathComponent("stopped.json")
        let first = try s.upgrade(["--yes", "--json", summary.path])
        #expect(first.status == 1, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stdout.contains("did not come back within 1 s (upgrade.reconnect_timeout_s)"), "\(first.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        let stoppedAt = try #require(json["stopped_at"] as? [String: String])
        #expect(stoppedAt["revision"] == "0003")
        #expect(stoppedAt["statement"]?.hasPrefix(s.base.migrations.appendingPathComponent("0003_sort_key.sql").path) == true
                || stoppedAt["statement"]?.contains("0003_sort_key.sql:") == true, "\(stoppedAt)")
        #expect((json["warnings"] as? [String])?.contains { $0.contains("could not be released") } == true,
                "the lock cannot be dropped while the FE is away: \(json["warnings"] ?? "none")")
        #expect(first.stdout.contains("stopped at revision 0003, statement "), "\(first.stdout)")
        #expect(first.stdout.contains("revision 0003 is HALF-APPLIED"))
        Thread.sleep(forTimeInterval: 3.5)
        let second = try s.upgrade()
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("[already_applied] "), "the ORDER BY that ran is not sent again")
        #expect(second.stdout.contains("warning: took over the upgrade lock analytics.starrocks_drift_lock of a run on this host that no longer runs"),
                "the stopped run could not drop its lock while the FE was away: \(second.stdout)")
        #expect(try s.statements().filter { $0.hasPrefix("ALTER TABLE events ORDER BY") }.count == 1)
        let check = try s.check()
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
    }

    @Test func twoRunnersStartedTogetherOneWritesTheOtherExits2NamingIt() throws {
        let s = try Self.scenario()
        defer { s.finish() }
        // Two 2 s jobs keep the first runner busy for seconds: the second starts while it runs, even on a busy machine.
        try s.start(jobMilliseconds: 2000)
        try s.writeEnvironment(upgrade: Self.upgradeBlock)
        let outputs = LockedOutputs()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            outputs.append(try? s.upgrade())
        }
        let results = outputs.all
        #expect(results.count == 2)
        #expect(results.map(\.status).sorted() == [0, 2], "\(results.map { $0.stdout + $0.stderr })")
        let refused = try #require(results.first { $0.status == 2 })
        #expect(refused.stdout.contains("another upgrade of dev holds the lock analytics.starrocks_drift_lock: upgrade of dev by drift_writer@"),
                "\(refused.stdout)")
        #expect(refused.stdout.contains("REFUSED, nothing was written"))
        let creates = try s.statements().filter { $0.hasPrefix("CREATE TABLE events") }
        #expect(creates.count == 1, "exactly one runner writes: \(creates)")
        let locks = try s.statements().filter { $0.hasPrefix("CREATE TABLE `analytics`.`starrocks_drift_lock`") }
        #expect(locks.count == 2, "both runners tried the lock, one got it")
        #expect(try s.statements().contains("DROP TABLE IF EXISTS `analytics`.`starrocks_drift_lock`"), "released")
        let check = try s.check()
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
    }

    @Test func aFreshLockRefusesAndCheckReportsItAsOperational() throws {
        let s = try Self.scenario()
        defer { s.finish() }
        var objects = UpgradeEndToEndTests.objectsAt0001()
        objects["starrocks_drift_lock"] = Self.lockTable(since: ISO8601DateFormatter().string(from: Date()))
        try s.start(objects: objects, revision: "0001")
        try s.writeEnvironment(upgrade: Self.upgradeBlock)
        let out = try s.upgrade()
        #expect(out.status == 2, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("another upgrade of dev holds the lock"))
        #expect(out.stdout.contains("drift_writer@ci-runner-7 pid 4242"))
        #expect(out.stdout.contains("https://github.com/acme/app/actions/runs/99"))
        #expect(try s.writes().filter { !$0.contains("starrocks_drift_lock") }.isEmpty, "nothing else was written")
        _ = try s.check()
        let findings = try s.base.findings("dev")
        let lock = try #require(findings.first { $0["kind"] as? String == "upgrade_in_progress" })
        #expect(lock["severity"] as? String == "info")
        #expect(!findings.contains { ($0["object"] as? String ?? "").contains("starrocks_drift_lock")
            && $0["kind"] as? String != "upgrade_in_progress" }, "the lock is never an unexpected object")
    }

    @Test func aLockOlderThanTheTimeoutIsTakenOverWithAWarning() throws {
        let s = try Self.scenario()
        defer { s.finish() }
        var objects = UpgradeEndToEndTests.objectsAt0001()
        objects["starrocks_drift_lock"] = Self.lockTable(since: "2020-01-01T00:00:00Z")
        try s.start(objects: objects, revision: "0001", jobMilliseconds: 200)
        try s.writeEnvironment(upgrade: Self.upgradeBlock + "\n  lock_timeout_s: 600")
        let out = try s.upgrade()
        #expect(out.status == 0, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("warning: took over the upgrade lock analytics.starrocks_drift_lock, older than upgrade.lock_timeout_s (600 s)"))
        let check = try s.check()
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
        #expect(!(try s.base.findings("dev")).contains { $0["kind"] as? String == "upgrade_in_progress" }, "released")
    }
}

/// Outputs collected from concurrent runs.
final class LockedOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BinaryRunner.Output] = []

    func append(_ output: BinaryRunner.Output?) {
        guard let output else { return }
        lock.withLock { items.append(output) }
    }

    var all: [BinaryRunner.Output] { lock.withLock { items } }
}

/// An interrupted `upgrade` (SIGINT, as Ctrl-C or a cancelled CI job sends) stops after the statement in flight,
/// reports where, and releases its lock.
@Suite("upgrade interrupt (binary, writable simulator)", .serialized)
struct UpgradeInterruptEndToEndTests {
    @Test func sigintStopsAfterTheStatementInFlightAndReleasesTheLock() throws {
        let s = try UpgradeFaultEndToEndTests.scenario()
        defer { s.finish() }
        try s.start(jobMilliseconds: 4000)
        try s.writeEnvironment(upgrade: UpgradeFaultEndToEndTests.upgradeBlock)
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent("starrocks-drift")
        process.arguments = ["upgrade", "--env", "dev", "--yes", "--environments", s.base.environments.path,
                             "--migrations", s.base.migrations.path]
        var environment = ProcessInfo.processInfo.environment
        environment[CheckScenario.passwordVariable] = CheckScenario.password
        environment[UpgradeScenario.writerVariable] = UpgradeScenario.writerPassword
        process.environment = environment
        let stdout = s.base.root.appendingPathComponent("interrupted.out")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt while it waits for the first schema-change job (MODIFY COLUMN, 4 s).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !(try s.statements()).contains(where: { $0.hasPrefix("ALTER TABLE events MODIFY COLUMN") }) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let out = try String(contentsOf: stdout, encoding: .utf8)
        #expect(process.terminationStatus == 1, "\(out)")
        #expect(out.contains("stopped at revision 0002, statement "), "\(out)")
        #expect(out.contains("interrupted (SIGINT)"), "\(out)")
        let log = try s.statements()
        #expect(log.contains("DROP TABLE IF EXISTS `analytics`.`starrocks_drift_lock`"), "the lock is released")
        #expect(!log.contains { $0.hasPrefix("ALTER TABLE events ORDER BY") }, "nothing is sent after the interrupt")
    }

    /// A second signal exits at once — with 1 (stopped part-way), never a code outside 0/1/2 (it was 130). Every
    /// statement takes 0.6 s on this simulator, so the run is still finishing the one in flight when it arrives.
    @Test func aSecondSignalExitsAtOnceWithExitOne() throws {
        let s = try UpgradeFaultEndToEndTests.scenario()
        defer { s.finish() }
        try s.start(jobMilliseconds: 8000, extra: ["--latency-ms", "600"])
        try s.writeEnvironment(upgrade: UpgradeFaultEndToEndTests.upgradeBlock)
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent("starrocks-drift")
        process.arguments = ["upgrade", "--env", "dev", "--yes", "--environments", s.base.environments.path,
                             "--migrations", s.base.migrations.path]
        var environment = ProcessInfo.processInfo.environment
        environment[CheckScenario.passwordVariable] = CheckScenario.password
        environment[UpgradeScenario.writerVariable] = UpgradeScenario.writerPassword
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !(try s.statements()).contains(where: { $0.hasPrefix("ALTER TABLE events MODIFY COLUMN") }) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
    }
}
