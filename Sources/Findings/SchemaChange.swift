import SchemaModel
import StarRocksDDL

/// One statement that changes the actual schema toward the expected one, as typed data: what the differ attaches to
/// a finding as its fix, and what the planner orders and groups into schema-change jobs. Every statement is printed
/// by one printer (`sql`): StarRocksDDL's syntax printer for ALTER/DROP/INDEX/DATABASE statements, with the object's
/// database in the syntax (never substituted into text), and SchemaModel's canonical printer with its `database`
/// option for a CREATE of a whole table, view or materialized view.
public enum SchemaChange: Hashable, Sendable {
    /// `CREATE DATABASE [IF NOT EXISTS] name`.
    case createDatabase(String, ifNotExists: Bool = false)
    /// `CREATE TABLE db.t (...)`, the canonical definition of `table`.
    case createTable(database: String, table: Table)
    /// `CREATE [OR REPLACE] VIEW db.v ...`.
    case createView(database: String, view: View, orReplace: Bool = false)
    /// `CREATE MATERIALIZED VIEW db.mv ...`.
    case createMaterializedView(database: String, view: MaterializedView)
    /// `DROP TABLE | VIEW | MATERIALIZED VIEW db.x`.
    case drop(ObjectName, ObjectKind)
    /// `ALTER TABLE db.t <clauses>` (clauses StarRocks runs as one statement).
    case alterTable(ObjectName, [AlterTableClause])
    /// `CREATE INDEX i ON db.t (...)`.
    case createIndex(ObjectName, IndexDefinitionClause)
    /// `DROP INDEX i ON db.t`.
    case dropIndex(ObjectName, index: String)
    /// `ALTER MATERIALIZED VIEW db.mv <action>`.
    case alterMaterializedView(ObjectName, AlterMaterializedViewClause)

    /// The object the statement changes (the database itself for `createDatabase`).
    public var target: ObjectName {
        switch self {
        case .createDatabase(let name, _): return ObjectName(database: name, name: "")
        case .createTable(let database, let table): return ObjectName(database: database, name: table.name)
        case .createView(let database, let view, _): return ObjectName(database: database, name: view.name)
        case .createMaterializedView(let database, let view): return ObjectName(database: database, name: view.name)
        case .drop(let name, _), .alterTable(let name, _), .createIndex(let name, _), .dropIndex(let name, _),
             .alterMaterializedView(let name, _):
            return name
        }
    }

    /// The statement as StarRocksDDL syntax; `nil` for the CREATE of a whole table, view or materialized view, which
    /// the canonical printer prints from the model.
    public var statement: Statement? {
        switch self {
        case .createDatabase(let name, let ifNotExists):
            return .createDatabase(CreateDatabaseStatement(ifNotExists: ifNotExists, name: name))
        case .createTable, .createView, .createMaterializedView:
            return nil
        case .drop(let name, let kind):
            return .drop(DropStatement(kind: kind.clause, name: name.clause))
        case .alterTable(let name, let clauses):
            return .alterTable(AlterTableStatement(name: name.clause, clauses: clauses))
        case .createIndex(let name, let index):
            return .createIndex(CreateIndexStatement(table: name.clause, index: index))
        case .dropIndex(let name, let index):
            return .dropIndex(DropIndexStatement(name: index, table: name.clause))
        case .alterMaterializedView(let name, let action):
            return .alterMaterializedView(AlterMaterializedViewStatement(name: name.clause, action: action))
        }
    }

    /// Whether the statement starts a schema-change job (`SchemaChangeJobs`, the one rule lint, plan, upgrade and the
    /// simulator share), taken without fast schema evolution: the planner does not know the table's setting, so it
    /// waits as if it were off.
    public var startsSchemaChangeJob: Bool {
        guard let statement else { return false }
        return SchemaChangeJobs.job(for: statement, defaultDatabase: target.database) != nil
    }

    /// The statement's text, ending in `;`.
    public var sql: String {
        switch self {
        case .createTable(let database, let table):
            return CanonicalDDL.table(table, database: database)
        case .createView(let database, let view, let orReplace):
            return CanonicalDDL.view(view, database: database, orReplace: orReplace)
        case .createMaterializedView(let database, let view):
            return CanonicalDDL.materializedView(view, database: database)
        default:
            return SyntaxPrinter.print(statement!)
        }
    }

    /// The statement's text split into statements (a CREATE TABLE is followed by the ALTER TABLE ... DROP PARTITION
    /// statements a CREATE cannot express), each ending in `;`.
    public var statements: [String] {
        guard case .createTable = self else { return [sql] }
        var out: [String] = []
        var current = ""
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            current += current.isEmpty ? String(line) : "\n" + line
            if line.hasSuffix(";") {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The statements' text, separated by a space (a finding's `fix_sql`).
    public static func sql(_ changes: [SchemaChange]) -> String? {
        changes.isEmpty ? nil : changes.map(\.sql).joined(separator: " ")
    }
}

extension ObjectName {
    /// The name as syntax, qualified by its database.
    var clause: QualifiedNameClause { QualifiedNameClause(database: database, name: name) }
}

extension ObjectKind {
    /// The kind as DROP states it.
    var clause: ObjectKindClause {
        switch self {
        case .table: return .table
        case .view: return .view
        case .materializedView: return .materializedView
        }
    }
}
