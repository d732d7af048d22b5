import Foundation
import SchemaModel
import StarRocksDDL

/// One planned statement as Alembic operations: `op.create_table` / `op.drop_table` / `op.add_column` /
/// `op.drop_column` where Alembic and the `starrocks` dialect express the statement, `op.execute` with its text otherwise.
struct AlembicOperations {
    /// Lines of `upgrade()`'s body (unindented).
    var upgrade: [String] = []
    /// Lines of `downgrade()`'s body, in the order they run (the caller reverses whole revisions).
    var downgrade: [String] = []

    /// The operations for `statement` (canonical DDL, names unqualified in the default database). `columns` holds each
    /// table's column names as the history stands before the statement, updated as columns are added and dropped.
    static func operations(for statement: String, columns: inout [String: [String]]) -> AlembicOperations {
        guard let parsed = try? DDLParser.parse(statement, file: "plan").first else { return executing(statement) }
        switch parsed.statement {
        case .createTable(let create) where create.name.database == nil:
            return creating(statement, columns: &columns) ?? executing(statement)
        case .drop(let drop) where drop.kind == .table && drop.name.database == nil && !drop.force:
            columns[drop.name.name] = nil
            return AlembicOperations(upgrade: ["op.drop_table(\(PythonLiteral.string(drop.name.name)))"],
                                     downgrade: ["# not generated: the dropped table \(drop.name.name) and its rows cannot be restored"])
        default:
            break
        }
        guard case .alterTable(let alter) = parsed.statement, alter.name.database == nil, alter.clauses.count == 1
        else { return executing(statement) }
        let table = alter.name.name
        switch alter.clauses[0] {
        case .addColumn(let clause):
            guard clause.columns.count == 1, clause.rollup == nil, clause.properties.isEmpty,
                  let column = clause.columns.first, let rendered = sqlalchemyColumn(column) else { break }
            // op.add_column appends: only right when the column goes last.
            let existing = columns[table] ?? []
            switch clause.position {
            case nil: break
            case .after(let previous)? where previous == existing.last: break
            default: return executing(statement)
            }
            columns[table, default: []].append(column.name)
            return AlembicOperations(upgrade: ["op.add_column(\(PythonLiteral.string(table)), \(rendered))"],
                                     downgrade: ["op.drop_column(\(PythonLiteral.string(table)), \(PythonLiteral.string(column.name)))"])
        case .dropColumn(let clause):
            guard clause.rollup == nil else { break }
            columns[table]?.removeAll { $0 == clause.name }
            var operations = AlembicOperations(upgrade: ["op.drop_column(\(PythonLiteral.string(table)), \(PythonLiteral.string(clause.name)))"])
            operations.downgrade = ["# not generated: the dropped column \(clause.name) and its values cannot be restored"]
            return operations
        default:
            break
        }
        return executing(statement)
    }

    /// `op.create_table(...)` with the columns and `starrocks_*` arguments the models writer gives the table (the
    /// same text `inspect --format sqlalchemy` writes), or nil when the dialect cannot express it.
    static func creating(_ statement: String, columns: inout [String: [String]]) -> AlembicOperations? {
        let database = "alembic_revision"
        guard let catalog = try? Catalog.load(sql: statement, file: "plan", defaultDatabase: database),
              let table = catalog.databases[database]?.tables.values.first,
              case .success(let arguments) = SQLAlchemyModelsWriter.tableArguments(table, schema: nil)
        else { return nil }
        columns[table.name] = table.columns.map(\.name)
        // Indented for the body of upgrade() (which indents only the first line).
        let call = "op.create_table(\n" + ([PythonLiteral.string(table.name)] + arguments)
            .map { "        " + $0 + "," }.joined(separator: "\n") + "\n    )"
        return AlembicOperations(upgrade: [call], downgrade: ["op.drop_table(\(PythonLiteral.string(table.name)))"])
    }

    /// `op.execute("""...""")` for a statement Alembic has no operation for.
    static func executing(_ statement: String) -> AlembicOperations {
        let firstLine = statement.split(separator: "\n").first.map(String.init) ?? statement
        return AlembicOperations(upgrade: ["op.execute(\(pythonText(statement)))"],
                                 downgrade: ["# not generated: the inverse of \(firstLine)"])
    }

    /// `sa.Column("c", VARCHAR(length=100), nullable=True, comment="...")`, or nil when the column has more than a
    /// type, nullability and comment (a default, AUTO_INCREMENT, an aggregate, a generated expression).
    static func sqlalchemyColumn(_ column: ColumnDefinitionClause) -> String? {
        guard column.defaultValue == nil, !column.isAutoIncrement, column.aggregate == nil,
              column.generatedExpression == nil, !column.isKey, let type = dialectType(column.type) else { return nil }
        var arguments = [PythonLiteral.string(column.name), type, "nullable=\(column.nullable == false ? "False" : "True")"]
        if let comment = column.comment, !comment.isEmpty { arguments.append("comment=\(PythonLiteral.string(comment))") }
        return "sa.Column(\(arguments.joined(separator: ", ")))"
    }

    /// The `starrocks` dialect's type for a scalar StarRocks type; nil for others (they go through `op.execute`).
    static func dialectType(_ type: ColumnTypeClause) -> String? {
        guard case let .scalar(name, arguments) = type else { return nil }
        return DialectTypes.scalar(name, arguments)
    }

    /// A triple-quoted Python string holding SQL for `op.execute`, which Alembic runs through `sqlalchemy.text()`:
    /// a colon before a word would be a bind parameter there, so it is escaped (`\:`).
    static func pythonText(_ sql: String) -> String {
        var out = ""
        var previous: Character = " "
        var trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        // Alembic ends every statement itself (`;` in the offline SQL).
        while trimmed.hasSuffix(";") { trimmed.removeLast() }
        let characters = Array(trimmed)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\": out += "\\\\"
            case ":":
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let bind = !(previous.isLetter || previous.isNumber || previous == "_" || previous == ":")
                    && (next.isLetter || next.isNumber || next == "_")
                out += bind ? "\\\\:" : ":"
            default: out.append(character)
            }
            previous = character
        }
        // Inside triple quotes only a run of three quotes needs escaping.
        return "\"\"\"\n" + out.replacingOccurrences(of: "\"\"\"", with: "\\\"\\\"\\\"") + "\n\"\"\""
    }
}
