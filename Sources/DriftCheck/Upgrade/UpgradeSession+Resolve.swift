import Foundation
import MigrationHistory
import SchemaDiff
import SchemaModel
import StarRocksClient

/// Everything the phases after `resolve` need: the history, the server's state as read, the pending statements and
/// where the run resumes.
struct UpgradeContext: Sendable {
    var settings: UpgradeSettings
    var history: MigrationHistory
    var password: Secret?
    var writerEnvironment: EnvironmentConfig
    var actual: ActualState
    /// The version table's rows when the run started.
    var rows: [String]
    var pendingRevisions: [Revision]
    var pending: PendingRevisions
    var preflight: UpgradePreflight
    var options: DiffOptions
    var resume: UpgradePreflight.Resume
    /// The job each pending statement starts (by its offset among the pending statements).
    var jobs: [Int: SchemaChangeJob]
    /// How the version table is written.
    var recorder: VersionRecorder
    /// Reads the server again (as the writer, read-only): the state and its comparable catalog.
    var reader: @Sendable () async throws -> (catalog: Catalog, actual: ActualState)
}

/// What `resolve` found.
enum Resolution {
    case refused([String])
    case nothingPending
    case ready(UpgradeContext)
}

extension UpgradeSession {
    /// The catalog `upgrade` compares with the history: without the version table, the upgrade lock and the objects
    /// the model cannot compare.
    static func comparable(_ actual: ActualState, environment: EnvironmentConfig) -> Catalog {
        let versionTable = environment.versionTableName
        let lock = UpgradeLock.object(versionTable: versionTable)
        return actual.uncomparable.reduce(
            EnvironmentChecker.removing(lock, from: EnvironmentChecker.removing(versionTable, from: actual.catalog))
        ) { EnvironmentChecker.removing($1, from: $0) }
    }

