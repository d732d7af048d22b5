import Foundation
import SchemaModel
import StarRocksClient

/// What `calibrate` is asked to do.
public struct CalibrateRequest: Sendable {
    /// The environment to learn.
    public var environment: EnvironmentConfig
    /// Where to write one case folder per disagreement; `nil` writes none.
    public var casesDirectory: String?
    /// Holds the probe database for an interrupt handler.
    public var session: CalibrationSession
    /// Progress lines (stderr).
    public var progress: Progress
    /// Where passwords are read from (the process environment).
    public var variables: [String: String]
    /// The run's clock.
    public var now: Date
    /// Age in seconds past which a probe database of this prefix is a crashed run's and is dropped.
    public var staleAfterSeconds: TimeInterval

    /// Creates a request.
    public init(environment: EnvironmentConfig, casesDirectory: String? = nil, session: CalibrationSession = CalibrationSession(),
                progress: Progress = .standardError, variables: [String: String] = ProcessInfo.processInfo.environment,
                now: Date = Date(), staleAfterSeconds: TimeInterval = ProbeDatabaseName.staleAfterSeconds) {
        self.environment = environment
        self.casesDirectory = casesDirectory
        self.session = session
        self.progress = progress
        self.variables = variables
        self.now = now
        self.staleAfterSeconds = staleAfterSeconds
    }
}

/// `calibrate`: learns how one cluster prints DDL from a scratch database of small probes, writes the server
/// profile, and lists the probes where the offline model still disagrees with the server. Writes only inside the
/// probe database it creates (every statement passes `ProbeGuard`) and always drops it again. Never prints and
/// never throws: every problem is in the result.
public enum CalibrateRunner {
    /// Runs calibration and reports what happened.
    public static func run(_ request: CalibrateRequest) async -> CalibrateResult {
        var result = CalibrateResult(environment: request.environment.name)
        var redactor = Redactor()
        let environment = request.environment
        guard let settings = environment.calibrate else {
            result.reasons = ["calibrate is not set up for environment \(environment.name): add to \(environment.file) "
                + "`calibrate: {user: drift_probe, password_env: <VARIABLE>, database_prefix: "
                + "\(CalibrateSettings.defaultDatabasePrefix)}` with a user that may create databases (the checking "
                + "user never writes)"]
            return result
        }
        let password: Secret?
        let options: ConnectionOptions
        do {
            password = try environment.secret(variable: settings.passwordEnv, key: "calibrate.password_env",
                                              user: settings.user, from: request.variables)
            var connection = try LiveStateReader.connectionOptions(
                environment.connecting(as: settings.user, passwordEnv: settings.passwordEnv), password: password)
            connection.database = nil
            options = connection
        } catch {
            result.reasons = ["\(error)"]
            return result
        }
        redactor.add(password)
        let database = ProbeDatabaseName.make(prefix: settings.databasePrefix, now: request.now)
        let scope = ProbeGuard.Scope(database: database, prefix: settings.databasePrefix)
        let writer: ProbeWriter
        do {
            writer = try await ProbeWriter.open(options, scope: scope)
        } catch {
            result.reasons = [redactor.scrub("cannot connect to \(environment.name) as \(settings.user): \(error)")]
            return result
        }
        var run = CalibrateRun(request: request, writer: writer, scope: scope, result: result)
        await run.execute(options: options)
        await writer.close()
        run.result.reasons = run.result.reasons.map(redactor.scrub)
        return run.result
    }
}

/// One calibrate run's state once connected.
struct CalibrateRun {
    let request: CalibrateRequest
    let writer: ProbeWriter
    let scope: ProbeGuard.Scope
    var result: CalibrateResult
    /// Probe → (statement, SHOW CREATE text), for the probes the server accepted.
    var printed: [String: (input: String, text: String)] = [:]

    var environment: EnvironmentConfig { request.environment }

    mutating func execute(options: ConnectionOptions) async {
        do {
            if let refusal = try await readServer() {
                result.reasons.append(refusal)
                return
            }
            try await dropStaleProbeDatabases()
        } catch {
            result.reasons.append("\(error)")
            return
        }
        request.session.register(options: options, scope: scope)
        result.probeDatabase = scope.database
        do {
            try await createProbes()
        } catch {
            result.reasons.append("\(error)")
        }
        do {
            try await writer.execute(CalibrateSQL.dropDatabase(scope.database))
            request.session.markDropped()
            result.probeDatabaseDropped = true
        } catch {
            // The run's connection may be what failed: once more on a new one.
            let line = await request.session.dropProbeDatabase()
            result.probeDatabaseDropped = request.session.probeDatabase == nil
            if !result.probeDatabaseDropped { result.reasons.append(line ?? "could not drop the probe database: \(error)") }
        }
        guard result.reasons.isEmpty else {
            result.status = .failed
            return
        }
        learn()
    }

