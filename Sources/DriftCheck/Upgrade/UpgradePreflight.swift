import Findings
import MigrationHistory
import MigrationLint
import SchemaDiff
import SchemaModel
import StarRocksDDL

/// The checks `upgrade` makes before it writes anything, and where a half-applied run resumes.
struct UpgradePreflight: Sendable {
    let history: MigrationHistory
    let environment: EnvironmentConfig
    let pending: PendingRevisions

    /// Lint errors in the pending revisions (a history that lints with errors is not applied).
    func lintErrors() throws -> [String] {
        let findings = try lint(history, defaultDatabase: environment.defaultDatabase)
        let ids = Set(pending.revisions.map(\.id))
        return findings.filter { $0.severity == .error && ids.contains($0.revision) }.map(\.description)
    }

    /// Property keys that set a replica count.
    static let replicationKeys: Set<String> = ["replication_num", "default.replication_num"]

    /// Statements that ask for more replicas than the alive backends (StarRocks rejects them: "Table replication num
    /// should be less than or equal to the number of available BE nodes"), one sentence each.
    func replicationTraps(aliveBackends alive: Int) -> [String] {
        var traps: [String] = []
        for statement in pending.statements {
            for (key, value) in Self.properties(of: statement.parsed.statement)
            where Self.replicationKeys.contains(key.lowercased()) {
                guard let replicas = Int(value.trimmingCharacters(in: .whitespaces)), replicas > alive else { continue }
                traps.append("\(statement.location) (revision \(statement.revision)): \"\(key)\" = \"\(value)\" but "
                    + "\(environment.name) has \(alive) alive backend(s); StarRocks rejects it (\"Table replication "
                    + "num should be less than or equal to the number of available BE nodes\"): set the environment's "
                    + "variable (e.g. variables: {replication_num: \"\(alive)\"}) and use ${replication_num}")
            }
        }
        return traps
    }

    /// The PROPERTIES a statement sets (CREATE TABLE / MATERIALIZED VIEW, ALTER TABLE SET, partitions).
    static func properties(of statement: Statement) -> [(String, String)] {
        switch statement {
        case .createTable(let create): return create.properties.map { ($0.key, $0.value) }
        case .createMaterializedView(let create): return create.properties.map { ($0.key, $0.value) }
        case .alterTable(let alter):
            return alter.clauses.flatMap { clause -> [(String, String)] in
                switch clause {
                case .set(let properties): return properties.map { ($0.key, $0.value) }
                case .addPartition(let add): return add.properties.map { ($0.key, $0.value) }
                case .modifyPartition(_, let properties): return properties.map { ($0.key, $0.value) }
                default: return []
                }
            }
        default: return []
        }
    }

    /// Where the run starts: which pending statements are already on the server, and the unexplained drift on the
    /// objects the pending revisions touch when nothing explains the server.
    struct Resume: Sendable {
        /// The offsets (among the pending statements) whose effect is already on the server: skipped.
        var applied: Set<Int>
        /// Drift nothing explains (empty when the server matches the recorded revision plus the `applied` statements).
        var unexplained: [Finding]

        /// The first pending statement not on the server.
        var firstNotApplied: Int {
            var offset = 0
            while applied.contains(offset) { offset += 1 }
            return offset
        }
    }

    /// Replays the recorded revision, then the pending statements in turn, and compares each state with the server
    /// on the touched objects: the longest run of statements that leaves no difference there is what an earlier run
    /// (or a person) already applied — the `revision_not_recorded` logic, statement by statement. `upgrade` sends in
    /// order, but a schema-change job can end CANCELLED after later statements on other tables ran: such a
    /// statement (one that starts a job) may be a hole in that run — not applied, while the ones after it are.
    /// Statements without a schema effect (DML) right after that run cannot be seen and are run again.
    func resume(recorded: [String], actual: Catalog, options: DiffOptions) throws -> Resume {
        let base = try recordedCatalog(recorded)
        let touched = pending.touchedObjects(defaultDatabase: environment.defaultDatabase)
        let versionTable = environment.versionTableName
        func unexplained(_ expected: Catalog) -> [Finding] {
            let findings = diff(expected: EnvironmentChecker.removing(versionTable, from: expected),
                                actual: actual, options: options).findings
            return environment.severity.apply(findings).filter { finding in
                finding.severity != .info && touched.contains { Self.concerns(finding.object, $0) }
            }
        }
        let noHole = try longestRun(from: base, skipping: nil, unexplained)
        if noHole.findings.isEmpty { return Resume(applied: noHole.applied, unexplained: []) }
        // A cancelled job's statement may be a hole.
        for hole in jobStatements() {
            let run = try longestRun(from: base, skipping: hole, unexplained)
            if run.findings.isEmpty { return Resume(applied: run.applied, unexplained: []) }
        }
        // Nothing explains the server: report the drift against the recorded revision.
        return Resume(applied: noHole.applied, unexplained: unexplained(base))
    }

    /// The recorded revision replayed (empty when nothing is recorded), with the default database present.
    private func recordedCatalog(_ recorded: [String]) throws -> Catalog {
        var catalog = recorded.isEmpty ? Catalog()
            : try history.replay(atAll: recorded, variables: environment.variables, environment: environment.name,
                                 defaultDatabase: environment.defaultDatabase).catalog
        catalog.ensureDatabase(environment.defaultDatabase)
        return catalog
    }

    /// Offsets of the pending statements that start a schema-change job.
    private func jobStatements() -> [Int] {
        var database = environment.defaultDatabase
        var offsets: [Int] = []
        for (offset, statement) in pending.statements.enumerated() {
            if case .use(let use) = statement.parsed.statement { database = use.database }
            if SchemaChangeJobs.job(for: statement.parsed.statement, defaultDatabase: database) != nil {
                offsets.append(offset)
            }
        }
        return offsets
    }

    /// The longest run of pending statements (without `hole`) whose replay matches the server, or the closest one.
    private func longestRun(from base: Catalog, skipping hole: Int?, _ unexplained: (Catalog) -> [Finding]) throws
        -> (applied: Set<Int>, findings: [Finding]) {
        var catalog = base
        var best = (applied: Set<Int>(), findings: unexplained(catalog))
        var applied = Set<Int>()
        var database = environment.defaultDatabase
        for (offset, statement) in pending.statements.enumerated() {
            if offset == hole {
                if case .use(let use) = statement.parsed.statement { database = use.database }
                continue
            }
            do {
                try catalog.apply(statement.parsed, defaultDatabase: &database)
            } catch {
                if hole != nil { break }
                throw HistoryError.replayFailed(revision: statement.revision, file: statement.parsed.location.file,
                                                message: "\(error)")
            }
            applied.insert(offset)
            guard statement.hasSchemaEffect else { continue }
            if let hole, offset < hole { continue }
            let findings = unexplained(catalog)
            if findings.isEmpty || (!best.findings.isEmpty && findings.count <= best.findings.count) {
                best = (applied, findings)
            }
        }
        return best
    }

    /// Whether a finding's object (`db.table[.part...]`) is `name` or a part of it.
    static func concerns(_ object: String, _ name: ObjectName) -> Bool {
        let prefix = name.description
        return object == prefix || object.hasPrefix(prefix + ".") || object == name.database
    }
}
