import Foundation
import MigrationHistory
import StarRocksSimulator
import Testing
@testable import DriftCheck

/// The fault soak: many runs of the upgrade fixture against an in-process writable simulator (not StarRocks), each
/// with one fault at a seeded random point — a lost reply, an FE restart (short: the run reconnects; long: the run
/// stops and a re-run resumes), a cancelled job, a job outliving `upgrade.job_timeout_s`, a lost reply followed by an
/// FE that stays away (the next run decides) — then re-runs until done.
/// Every environment must end at the head with `check` clean, the version table right, no statement applied twice,
/// and every interrupted run's report naming the revision and statement it stopped at. Bounded: about a minute.
@Suite("upgrade fault soak (in-process writable simulator)", .serialized)
struct UpgradeSoakTests {
    enum Fault: String, CaseIterable {
        case lostReply = "lost reply"
        case restart = "FE restart"
        case cancelledJob = "cancelled job"
        case jobTimeout = "job timeout"
        /// The statement is applied, its reply lost, and the FE stays away past the reconnect bound: the next run
        /// decides from the server whether it took effect.
        case lostReplyAndFEAway = "lost reply, FE away"
    }

    /// Statements (first words) a lost reply or a restart can hit: DDL and the version-table writes.
    static let anyStatement = [
        "CREATE TABLE events", "CREATE TABLE users", "ALTER TABLE events MODIFY COLUMN kind", "ALTER TABLE events ORDER BY",
        "ALTER TABLE users ADD COLUMN email", "CREATE VIEW event_kinds",
        "CREATE TABLE IF NOT EXISTS `analytics`.`alembic_version`", "INSERT INTO `analytics`.`alembic_version`",
        "SET `version_num` = '0002'", "SET `version_num` = '0003'", "SET `version_num` = '0004'",
    ]
    /// Statements that start a schema-change job.
    static let jobStatements = ["ALTER TABLE events MODIFY COLUMN kind", "ALTER TABLE events ORDER BY"]

    /// A deterministic generator (SplitMix64) so a failing run can be replayed from its seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Counts printed at the end.
    struct Counts {
        var runs = 0
        var faults: [Fault: Int] = [:]
        var resumes = 0
        var skippedAsApplied = 0
        var lostRepliesTookEffect = 0
        var lostRepliesSentAgain = 0
        var reconnects = 0
    }

    static let runs = 30

