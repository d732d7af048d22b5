import Foundation
import MigrationHistory
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
    /// Where passwords are read from (the process environment); also the CI run named in the lock.
    public var variables: [String: String]
    /// Set by the executable on SIGINT / SIGTERM: the run stops before its next statement and releases its lock.
    public var interrupt: UpgradeInterrupt

    /// Creates a request.
    public init(environment: EnvironmentConfig, migrationsPath: String, target: String? = nil, dryRun: Bool = false,
                force: Bool = false, confirm: @escaping @Sendable (String) -> Bool = { _ in true },
                progress: Progress = .standardError, pollInterval: Double = 0.5,
                variables: [String: String] = ProcessInfo.processInfo.environment,
                interrupt: UpgradeInterrupt = UpgradeInterrupt()) {
        self.environment = environment
        self.migrationsPath = migrationsPath
        self.target = target
        self.dryRun = dryRun
        self.force = force
        self.confirm = confirm
        self.progress = progress
        self.pollInterval = pollInterval
        self.variables = variables
        self.interrupt = interrupt
    }
}

/// `upgrade`: applies an environment's pending revisions the StarRocks way, in phases — resolve (history, target,
/// the server's state), refuse (before any write), lock (one runner per environment), settle (jobs an earlier run
/// left running), apply (one statement at a time, a wait for each schema-change job before the next statement on its
/// table, lost replies settled from the server), record (the version table after each revision) and release (the
/// lock, also when the run stops or is interrupted). A re-run skips statements already on the server. Only this
/// runner opens a `SchemaWriter`. Never prints (progress goes to the request's sink) and never throws: every problem
/// is in the result.
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

    /// The phases in order; every path after the lock is taken releases it.
    mutating func run() async -> UpgradeResult {
        let resolved: UpgradeContext
        switch await resolve() {
        case .refused(let reasons): return refuse(reasons)
        case .nothingPending:
            result.status = .done
            return result
        case .ready(let context): resolved = context
        }
        var context = resolved
        layOut(context)
        if request.dryRun {
            result.status = .dryRun
            return result
        }
        guard request.confirm(result.text()) else {
            return refuse(["not confirmed; nothing was written"])
        }
        let link: WriterLink
        switch await connect(context) {
        case .failure(let failure): return refuse(failure.reasons)
        case .success(let opened): link = opened
        }
        defer { Task { await link.close() } }
        let lockComment: String
        switch await lock(link, context) {
        case .failure(let failure): return refuse(failure.reasons)
        case .success(let comment): lockComment = comment
        }
        // With the lock held and no job in flight, read the server again: what another runner or an earlier run
        // applied since the first read is what the plan must start from.
        if await settle(link, context) {
            let warnings = result.warnings
            switch await resolve() {
            case .refused(let reasons):
                result.status = .refused
                result.reasons = reasons.map(redactor.scrub)
            case .nothingPending:
                result.status = .done
                result.revisions = []
            case .ready(let fresh):
                context = fresh
                layOut(context)
                await apply(link, context)
            }
            result.warnings = warnings + result.warnings.filter { !warnings.contains($0) }
        }
        await release(link, comment: lockComment, context)
        result.reconnects = link.reconnects
        return result
    }

    /// Apply and record: the executor runs the statements and the version-table writes.
    mutating func apply(_ link: WriterLink, _ context: UpgradeContext) async {
        let settings = context.settings
        let waiter = JobWaiter(link: link, pollInterval: request.pollInterval,
                               timeoutSeconds: settings.jobTimeoutSeconds, progress: request.progress)
        let reader = context.reader
        let resolver = LostReplyResolver(waiter: waiter, preflight: context.preflight, recorded: context.rows,
                                         options: context.options, readActual: { try await reader().catalog })
        var executor = UpgradeExecutor(link: link, waiter: waiter, resolver: resolver, progress: request.progress,
                                       environment: environment.name, database: environment.defaultDatabase,
                                       redactor: redactor)
        var recorder = context.recorder
        await executor.apply(pending: context.pending, revisions: context.pendingRevisions, jobs: context.jobs,
                             skip: context.resume.applied, recorder: &recorder, result: &result)
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
