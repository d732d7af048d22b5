import Foundation
import MigrationHistory
import SchemaDiff
import SchemaModel
import StarRocksClient

/// What `upgrade` is asked to do.
public struct UpgradeRequest: Sendable {
    /// The environment to move forward.
    public var environment: EnvironmentConfig
    /// The migration history.
    public var migrationsPath: String
    /// The revision to stop at; `nil` or `head` for the head.
    public var target: String?
    /// Print what would run; write nothing.
    public var dryRun: Bool
    /// Apply even when the touched objects carry unexplained drift.
    public var force: Bool
    /// Asked once, with the plan, before the first write; `false` stops without writing.
    public var confirm: @Sendable (String) -> Bool
    /// Per-statement progress (stderr).
    public var progress: Progress
    /// Seconds between `SHOW ALTER TABLE` polls.
    public var pollInterval: Double
    /// Where passwords are read from (the process environment).
    public var variables: [String: String]

    /// Creates a request.
    public init(environment: EnvironmentConfig, migrationsPath: String, target: String? = nil, dryRun: Bool = false,
                force: Bool = false, confirm: @escaping @Sendable (String) -> Bool = { _ in true },
                progress: Progress = .standardError, pollInterval: Double = 0.5,
                variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.migrationsPath = migrationsPath
        self.target = target
        self.dryRun = dryRun
        self.force = force
        self.confirm = confirm
        self.progress = progress
        self.pollInterval = pollInterval
        self.variables = variables
    }
}

/// `upgrade`: applies an environment's pending revisions the StarRocks way — refusals before any write, one
/// statement at a time, a wait for each schema-change job before the next statement on its table, the revision
/// recorded in the version table after each revision, a stop at the first rejected statement, and a resume that
/// skips statements already on the server. Only this runner opens a `SchemaWriter`. Never prints (progress goes to
/// the request's sink) and never throws: every problem is in the result.
public enum UpgradeRunner {
    /// Runs the upgrade and reports what happened.
    public static func run(_ request: UpgradeRequest) async -> UpgradeResult {
        var session = UpgradeSession(request: request)
        return await session.run()
    }
}

/// One upgrade run's state.
struct UpgradeSession {
    let request: UpgradeRequest
    var result: UpgradeResult
    var redactor = Redactor()

    init(request: UpgradeRequest) {
        self.request = request
        self.result = UpgradeResult(environment: request.environment.name, status: .refused, dryRun: request.dryRun)
    }

    var environment: EnvironmentConfig { request.environment }

    mutating func refuse(_ reasons: [String]) -> UpgradeResult {
        result.status = .refused
        result.reasons = reasons.map(redactor.scrub)
        return result
    }

