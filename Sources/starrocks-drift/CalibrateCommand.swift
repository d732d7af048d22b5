import ArgumentParser
import DriftCheck
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `calibrate`: learns how an environment's cluster prints DDL, on a probe database it creates and drops.
struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn how an environment's server prints DDL (writes environments/<name>.profile.yaml).",
        discussion: """
        Needs a calibrate: block in the environment file (user, password_env, database_prefix). Connects as \
        calibrate.user, creates the probe database <database_prefix>_<created>_<random> and a small set of probe \
        tables, views and materialized views in it (one bucket, at most two partitions, one replica, MVs that never \
        refresh), reads their SHOW CREATE text back and drops the database again — also after a failure, SIGINT or \
        SIGTERM; a later run drops probe databases older than an hour that a killed run left. Nothing outside the \
        probe database is written: every statement is checked before it is sent.
        It writes the server profile next to the environment file (commit it: check, diff --env, plan and upgrade \
        read it) and lists every probe where the offline model still disagrees with this server; --cases DIR writes \
        each as a case folder (input.sql, deps.sql, expected_show_create.sql, source.txt).
        Exit codes: 0 profile written, no disagreement; 1 profile written, disagreements found; 2 refused or failed.
        """)

    @OptionGroup var locations: LocationOptions
    @OptionGroup var logging: LogOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to calibrate.", valueName: "name"))
    var environment: String

    @Option(name: .customLong("cases"), help: ArgumentHelp("Write each disagreement as a case folder here.", valueName: "dir"))
    var cases: String?

    @Option(name: .customLong("stale-after-s"), help: .hidden)
    var staleAfterSeconds: Int = Int(ProbeDatabaseName.staleAfterSeconds)

    func validate() throws {
        // Found at the end, a --cases file would fail the run after the probes were made on the cluster.
        var isDirectory: ObjCBool = false
        if let cases, FileManager.default.fileExists(atPath: cases, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--cases \(cases) is a file; pass a directory (it is created when missing)")
        }
    }

    func run() async throws {
        do {
            let config = try EnvironmentLookup.find(environment, in: locations.environments)
            let session = CalibrationSession()
            let handlers = Self.dropOnInterrupt(session)
            let request = CalibrateRequest(environment: config, casesDirectory: cases, session: session,
                                           progress: Diagnostics.progress,
                                           staleAfterSeconds: TimeInterval(max(0, staleAfterSeconds)))
            let result = await CalibrateRunner.run(request)
            handlers.forEach { $0.cancel() }
            print(result.text(), terminator: "")
            try finish(result.outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }

    /// On SIGINT or SIGTERM: drop the probe database on a connection of its own, say so, exit 2.
    static func dropOnInterrupt(_ session: CalibrationSession) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            #if os(Linux)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, number)
            sigprocmask(SIG_UNBLOCK, &set, nil)
            #endif
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Task {
                    let line = await session.dropProbeDatabase()
                    let name = number == SIGINT ? "SIGINT" : "SIGTERM"
                    Diagnostics.error("starrocks-drift calibrate: interrupted by \(name)" + (line.map { "; \($0)" } ?? ""))
                    Foundation.exit(Int32(Outcome.couldNotCheck.rawValue))
                }
            }
            source.resume()
            return source
        }
    }
}
