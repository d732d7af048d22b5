import MigrationHistory
import SchemaModel
import StarRocksDDL

/// One statement of a pending revision, as `upgrade` sends it: placeholders filled in, parsed, located.
struct PendingStatement: Sendable {
    /// The revision it belongs to.
    var revision: String
    /// Its position in the revision (0-based).
    var index: Int
    /// The parsed statement (its `text` is what is sent, without the trailing `;`).
    var parsed: ParsedStatement

    /// `file:line` of the statement.
    var location: String { "\(parsed.location.file):\(parsed.location.line)" }

    /// The statement's first line, shortened, for progress lines.
    var summary: String {
        let flat = parsed.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return flat.count > 100 ? String(flat.prefix(97)) + "..." : flat
    }

    /// Whether the statement changes the schema (DML, SET, GRANT ... do not, and their effect cannot be seen).
    var hasSchemaEffect: Bool {
        if case .noSchemaEffect = parsed.statement { return false }
        return true
    }
}

/// The pending revisions of an environment, statement by statement.
struct PendingRevisions: Sendable {
    /// The revisions to apply, oldest first.
    var revisions: [Revision]
    /// Their statements, in order.
    var statements: [PendingStatement]

    /// Parses the statements of `revisions` with `variables` filled in; a bad placeholder or statement throws with
    /// its file, line and column.
    init(_ revisions: [Revision], history: MigrationHistory, environment: EnvironmentConfig) throws {
        self.revisions = revisions
        var statements: [PendingStatement] = []
        for revision in revisions {
            if history.revisionsWithoutDDL.contains(revision.id) {
                throw HistoryError.revisionWithoutDDL(revision: revision.id, file: revision.file)
            }
            let sql = try PlaceholderExpander.expand(revision.sql, variables: environment.variables,
                                                     environment: environment.name, file: revision.file,
                                                     firstLine: revision.firstLine)
            let parsed = try DDLParser.parse(sql, file: revision.file, firstLine: revision.firstLine)
            statements += parsed.enumerated().map {
                PendingStatement(revision: revision.id, index: $0.offset, parsed: $0.element)
            }
        }
        self.statements = statements
    }

    /// The statements of `revision`, in order.
    func statements(of revision: String) -> [PendingStatement] {
        statements.filter { $0.revision == revision }
    }

    /// Every object (and database) the statements create, change or drop, with unqualified names in
    /// `defaultDatabase` (following `USE`).
    func touchedObjects(defaultDatabase: String) -> Set<ObjectName> {
        var database = defaultDatabase
        var touched = Set<ObjectName>()
        for statement in statements {
            if case .use(let use) = statement.parsed.statement { database = use.database }
            touched.formUnion(Self.targets(of: statement.parsed.statement, defaultDatabase: database))
        }
        return touched
    }

    /// The objects one statement names as its subject (a rename or swap names both sides).
    static func targets(of statement: Statement, defaultDatabase: String) -> [ObjectName] {
        func resolve(_ name: QualifiedNameClause) -> ObjectName {
            ObjectName(database: name.database ?? defaultDatabase, name: name.name)
        }
        switch statement {
        case .createTable(let create): return [resolve(create.name)]
        case .createView(let create): return [resolve(create.name)]
        case .createMaterializedView(let create):
            let job = SchemaChangeJobs.job(for: statement, defaultDatabase: defaultDatabase)
            return [resolve(create.name)] + (job.map { [$0.table] } ?? [])
        case .alterTable(let alter):
            let table = resolve(alter.name)
            var names = [table]
            for clause in alter.clauses {
                switch clause {
                case .rename(let to), .swapWith(let to): names.append(ObjectName(database: table.database, name: to))
                default: continue
                }
            }
            return names
        case .alterView(let alter): return [resolve(alter.name)]
        case .alterMaterializedView(let alter): return [resolve(alter.name)]
        case .drop(let drop): return [resolve(drop.name)]
        case .createIndex(let create): return [resolve(create.table)]
        case .dropIndex(let drop): return [resolve(drop.table)]
        case .createDatabase, .dropDatabase, .use, .noSchemaEffect: return []
        }
    }
}