    mutating func run() async -> UpgradeResult {
        guard let settings = environment.upgrade, settings.allowed else {
            return refuse(["upgrade is not allowed for environment \(environment.name): \(environment.file) needs "
                + "`upgrade: {allowed: true, user: <writer>, password_env: <VARIABLE>}` (the checking user never writes)"])
        }
        let history: MigrationHistory
        do {
            history = try MigrationHistory.load(path: request.migrationsPath)
        } catch {
            return refuse(["bad migration history: \(error)"])
        }
        guard history.source.hasDDL else {
            return refuse(["\(request.migrationsPath) holds no DDL to apply (an Alembic versions/ directory alone); "
                + "pass the offline SQL (alembic upgrade head --sql) as --migrations"])
        }
        let target = request.target.flatMap { $0 == "head" ? nil : $0 } ?? history.head
        guard history.contains(target) else {
            return refuse(["--to \(target): no such revision in \(request.migrationsPath)"])
        }
        result.targetRevision = target

        // The writer's password, from the variable the file names; never from a file.
        let password: Secret?
        do {
            password = try environment.secret(variable: settings.passwordEnv, key: "upgrade.password_env",
                                              user: settings.user, from: request.variables)
        } catch {
            return refuse(["\(error)"])
        }
        redactor.add(password)
        let writerEnvironment = Self.writerEnvironment(environment, settings)

        // Where the environment stands, read (read-only) as the writer.
        request.progress("\(environment.name): reading the actual schema as \(settings.user)")
        let actual: ActualState
        do {
            actual = try await LiveStateReader().read(writerEnvironment, password: password)
        } catch {
            return refuse(["cannot read \(environment.name): \(error)"])
        }
        if let warning = ProfileVersionCheck.warning(environment, serverVersion: actual.serverVersion) {
            request.progress(warning)
        }
        let operational = actual.operational
        let versionTable = environment.versionTableName
        if let problem = operational.versionTableProblem {
            return refuse(["the version table \(versionTable) could not be read (\(problem)): the environment is not "
                + "at a known revision"])
        }
        let rows = operational.versionRows ?? []
        let unknown = rows.filter { !history.isKnown($0) }
        guard unknown.isEmpty else {
            return refuse(["\(versionTable) records \(unknown.joined(separator: ", ")), which is not in the history: "
                + "the environment is not at a known revision"])
        }
        result.startRevision = rows.isEmpty ? nil : rows.joined(separator: ", ")
        result.endRevision = result.startRevision

        let pendingRevisions: [Revision]
        let pending: PendingRevisions
        do {
            pendingRevisions = try history.pending(fromAll: rows, to: target)
            pending = try PendingRevisions(pendingRevisions, history: history, environment: environment)
        } catch {
            return refuse(["bad migration history: \(error)"])
        }
        guard !pendingRevisions.isEmpty else {
            result.status = .done
            return result
        }

        // Refusals before any write.
        let preflight = UpgradePreflight(history: history, environment: environment, pending: pending)
        do {
            let lintErrors = try preflight.lintErrors()
            if !lintErrors.isEmpty {
                return refuse(["lint finds errors in the pending revisions (fix them first):"] + lintErrors)
            }
        } catch {
            return refuse(["bad migration history: \(error)"])
        }
        if let alive = operational.backendsAlive {
            let traps = preflight.replicationTraps(aliveBackends: alive)
            if !traps.isEmpty { return refuse(["the replication trap:"] + traps) }
        } else {
            request.progress("\(environment.name): alive backends not readable (SHOW BACKENDS); replication check skipped")
        }
        let comparable = actual.uncomparable.reduce(EnvironmentChecker.removing(versionTable, from: actual.catalog)) {
            EnvironmentChecker.removing($1, from: $0)
        }
        let options = PlanSources.options(environment: environment, history: history).diff
        let resume: UpgradePreflight.Resume
        do {
            resume = try preflight.resume(recorded: rows, actual: comparable, options: options)
        } catch {
            return refuse(["bad migration history: \(error)"])
        }
        if !resume.unexplained.isEmpty {
            let listed = resume.unexplained.prefix(20).map { "\($0.object): \($0.kind.rawValue): \($0.message)" }
            if !request.force {
                return refuse(["objects the pending revisions touch carry drift no revision explains (run `check`; "
                    + "--force applies anyway):"] + listed)
            }
            request.progress("\(environment.name): --force: applying despite unexplained drift on \(listed.count) finding(s)")
        }

        // The plan: each revision's statements, what is already there, what waits for a job.
        let fastDefault = SchemaChangeJobs.fastSchemaEvolutionDefault(serverVersion: actual.serverVersion)
        let fast: @Sendable (ObjectName) -> Bool = { name in
            let properties = actual.catalog.databases[name.database]?.tables[name.name]?.properties ?? [:]
            return SchemaChangeJobs.fastSchemaEvolution(properties: properties, serverDefault: fastDefault)
        }
        var recorder = Self.recorder(environment: environment, actual: actual, rows: rows)
        var jobs: [Int: SchemaChangeJob] = [:]
        var database = environment.defaultDatabase
        for (offset, statement) in pending.statements.enumerated() {
            if case .use(let use) = statement.parsed.statement { database = use.database }
            jobs[offset] = SchemaChangeJobs.job(for: statement.parsed.statement, defaultDatabase: database,
                                                fastSchemaEvolution: fast)
        }
        var offset = 0
        for revision in pendingRevisions {
            var statements: [UpgradeStatementRecord] = []
            for statement in pending.statements(of: revision.id) {
                let status: UpgradeStatementStatus = offset < resume.applied ? .alreadyApplied
                    : request.dryRun ? .wouldRun : .notRun
                statements.append(UpgradeStatementRecord(
                    location: statement.location, sql: statement.parsed.text, status: status,
                    waitsFor: jobs[offset].map { "\($0.table) (\(JobWaiter.query($0)) until State is FINISHED)" }))
                offset += 1
            }
            let version = recorder.statements(recording: revision)
            if request.dryRun { recorder.exists = true; recorder.rows = version.rows }
            result.revisions.append(UpgradeRevisionRecord(
                revision: revision.id, message: revision.message, status: request.dryRun ? .wouldApply : .notRun,
                statements: statements, versionStatements: request.dryRun ? version.sql : []))
        }
        if request.dryRun {
            result.status = .dryRun
            return result
        }
        guard request.confirm(result.text()) else {
            return refuse(["not confirmed; nothing was written"])
        }

        // Writes, as the writer.
        var writerOptions: ConnectionOptions
        do {
            writerOptions = try LiveStateReader.connectionOptions(writerEnvironment, password: password)
        } catch {
            return refuse(["\(error)"])
        }
        writerOptions.database = actual.catalog.databases[environment.defaultDatabase] != nil
            ? environment.defaultDatabase : nil
        let writer: SchemaWriter
        do {
            writer = try await SchemaWriter.open(writerOptions)
        } catch {
            return refuse(["cannot connect to \(environment.name) as \(settings.user): \(error)"])
        }
        defer { Task { await writer.close() } }
        let waiter = JobWaiter(writer: writer, pollInterval: request.pollInterval,
                               timeoutSeconds: settings.jobTimeoutSeconds, progress: request.progress)
        var executor = UpgradeExecutor(writer: writer, waiter: waiter, progress: request.progress,
                                       environment: environment.name,
                                       database: environment.defaultDatabase, redactor: redactor)
        await executor.apply(pending: pending, revisions: pendingRevisions, jobs: jobs, skip: resume.applied,
                             recorder: &recorder, result: &result)
        return result
    }

    /// The environment as the writer sees it: `upgrade.user` in the URL, `upgrade.password_env` for the password.
    static func writerEnvironment(_ environment: EnvironmentConfig, _ settings: UpgradeSettings) -> EnvironmentConfig {
        environment.connecting(as: settings.user, passwordEnv: settings.passwordEnv)
    }

    /// How the version table is recorded: its existence and shape from the server, the replica count from the
    /// environment (its `replication_num` variable or expectation, else at most the alive backends and 3).
    static func recorder(environment: EnvironmentConfig, actual: ActualState, rows: [String]) -> VersionRecorder {
        let table = environment.versionTableName
        let existing = actual.catalog.databases[table.database]?.tables[table.name]
        let alive = actual.operational.backendsAlive ?? 1
        let configured = (environment.variables["replication_num"] ?? environment.expect.properties["replication_num"])
            .flatMap { Int($0) }
        let replicas = max(1, min(configured ?? min(alive, 3), max(alive, 1)))
        return VersionRecorder(
            table: table, exists: actual.operational.versionRows != nil,
            versionIsKey: existing.map { table in !table.columns.contains { $0.name.lowercased() == "id" } } ?? false,
            rows: rows, replicas: replicas)
    }
}