    @Test func everyFaultEndsAtTheHeadWithoutDriftOrARepeatedStatement() async throws {
        let root = try BinaryRunner.temporaryDirectory("upgrade-soak")
        defer { try? FileManager.default.removeItem(at: root) }
        let migrations = root.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        for (name, text) in UpgradeScenario.migrations + [UpgradeFaultEndToEndTests.viewRevision] {
            try text.write(to: migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let history = try MigrationHistory.load(path: migrations.path)
        var counts = Counts()
        var rng = Seeded(state: 20_2026)
        let started = Date()
        for run in 0..<Self.runs {
            let fault = Fault.allCases[run % Fault.allCases.count]
            counts.faults[fault, default: 0] += 1
            let targets = fault == .cancelledJob || fault == .jobTimeout ? Self.jobStatements : Self.anyStatement
            let target = targets.randomElement(using: &rng)!
            let down = Int.random(in: 200...2500, using: &rng)
            var options = SimulatorOptions(user: "drift_reader", writable: true, jobMilliseconds: 100,
                                           writerUser: "drift_writer")
            switch fault {
            case .lostReply: options.loseReplyPattern = NSRegularExpression.escapedPattern(for: target)
            case .restart:
                options.restartPattern = NSRegularExpression.escapedPattern(for: target)
                options.downMilliseconds = down
            case .cancelledJob:
                options.cancelJobPattern = NSRegularExpression.escapedPattern(for: target)
                options.cancelJobCount = 1
            case .jobTimeout:
                options.slowJobPattern = NSRegularExpression.escapedPattern(for: target)
                options.slowJobMilliseconds = 2500
            case .lostReplyAndFEAway:
                options.loseReplyPattern = NSRegularExpression.escapedPattern(for: target)
                options.restartPattern = NSRegularExpression.escapedPattern(for: target)
                options.downMilliseconds = 1500
            }
            let label = "run \(run) (\(fault.rawValue) at `\(target)`\(fault == .restart ? ", down \(down) ms" : ""))"
            let sim = Simulator(catalog: SimulatorCatalog(databases: ["analytics": [:]], state: SimulatorState()),
                                options: options)
            let port = try sim.start()
            defer { sim.stop() }
            let environments = root.appendingPathComponent("environments-\(run)")
            try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
            try """
            name: dev
            connection:
              url: starrocks://drift_reader@127.0.0.1:\(port)/default_catalog.analytics
              connect_timeout_s: 2
              read_timeout_s: 10
              tls: disabled
            databases: [analytics]
            variables: {replication_num: "1"}
            upgrade:
              allowed: true
              user: drift_writer
              job_timeout_s: 1
              reconnect_timeout_s: 1
              lock_timeout_s: 2
            """.write(to: environments.appendingPathComponent("dev.yaml"), atomically: true, encoding: .utf8)
            let environment = try EnvironmentLookup.find("dev", in: environments.path)

            var done = false
            var previousStopped = false
            for _ in 0..<10 {
                counts.runs += 1
                let lines = LockedLines()
                let request = UpgradeRequest(environment: environment, migrationsPath: migrations.path,
                                             progress: Progress { lines.append($0) }, pollInterval: 0.05, variables: [:])
                let result = await UpgradeRunner.run(request)
                if previousStopped { counts.resumes += 1 }
                let statements = result.revisions.flatMap(\.statements)
                counts.skippedAsApplied += statements.filter { $0.status == .alreadyApplied }.count
                counts.reconnects += result.reconnects
                // Decisions after a lost reply: DDL (the statement's note) and version-table writes (progress).
                counts.lostRepliesTookEffect += lines.all.filter {
                    $0.hasPrefix("  took effect:") || ($0.contains("was lost;") && ($0.contains("took effect") || $0.contains("table exists")))
                }.count
                counts.lostRepliesSentAgain += lines.all.filter {
                    $0.hasPrefix("  did not take effect:") || ($0.contains("was lost;") && $0.contains("did not take effect"))
                }.count
                switch result.status {
                case .done:
                    done = true
                case .stopped:
                    let stop = try #require(result.stoppedAt, "\(label): a stopped run names where it stopped")
                    #expect(result.reasons.first?.contains("stopped at revision \(stop.revision), statement \(stop.statement)") == true,
                            "\(label): \(result.reasons)")
                    #expect(stop.statement.contains(".sql:") || stop.statement == "(recording the revision)", "\(label)")
                    previousStopped = true
                case .refused:
                    // The simulated FE is still down, or the lock of a run that could not release it (the FE was
                    // away) is not yet older than lock_timeout_s.
                    let reasons = result.reasons.joined()
                    #expect(reasons.contains("cannot") || reasons.contains("holds the lock"),
                            "\(label): refused: \(result.reasons)")
                    try await Task.sleep(nanoseconds: 500_000_000)
                case .dryRun:
                    Issue.record("\(label): not a dry run")
                }
                if done { break }
            }
            #expect(done, "\(label): re-runs did not reach the head")

            // At the head, with the version table right and no drift.
            let rows = sim.reply(to: "SELECT version_num FROM analytics.alembic_version", database: "analytics")
            guard case .resultSet(let versions) = rows else {
                Issue.record("\(label): the version table cannot be read")
                continue
            }
            #expect(versions.rows.compactMap { $0.last ?? nil } == ["0004"], "\(label): \(versions.rows)")
            let checker = EnvironmentChecker(history: history, reader: LiveStateReader(), policy: OperationsPolicy(),
                                             failOnOverride: nil, progress: .silent, variables: [:])
            let checked = await checker.check(environment)
            #expect(checked.status == .clean, "\(label): \(checked.findings.map { "\($0.kind.rawValue) \($0.object)" }) \(checked.error ?? "")")
            #expect(!checked.findings.contains { $0.severity == .error }, "\(label)")

            // No statement applied twice (a cancelled job's statement is applied again: its first try had no effect).
            let applied = sim.appliedWrites
            for statement in Self.anyStatement {
                let expected = fault == .cancelledJob && statement == target ? 2 : 1
                let count = applied.filter { $0.hasPrefix(statement) || ($0.hasPrefix("UPDATE") && $0.contains(statement)) }.count
                #expect(count == expected, "\(label): `\(statement)` applied \(count) times")
            }
            #expect(!applied.contains { $0.hasPrefix("CREATE TABLE `analytics`.`starrocks_drift_lock`") }
                || applied.last { $0.contains("starrocks_drift_lock") }?.hasPrefix("DROP TABLE") == true,
                    "\(label): the lock is released: \(applied.filter { $0.contains("starrocks_drift_lock") }.map { String($0.prefix(40)) })")
        }
        let seconds = Date().timeIntervalSince(started)
        let faults = Fault.allCases.map { "\($0.rawValue) \(counts.faults[$0] ?? 0)" }.joined(separator: ", ")
        print("upgrade soak: \(Self.runs) fixture runs, \(counts.runs) upgrade runs; faults: \(faults); "
            + "resumes \(counts.resumes); statements skipped as already applied \(counts.skippedAsApplied); "
            + "lost replies decided in-run: took effect \(counts.lostRepliesTookEffect), sent again "
            + "\(counts.lostRepliesSentAgain); reconnects \(counts.reconnects); \(String(format: "%.1f", seconds)) s")
        #expect(counts.resumes > 0 && counts.skippedAsApplied > 0)
        #expect(seconds < 240, "the soak must stay bounded (about a minute alone, two on a loaded machine)")
    }
}

/// Progress lines collected from a run.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    var all: [String] { lock.withLock { lines } }
}
