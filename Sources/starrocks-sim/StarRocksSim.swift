// starrocks-sim: runs the StarRocks FE *simulator* (not StarRocks) on loopback for tests, demos and benchmarks.
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StarRocksSimulator

@main
struct StarRocksSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "starrocks-sim",
        abstract: "A StarRocks FE simulator (not StarRocks): a loopback MySQL-protocol server that serves a catalog "
            + "of verbatim SHOW CREATE output.",
        discussion: """
            The catalog directory holds databases/<db>/<object>.sql (each the verbatim SHOW CREATE TABLE|VIEW|\
            MATERIALIZED VIEW text of one object) and an optional state.yaml (server_version, version, backends, \
            alter_jobs, materialized_views, run_mode, default_replication_num, and printer: how a server of another \
            version prints differently — added_properties, unprinted_defaults, value_spellings, rewrites).
            It answers the read-only statements starrocks-drift sends, rejects writes with StarRocks' error shape and \
            never applies them, unless --writable: then DDL changes its in-memory catalog (printed back in the \
            server's style), schema-change statements start jobs that run --job-ms, a second ALTER on a table whose \
            job runs and a replication_num above the alive backends get StarRocks' errors, and version-table writes \
            are kept. Jobs pass through PENDING, WAITING_TXN and RUNNING to FINISHED (the new schema shows then) or \
            CANCELLED. Faults that keep the state: --lose-reply, --restart-at/--down-ms, --cancel-job, --slow-job. \
            Once ready it prints "listening on 127.0.0.1:PORT" on stdout.
            Exit codes: 0 stopped normally, 2 bad usage or a catalog it cannot serve.
            """)

    @Option(help: "The catalog directory (databases/<db>/<object>.sql, optional state.yaml).")
    var catalog: String

    @Option(help: "TCP port on 127.0.0.1; 0 picks a free one.")
    var port: UInt16 = 0

    @Option(help: "The user clients must log in as.")
    var user: String = "root"

    @Option(name: .customLong("password-env"),
            help: "Name of the environment variable holding the user's password (default: no password).")
    var passwordEnv: String?

    @Option(name: .customLong("latency-ms"), help: "Delay every reply by this many milliseconds.")
    var latencyMs: Int = 0

    @Option(help: "Append every statement received to this file, one per line.")
    var log: String?

    @Option(name: .customLong("drop-after"),
            help: "Fault injection: answer every statement after the first N by closing the connection.")
    var dropAfter: Int?

    @Option(help: "Fault injection: statements matching this regular expression get ERROR 1227 (access denied).")
    var deny: String?

    @Flag(help: "Apply DDL to the in-memory catalog (schema-change jobs, StarRocks' errors, version-table writes).")
    var writable = false

    @Option(name: .customLong("job-ms"), help: "With --writable: how long a schema-change job runs, in milliseconds.")
    var jobMs: Int = 1000

    @Option(name: .customLong("fail-statement"),
            help: "With --writable, fault injection: statements matching this regular expression are rejected.")
    var failStatement: String?

    @Option(name: .customLong("fail-count"),
            help: "With --fail-statement: reject only the first N matching statements, then let them through.")
    var failCount: Int?

    @Option(name: .customLong("cancel-job"),
            help: "With --writable, fault injection: jobs of statements matching this regular expression end CANCELLED.")
    var cancelJob: String?

    @Option(name: .customLong("cancel-count"),
            help: "With --cancel-job: cancel only the first N matching jobs, then let them finish.")
    var cancelCount: Int?

    @Option(name: .customLong("lose-reply"),
            help: "With --writable, fault injection: apply the first matching statement, then close its connection without replying (the client sees error 2013).")
    var loseReply: String?

    @Option(name: .customLong("restart-at"),
            help: "With --writable, fault injection: after answering the first matching statement, close every connection and refuse new ones for --down-ms, then serve the same catalog and jobs.")
    var restartAt: String?

    @Option(name: .customLong("down-ms"), help: "With --restart-at: how long connections are refused, in milliseconds.")
    var downMs: Int = 2000

    @Option(name: .customLong("slow-job"),
            help: "With --writable, fault injection: the job of the first matching statement runs --slow-job-ms.")
    var slowJob: String?

    @Option(name: .customLong("slow-job-ms"), help: "With --slow-job: how long that job runs, in milliseconds.")
    var slowJobMs: Int = 60_000

    @Option(help: "With --writable: a second user, the only one allowed to write (the --user then only reads).")
    var writer: String?

    @Option(name: .customLong("writer-password-env"),
            help: "Name of the environment variable holding the --writer's password (default: no password).")
    var writerPasswordEnv: String?

    func validate() throws {
        if jobMs < 0 { throw ValidationError("--job-ms must be 0 or more") }
        if !writable && (failStatement != nil || cancelJob != nil || writer != nil || loseReply != nil
            || restartAt != nil || slowJob != nil) {
            throw ValidationError("--fail-statement, --cancel-job, --lose-reply, --restart-at, --slow-job and --writer "
                + "need --writable")
        }
        if downMs < 0 || slowJobMs < 0 { throw ValidationError("--down-ms and --slow-job-ms must be 0 or more") }
        if latencyMs < 0 { throw ValidationError("--latency-ms must be 0 or more") }
        if let dropAfter, dropAfter < 0 { throw ValidationError("--drop-after must be 0 or more") }
    }

    func run() throws {
        Self.restoreTerminationSignals()
        var password = ""
        if let passwordEnv {
            guard let value = ProcessInfo.processInfo.environment[passwordEnv] else {
                throw ValidationError("the environment variable \(passwordEnv) named by --password-env is not set; "
                    + "export it")
            }
            password = value
        }
        var writerPassword = ""
        if let writerPasswordEnv {
            guard let value = ProcessInfo.processInfo.environment[writerPasswordEnv] else {
                throw ValidationError("the environment variable \(writerPasswordEnv) named by --writer-password-env is "
                    + "not set; export it")
            }
            writerPassword = value
        }
        let served: SimulatorCatalog
        do { served = try SimulatorCatalog.load(directory: catalog) } catch {
            throw ValidationError(error.description)
        }
        var options = SimulatorOptions(port: port, user: user, password: password, latencyMilliseconds: latencyMs,
                                       dropAfterStatements: dropAfter, denyPattern: deny, logFile: log,
                                       writable: writable, jobMilliseconds: jobMs, failStatementPattern: failStatement,
                                       failStatementCount: failCount, cancelJobPattern: cancelJob, writerUser: writer, writerPassword: writerPassword)
        options.cancelJobCount = cancelCount
        options.loseReplyPattern = loseReply
        options.restartPattern = restartAt
        options.downMilliseconds = downMs
        options.slowJobPattern = slowJob
        options.slowJobMilliseconds = slowJobMs
        let simulator = Simulator(catalog: served, options: options)
        let bound: UInt16
        do { bound = try simulator.start() } catch { throw ValidationError(error.description) }
        let objects = served.databases.values.reduce(0) { $0 + $1.count }
        FileHandle.standardError.write(Data(("starrocks-sim: StarRocks FE simulator (not StarRocks) serving \(objects) "
            + "objects in \(served.databases.count) databases, simulating version \(served.state.serverVersion)\n").utf8))
        FileHandle.standardOutput.write(Data("listening on 127.0.0.1:\(bound)\n".utf8))
        while true { sleep(3600) }
    }

    /// Unblocks and resets SIGTERM/SIGINT/SIGHUP: a parent (e.g. a test runner) may have spawned us with them blocked,
    /// and the simulator must stop when asked.
    static func restoreTerminationSignals() {
        #if os(Linux)
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            sigaddset(&set, signal)
            _ = Glibc.signal(signal, SIG_DFL)
        }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        #endif
    }
}
