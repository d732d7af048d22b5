import ArgumentParser
import DriftCheck
import Foundation

/// `upgrade`: applies pending revisions to an environment that opts in, as its writer user.
struct UpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Apply pending revisions to an environment (only with upgrade.allowed: true).",
        discussion: """
        Connects as the environment's upgrade.user (password from upgrade.password_env); every other subcommand stays
        read-only. Before writing anything it refuses (exit 2) when the history is bad, lint finds errors in the
        pending revisions, a statement asks for more replicas than the alive backends, the objects the revisions touch
        carry unexplained drift (unless --force), or the environment is not at a known revision.
        Statements run one at a time; after one that starts a schema-change job, the next statement on that table
        waits until SHOW ALTER TABLE COLUMN/ROLLUP/OPTIMIZE shows it FINISHED (bounded by upgrade.job_timeout_s).
        Each revision is recorded in the version table (Alembic-compatible). A rejected statement stops the run and
        names the half-applied revision; running upgrade again resumes, skipping statements already on the server.
        One runner per environment: a lock table (starrocks_drift_lock, next to the version table) is created before
        the first write and dropped at the end; a second upgrade exits 2 naming the holder. A lost reply is settled
        from the server's schema and job list; a lost connection is retried for upgrade.reconnect_timeout_s.
        SIGINT/SIGTERM stop after the statement in flight and release the lock.
        Without --yes it asks on a terminal and refuses without one (CI).
        Exit codes: 0 at the target (or dry run), 1 stopped part-way, 2 refused or could not start.
        """)

    @OptionGroup var locations: LocationOptions
    @OptionGroup var logging: LogOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to upgrade.", valueName: "name"))
    var environment: String

    @Option(name: .customLong("to"), help: ArgumentHelp("Target revision (default: head).", valueName: "rev|head"))
    var target: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would run, with the job waits; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Do not ask for confirmation (needed without a terminal, e.g. in CI).")
    var yes = false

    @Flag(name: .long, help: "Apply even when the objects the revisions touch carry unexplained drift.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Also write the JSON summary to this file.", valueName: "path"))
    var json: String?

    @Flag(name: .shortAndLong, help: "Print nothing on stderr except errors (the same as --log-level error).")
    var quiet = false

    mutating func validate() throws {
        if quiet && logging.level == nil { Diagnostics.settings.level = .error }
        // Found after the run, a bad --json path would turn an applied upgrade into exit 2: check it first.
        if let json {
            let folder = URL(fileURLWithPath: json).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
                  FileManager.default.isWritableFile(atPath: folder) else {
                throw ValidationError("--json \(json): the folder \(folder) does not exist or is not writable; create it "
                    + "or pass another path (checked before anything is sent)")
            }
        }
    }

    func run() async throws {
        do {
            let config = try EnvironmentLookup.find(environment, in: locations.environments)
            let interactive = isatty(STDIN_FILENO) == 1
            if !dryRun && !yes && !interactive && config.upgrade?.allowed == true {
                throw DriftCheckError.usage("upgrade writes to \(config.name): without a terminal to ask on (CI), pass --yes")
            }
            let assumeYes = yes
            let interrupt = UpgradeInterrupt()
            let request = UpgradeRequest(
                environment: config, migrationsPath: locations.migrations, target: target, dryRun: dryRun,
                force: force, confirm: { plan in assumeYes || Self.ask(plan, environment: config.name) },
                progress: Diagnostics.progress, interrupt: interrupt)
            let signals = Self.forwardSignals(to: interrupt)
            let result = await UpgradeRunner.run(request)
            signals.forEach { $0.cancel() }
            print(result.text(), terminator: "")
            if let json {
                do {
                    try result.json().write(toFile: json, atomically: true, encoding: .utf8)
                } catch {
                    throw DriftCheckError.cannotWrite(path: json, reason: "the JSON summary: \(error.localizedDescription)")
                }
            }
            try finish(result.outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }

    /// SIGINT / SIGTERM ask the run to stop (it finishes the statement in flight, reports, releases its lock and
    /// exits 1); a second signal exits at once, also with 1 (stopped part-way: the exit codes stay 0/1/2).
    static func forwardSignals(to interrupt: UpgradeInterrupt) -> [DispatchSourceSignal] {
        #if os(Linux)
        // A parent (a CI runner, a test) may have started us with the signals blocked.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        #endif
        return [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if interrupt.reason != nil { Foundation.exit(Int32(Outcome.drift.rawValue)) }
                interrupt.set(name)
                FileHandle.standardError.write(Data(("upgrade: \(name): stopping after the statement in flight and "
                    + "releasing the lock (send it again to exit at once)\n").utf8))
            }
            source.resume()
            return source
        }
    }

    /// Shows the plan on stderr and asks on the terminal; only `y` or `yes` goes ahead.
    static func ask(_ plan: String, environment: String) -> Bool {
        FileHandle.standardError.write(Data((plan + "apply these revisions to \(environment)? [y/N] ").utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