    /// Version, run mode and backends (the latter only to keep `replication_num` possible: probes ask for one);
    /// returns why calibration cannot go on, if it cannot.
    private mutating func readServer() async throws -> String? {
        let version = try await writer.query(CalibrateSQL.serverVersion)
        result.serverVersion = version.rows.first?.first ?? nil
        do {
            let mode = try await writer.query(CalibrateSQL.runMode)
            result.runMode = mode.rows.indices.first.flatMap { mode.value($0, "Value") } ?? "shared_nothing"
        } catch {
            request.progress("\(environment.name): run mode not readable (\(error)); assuming shared_nothing")
            result.runMode = "shared_nothing"
        }
        if let backends = try? await writer.query(CalibrateSQL.backends) {
            let alive = backends.rows.indices.filter { backends.value($0, "Alive")?.lowercased() == "true" }.count
            if alive == 0 && result.runMode != "shared_data" {
                return "\(environment.name): no alive backend, so no probe table can be created; start a backend and "
                    + "run calibrate again"
            }
        }
        return nil
    }

    /// Drops the probe databases of this prefix that crashed runs left more than `staleAfterSeconds` ago.
    private mutating func dropStaleProbeDatabases() async throws {
        let listing = try await writer.query(CalibrateSQL.databases)
        let names = listing.rows.compactMap { $0.first ?? nil }
        let prefix = scope.prefix
        let stale = ProbeDatabaseName.stale(names, prefix: prefix, now: request.now, staleAfter: request.staleAfterSeconds)
        var kept: [String] = []
        for name in stale {
            do {
                try await writer.execute(CalibrateSQL.dropDatabase(name))
                result.staleDropped.append(name)
                request.progress("\(environment.name): dropped \(name), a probe database an earlier run left")
            } catch let error as ClientError where !error.isUnreachable {
                // Not ours to drop (another user's run, say): say so and go on.
                kept.append(name)
                request.progress("\(environment.name): could not drop \(name), a probe database an earlier run left: \(error)")
            }
        }
        result.othersLeft = names.filter { ProbeDatabaseName.created($0, prefix: prefix) != nil && !stale.contains($0) }
            .sorted()
        result.staleKept = kept
    }

    /// Creates the probe database and every probe, then reads each accepted probe's SHOW CREATE text.
    private mutating func createProbes() async throws {
        request.progress("\(environment.name): creating probe database \(scope.database)")
        try await writer.execute(CalibrateSQL.createDatabase(scope.database))
        for probe in ProbeSet.probes(runMode: result.runMode ?? "shared_nothing") {
            if let missing = probe.dependencies.first(where: { printed[$0] == nil }) {
                result.rejected.append((probe.name, "not created: it reads \(missing), which the server rejected"))
                continue
            }
            let sql = probe.sql(in: scope.database)
            do {
                try await writer.execute(sql)
            } catch let error as ClientError {
                guard case .server(_, _, let message, _, _) = error else { throw error }
                result.rejected.append((probe.name, message))
                continue
            }
            let shown = try await writer.query(probe.showCreate(in: scope.database))
            let column = shown.columns.count > 1 ? 1 : 0
            guard let text = shown.rows.first.flatMap({ $0.indices.contains(column) ? $0[column] : nil }) else {
                result.reasons.append("\(environment.name): SHOW CREATE of probe \(probe.name) returned no text")
                return
            }
            printed[probe.name] = (sql, text)
            result.created.append(probe.name)
        }
    }

    /// The profile from the accepted probes, then the disagreements with it, then the files.
    private mutating func learn() {
        let comparison = ProbeComparison(database: scope.database, printed: printed,
                                         probes: ProbeSet.probes(runMode: result.runMode ?? "shared_nothing"))
        var learner = ProfileLearner(serverVersion: result.serverVersion ?? "unknown",
                                     runMode: result.runMode ?? "shared_nothing",
                                     learnedAt: CheckRunner.timestamp(request.now))
        do {
            let (expected, actual) = try comparison.catalogs()
            comparison.learn(expected: expected, actual: actual, into: &learner)
            result.profile = learner.profile
            result.disagreements = comparison.disagreements(expected: expected, actual: actual, profile: learner.profile)
        } catch {
            result.reasons.append("the offline model cannot read a probe: \(error)")
            result.status = .failed
            return
        }
        let path = ProfileFile.path(for: environment)
        do {
            try ProfileFile.render(learner.profile, environment: environment.name)
                .write(toFile: path, atomically: true, encoding: .utf8)
            result.profilePath = path
        } catch {
            result.reasons.append("cannot write the profile to \(path): \(error.localizedDescription)")
            result.status = .failed
            return
        }
        if let directory = request.casesDirectory {
            let cases = CaseWriter.write(result.disagreements, to: directory,
                                         serverVersion: result.serverVersion ?? "unknown",
                                         runMode: result.runMode ?? "shared_nothing", environment: environment.name)
            result.casesWritten = cases.written
            if let failure = cases.failure {
                result.reasons.append(failure)
                result.status = .failed
                return
            }
        }
        result.status = result.disagreements.isEmpty ? .learned : .disagreements
    }
}