    /// Resolve and refuse: the history, the target, the writer's password, the server's state (read-only), the
    /// pending revisions; the refusals that come before any write (lint errors, the replication trap, unexplained
    /// drift on touched objects, an unknown recorded revision).
    mutating func resolve() async -> Resolution {
        guard let settings = environment.upgrade, settings.allowed else {
            return .refused(["upgrade is not allowed for environment \(environment.name): \(environment.file) needs "
                + "`upgrade: {allowed: true, user: <writer>, password_env: <VARIABLE>}` (the checking user never writes)"])
        }
        let history: MigrationHistory
        do {
            history = try MigrationHistory.load(path: request.migrationsPath)
        } catch {
            return .refused(["bad migration history: \(error)"])
        }
        guard history.source.hasDDL else {
            return .refused(["\(request.migrationsPath) holds no DDL to apply (an Alembic versions/ directory alone); "
                + "pass the offline SQL (alembic upgrade head --sql) as --migrations"])
        }
        let target = request.target.flatMap { $0 == "head" ? nil : $0 } ?? history.head
        guard history.contains(target) else {
            return .refused(["--to \(target): no such revision in \(request.migrationsPath)"])
        }
        result.targetRevision = target

        // The writer's password, from the variable the file names; never from a file.
        let password: Secret?
        do {
            password = try environment.secret(variable: settings.passwordEnv, key: "upgrade.password_env",
                                              user: settings.user, from: request.variables)
        } catch {
            return .refused(["\(error)"])
        }
        redactor.add(password)
        // The environment as the writer sees it: `upgrade.user` in the URL, `upgrade.password_env` for the password.
        let writerEnvironment = environment.connecting(as: settings.user, passwordEnv: settings.passwordEnv)
        let environment = self.environment
        let reader: @Sendable () async throws -> (catalog: Catalog, actual: ActualState) = {
            let actual = try await LiveStateReader().read(writerEnvironment, password: password)
            return (Self.comparable(actual, environment: environment), actual)
        }

        // Where the environment stands, read (read-only) as the writer.
        request.progress("\(environment.name): reading the actual schema as \(settings.user)")
        let actual: ActualState
        let comparable: Catalog
        do {
            (comparable, actual) = try await reader()
        } catch {
            return .refused(["cannot read \(environment.name): \(error)"])
        }
        if let warning = ProfileVersionCheck.warning(environment, serverVersion: actual.serverVersion) {
            request.progress(warning)
        }
        let operational = actual.operational
        let versionTable = environment.versionTableName
        if let problem = operational.versionTableProblem {
            return .refused(["the version table \(versionTable) could not be read (\(problem)): the environment is "
                + "not at a known revision"])
        }
        let rows = operational.versionRows ?? []
        let unknown = rows.filter { !history.isKnown($0) }
        guard unknown.isEmpty else {
            return .refused(["\(versionTable) records \(unknown.joined(separator: ", ")), which is not in the history: "
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
            return .refused(["bad migration history: \(error)"])
        }
        guard !pendingRevisions.isEmpty else { return .nothingPending }

        // Refusals before any write.
        let preflight = UpgradePreflight(history: history, environment: environment, pending: pending)
        do {
            let lintErrors = try preflight.lintErrors()
            if !lintErrors.isEmpty {
                return .refused(["lint finds errors in the pending revisions (fix them first):"] + lintErrors)
            }
        } catch {
            return .refused(["bad migration history: \(error)"])
        }
        if let alive = operational.backendsAlive {
            let traps = preflight.replicationTraps(aliveBackends: alive)
            if !traps.isEmpty { return .refused(["the replication trap:"] + traps) }
        } else {
            request.progress("\(environment.name): alive backends not readable (SHOW BACKENDS); replication check skipped")
        }
        let options = PlanSources.options(environment: environment, history: history).diff
        let resume: UpgradePreflight.Resume
        do {
            resume = try preflight.resume(recorded: rows, actual: comparable, options: options)
        } catch {
            return .refused(["bad migration history: \(error)"])
        }
        if let refusal = refusal(resume) { return .refused(refusal) }

        // Which statement starts which job (the rules lint, plan and the simulator share).
        let fastDefault = SchemaChangeJobs.fastSchemaEvolutionDefault(serverVersion: actual.serverVersion)
        let fast: @Sendable (ObjectName) -> Bool = { name in
            let properties = actual.catalog.databases[name.database]?.tables[name.name]?.properties ?? [:]
            return SchemaChangeJobs.fastSchemaEvolution(properties: properties, serverDefault: fastDefault)
        }
        var jobs: [Int: SchemaChangeJob] = [:]
        var database = environment.defaultDatabase
        for (offset, statement) in pending.statements.enumerated() {
            if case .use(let use) = statement.parsed.statement { database = use.database }
            jobs[offset] = SchemaChangeJobs.job(for: statement.parsed.statement, defaultDatabase: database,
                                                fastSchemaEvolution: fast)
        }
        return .ready(UpgradeContext(
            settings: settings, history: history, password: password, writerEnvironment: writerEnvironment,
            actual: actual, rows: rows, pendingRevisions: pendingRevisions, pending: pending, preflight: preflight,
            options: options, resume: resume, jobs: jobs,
            recorder: Self.recorder(environment: environment, actual: actual, rows: rows), reader: reader))
    }

    /// The refusal for drift no prefix of the pending statements explains (`nil` with `--force`, after saying so).
    func refusal(_ resume: UpgradePreflight.Resume) -> [String]? {
        guard !resume.unexplained.isEmpty else { return nil }
        let listed = resume.unexplained.prefix(20).map { "\($0.object): \($0.kind.rawValue): \($0.message)" }
        if !request.force {
            return ["objects the pending revisions touch carry drift no revision explains (run `check`; "
                + "--force applies anyway):"] + listed
        }
        request.progress("\(environment.name): --force: applying despite unexplained drift on \(listed.count) finding(s)")
        return nil
    }

    /// The plan in the result: each revision's statements, what is already there, what waits for a job.
    mutating func layOut(_ context: UpgradeContext) {
        var recorder = context.recorder
        var offset = 0
        result.revisions = []
        for revision in context.pendingRevisions {
            var statements: [UpgradeStatementRecord] = []
            for statement in context.pending.statements(of: revision.id) {
                let status: UpgradeStatementStatus = context.resume.applied.contains(offset) ? .alreadyApplied
                    : request.dryRun ? .wouldRun : .notRun
                statements.append(UpgradeStatementRecord(
                    location: statement.location, sql: statement.parsed.text, status: status,
                    waitsFor: context.jobs[offset].map { "\($0.table) (\(JobWaiter.query($0)) until State is FINISHED)" }))
                offset += 1
            }
            let version = recorder.statements(recording: revision)
            if request.dryRun { recorder.exists = true; recorder.rows = version.rows }
            result.revisions.append(UpgradeRevisionRecord(
                revision: revision.id, message: revision.message, status: request.dryRun ? .wouldApply : .notRun,
                statements: statements, versionStatements: request.dryRun ? version.sql : []))
        }
    }
}
