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

    /// Where the run starts: how many pending statements are already on the server, and the unexplained drift on the
    /// objects the pending revisions touch when no prefix of the statements explains the server.
    struct Resume: Sendable {
        /// The number of leading pending statements whose effect is already on the server (skipped).
        var applied: Int
        /// Drift no prefix explains (empty when the server matches the recorded revision plus `applied` statements).
        var unexplained: [Finding]
    }

    /// Replays the recorded revision, then each pending statement in turn, and compares each state with the server
    /// on the touched objects: the longest prefix that leaves no difference there is what a failed run (or a person)
    /// already applied — the `revision_not_recorded` logic, statement by statement. Statements without a schema
    /// effect (DML) right after that prefix cannot be seen and are run again.
    func resume(recorded: [String], actual: Catalog, options: DiffOptions) throws -> Resume {
        var catalog = recorded.isEmpty ? Catalog()
            : try history.replay(atAll: recorded, variables: environment.variables, environment: environment.name,
                                 defaultDatabase: environment.defaultDatabase).catalog
        catalog.ensureDatabase(environment.defaultDatabase)
        let touched = pending.touchedObjects(defaultDatabase: environment.defaultDatabase)
        let versionTable = environment.versionTableName
        func unexplained(_ expected: Catalog) -> [Finding] {
            let findings = diff(expected: EnvironmentChecker.removing(versionTable, from: expected),
                                actual: actual, options: options).findings
            return environment.severity.apply(findings).filter { finding in
                finding.severity != .info && touched.contains { Self.concerns(finding.object, $0) }
            }
        }
        var best = (applied: 0, findings: unexplained(catalog))
        var database = environment.defaultDatabase
        for (offset, statement) in pending.statements.enumerated() {
            do {
                try catalog.apply(statement.parsed, defaultDatabase: &database)
            } catch {
                throw HistoryError.replayFailed(revision: statement.revision, file: statement.parsed.location.file,
                                                message: "\(error)")
            }
            guard statement.hasSchemaEffect else { continue }
            let findings = unexplained(catalog)
            if findings.isEmpty || (!best.findings.isEmpty && findings.count <= best.findings.count) {
                best = (offset + 1, findings)
            }
        }
        if !best.findings.isEmpty {
            // Nothing explains the server: report the drift against the recorded revision.
            var replayed = recorded.isEmpty ? Catalog()
                : try history.replay(atAll: recorded, variables: environment.variables, environment: environment.name,
                                     defaultDatabase: environment.defaultDatabase).catalog
            replayed.ensureDatabase(environment.defaultDatabase)
            return Resume(applied: best.applied, unexplained: unexplained(replayed))
        }
        return Resume(applied: best.applied, unexplained: [])
    }

    /// Whether a finding's object (`db.table[.part...]`) is `name` or a part of it.
    static func concerns(_ object: String, _ name: ObjectName) -> Bool {
        let prefix = name.description
        return object == prefix || object.hasPrefix(prefix + ".") || object == name.database
    }
}
