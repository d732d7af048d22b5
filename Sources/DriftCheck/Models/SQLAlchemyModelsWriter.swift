import Foundation
import SchemaModel

/// How `inspect --format sqlalchemy` writes tables: Core `Table(...)` objects or declarative classes.
public enum ModelsStyle: String, Sendable, CaseIterable {
    /// `Table(...)` objects on `metadata`; classes on a `DeclarativeBase` named `Base`.
    case core, declarative
}

/// Writes a catalog as a SQLAlchemy `models.py` for the `starrocks` dialect: tables with the dialect's types and
/// `starrocks_*` arguments (key, partition by, distributed by, order by, properties), views and MVs through
/// `starrocks.schema`. Loading the file through the models provider gives the same schema back; what the dialect
/// cannot express is left out of the file and listed (in the file's header and in `skipped`) with the reason.
struct SQLAlchemyModelsWriter {
    /// Tables or declarative classes.
    var style: ModelsStyle
    /// The database whose objects are written without `schema=` (the environment's first).
    var defaultDatabase: String

    /// The file's text and the objects left out (`db.name: reason`); `unread` (`db.name: reason`) are the objects
    /// the server's text could not be read for, listed in the header too so the file never hides a gap.
    func write(_ catalog: Catalog, title: String, unread: [String] = []) -> (text: String, skipped: [String]) {
        var blocks: [String] = []
        var skipped: [String] = []
        var classNames = Set<String>()
        for database in catalog.databaseNames {
            guard let db = catalog.databases[database] else { continue }
            let schema = database == defaultDatabase ? nil : database
            for name in db.tables.keys.sorted() {
                switch table(db.tables[name]!, schema: schema, classNames: &classNames) {
                case .success(let block): blocks.append(block)
                case .failure(let reason): skipped.append("\(database).\(name): \(reason.text)")
                }
            }
            for name in db.views.keys.sorted() { blocks.append(view(db.views[name]!, schema: schema)) }
            for name in db.materializedViews.keys.sorted() {
                switch materializedView(db.materializedViews[name]!, schema: schema) {
                case .success(let block): blocks.append(block)
                case .failure(let reason): skipped.append("\(database).\(name): \(reason.text)")
                }
            }
        }
        var header = ["\"\"\"SQLAlchemy models of \(title), written by `starrocks-drift inspect --format sqlalchemy`.",
                      "",
                      "Types and `starrocks_*` arguments are the `starrocks` dialect's; compare them with the server with",
                      "`starrocks-drift diff --expected models:MODULE:\(style == .core ? "metadata" : "Base") --actual env:NAME`."]
        if !skipped.isEmpty {
            header += ["", "Left out (the dialect cannot express them):"] + skipped.map { "- " + $0 }
        }
        if !unread.isEmpty {
            // First line of each reason only, with what would end or escape the docstring neutralized.
            let lines = unread.map { line in
                "- " + (line.split(separator: "\n").first.map(String.init) ?? line)
                    .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"\"\"", with: "\\\"\"\"")
            }
            header += ["", "Left out (could not be read from the server; not in this file):"] + lines
        }
        header.append("\"\"\"")
        var imports = ["from sqlalchemy import Column, Computed, MetaData, Table, text",
                       "from starrocks import *  # noqa: F401,F403  (the dialect's types)",
                       "from starrocks.schema import MaterializedView, View"]
        var preamble = ["metadata = MetaData()"]
        if style == .declarative {
            imports.append("from sqlalchemy.orm import DeclarativeBase")
            preamble = ["class Base(DeclarativeBase):", "    \"\"\"The declarative base: Base.metadata holds every object below.\"\"\"",
                        "", "", "metadata = Base.metadata"]
        }
        let text = (header + [""] + imports + ["", ""] + preamble).joined(separator: "\n") + "\n\n\n"
            + blocks.joined(separator: "\n\n\n") + (blocks.isEmpty ? "" : "\n")
        return (text, skipped)
    }

    /// Why an object is left out.
    struct Unsupported: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    func table(_ table: Table, schema: String?, classNames: inout Set<String>) -> Result<String, Unsupported> {
        let arguments: [String]
        switch Self.tableArguments(table, schema: schema) {
        case .success(let list): arguments = list
        case .failure(let reason): return .failure(reason)
        }
        let lines = [PythonLiteral.string(table.name), "metadata"] + arguments
        let call = "Table(\n" + lines.map { "    " + $0 + "," }.joined(separator: "\n") + "\n)"
        switch style {
        case .core:
            return .success("\(Self.variable(table.name)) = " + call)
        case .declarative:
            let name = Self.className(table.name, taken: &classNames)
            let keys = (table.key?.columns ?? table.columns.prefix(1).map(\.name))
                .map { "__table__.c[\(PythonLiteral.string($0))]" }.joined(separator: ", ")
            let indented = call.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 ? String($0.element) : "    " + $0.element }.joined(separator: "\n")
            return .success("""
                class \(name)(Base):
                    __table__ = \(indented.replacingOccurrences(of: "    metadata,", with: "    Base.metadata,"))
                    __mapper_args__ = {"primary_key": [\(keys)]}
                """)
        }
    }

    /// A table's columns and keyword arguments (without its name and metadata), for `Table(...)` and
    /// `op.create_table(...)`; what the dialect cannot express fails with the reason.
    static func tableArguments(_ table: Table, schema: String?) -> Result<[String], Unsupported> {
        if table.definedByQuery != nil { return .failure(Unsupported("CREATE TABLE … AS SELECT has no Table form")) }
        if !table.indexes.isEmpty {
            return .failure(Unsupported("indexes (the dialect creates them with separate CREATE INDEX statements)"))
        }
        if let engine = table.engine, engine.uppercased() != "OLAP" {
            return .failure(Unsupported("ENGINE=\(engine) (only OLAP tables are written)"))
        }
        if case .range(let range)? = table.partitioning, !range.droppedFromBatches.isEmpty {
            return .failure(Unsupported("partitions dropped from a START/END/EVERY batch"))
        }
        var lines: [String] = []
        for column in table.columns {
            switch Self.column(column) {
            case .success(let text): lines.append(text)
            case .failure(let reason): return .failure(Unsupported("column \(column.name): \(reason.text)"))
            }
        }
        if let schema { lines.append("schema=\(PythonLiteral.string(schema))") }
        if !table.comment.isEmpty { lines.append("comment=\(PythonLiteral.string(table.comment))") }
        if let key = table.key {
            let argument = "starrocks_\(key.model.rawValue.lowercased())_key"
            lines.append("\(argument)=\(PythonLiteral.string(key.columns.joined(separator: ", ")))")
        }
        if let partitioning = table.partitioning {
            lines.append("starrocks_partition_by=\(PythonLiteral.lines(Self.dropping("PARTITION BY ", from: CanonicalDDL.partitionClause(partitioning))))")
        }
        if let distribution = table.distribution {
            lines.append("starrocks_distributed_by=\(PythonLiteral.string(Self.dropping("DISTRIBUTED BY ", from: CanonicalDDL.distributionClause(distribution))))")
        }
        if let orderBy = table.orderBy {
            lines.append("starrocks_order_by=\(PythonLiteral.string(orderBy.joined(separator: ", ")))")
        }
        let properties = Self.setProperties(table.properties, isMaterializedView: false, model: table.key?.model)
        if !properties.isEmpty { lines.append("starrocks_properties=\(PythonLiteral.dictionary(properties))") }
        return .success(lines)
    }

    /// `Column("c", TYPE(), ...)` with the dialect's type; a type it has none for fails with the reason.
    static func column(_ column: Column) -> Result<String, Unsupported> {
        guard let type = Self.pythonType(column.type) else {
            return .failure(Unsupported("type \(CanonicalDDL.typeText(column.type)) has no starrocks dialect type here"))
        }
        var arguments = [PythonLiteral.string(column.name), type]
        if let expression = column.generatedExpression { arguments.append("Computed(\(PythonLiteral.string(expression)))") }
        arguments.append("nullable=\(column.nullable == false ? "False" : "True")")
        if column.isAutoIncrement { arguments.append("autoincrement=True") }
        switch column.defaultValue {
        case .literal(let value)?: arguments.append("server_default=\(PythonLiteral.string(value))")
        case .currentTimestamp?: arguments.append("server_default=text(\"CURRENT_TIMESTAMP\")")
        case .null?: arguments.append("server_default=text(\"NULL\")")
        case .expression(let text)?: arguments.append("server_default=text(\(PythonLiteral.string("(\(text))")))")
        case nil: break
        }
        if let aggregate = column.aggregate { arguments.append("starrocks_agg_type=\(PythonLiteral.string(aggregate.rawValue))") }
        if !column.comment.isEmpty { arguments.append("comment=\(PythonLiteral.string(column.comment))") }
        return .success("Column(" + arguments.joined(separator: ", ") + ")")
    }

    func view(_ view: View, schema: String?) -> String {
        var lines = [PythonLiteral.string(view.name), "metadata", "definition=\(PythonLiteral.string(view.query.description))"]
        if let schema { lines.append("schema=\(PythonLiteral.string(schema))") }
        if !view.comment.isEmpty { lines.append("comment=\(PythonLiteral.string(view.comment))") }
        if !view.columns.isEmpty { lines.append("columns=\(Self.viewColumns(view.columns))") }
        if let security = view.security { lines.append("starrocks_security=\(PythonLiteral.string(security))") }
        return "View(\n" + lines.map { "    " + $0 + "," }.joined(separator: "\n") + "\n)"
    }

    func materializedView(_ view: MaterializedView, schema: String?) -> Result<String, Unsupported> {
        if !view.indexes.isEmpty { return .failure(Unsupported("indexes on a materialized view")) }
        var lines = [PythonLiteral.string(view.name), "metadata", "definition=\(PythonLiteral.string(view.query.description))"]
        if let schema { lines.append("schema=\(PythonLiteral.string(schema))") }
        if !view.comment.isEmpty { lines.append("comment=\(PythonLiteral.string(view.comment))") }
        if !view.columns.isEmpty { lines.append("columns=\(Self.viewColumns(view.columns))") }
        if !view.partitionBy.isEmpty {
            lines.append("starrocks_partition_by=\(PythonLiteral.string(view.partitionBy.map(CanonicalDDL.expressionText).joined(separator: ", ")))")
        }
        if let distribution = view.distribution {
            lines.append("starrocks_distributed_by=\(PythonLiteral.string(Self.dropping("DISTRIBUTED BY ", from: CanonicalDDL.distributionClause(distribution))))")
        }
        if let orderBy = view.orderBy {
            lines.append("starrocks_order_by=\(PythonLiteral.string(orderBy.joined(separator: ", ")))")
        }
        if let refresh = view.refresh {
            lines.append("starrocks_refresh=\(PythonLiteral.string(Self.dropping("REFRESH ", from: CanonicalDDL.refreshClause(refresh))))")
        }
        let properties = Self.setProperties(view.properties, isMaterializedView: true, model: nil)
        if !properties.isEmpty { lines.append("starrocks_properties=\(PythonLiteral.dictionary(properties))") }
        return .success("MaterializedView(\n" + lines.map { "    " + $0 + "," }.joined(separator: "\n") + "\n)")
    }

    /// The properties a migration would set: the server's own defaults (what it adds to every object) are left out.
    static func setProperties(_ properties: [String: String], isMaterializedView: Bool, model: KeyModel?) -> [String: String] {
        properties.filter { key, value in
            Normalize.isPropertyDefault(key.lowercased(), value: value, on: isMaterializedView ? .materializedView : .table,
                                        model: model) != .isDefault
        }
    }

    /// The dialect's type, also for ARRAY / MAP / STRUCT of mapped types.
    static func pythonType(_ type: ColumnType) -> String? {
        switch type {
        case let .scalar(name, arguments): return DialectTypes.scalar(name, arguments)
        case let .array(element): return pythonType(element).map { "ARRAY(\($0))" }
        case let .map(key, value):
            guard let key = pythonType(key), let value = pythonType(value) else { return nil }
            return "MAP(\(key), \(value))"
        case let .struct(fields):
            var parts: [String] = []
            for field in fields {
                guard let type = pythonType(field.type) else { return nil }
                parts.append("(\(PythonLiteral.string(field.name)), \(type))")
            }
            return "STRUCT(\(parts.joined(separator: ", ")))"
        }
    }

    static func viewColumns(_ columns: [ViewColumn]) -> String {
        "[" + columns.map { column in
            column.comment.isEmpty ? PythonLiteral.string(column.name)
                : "{\"name\": \(PythonLiteral.string(column.name)), \"comment\": \(PythonLiteral.string(column.comment))}"
        }.joined(separator: ", ") + "]"
    }

    static func dropping(_ prefix: String, from text: String) -> String {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// A Python identifier for a table's variable: `events`, `t_2024` for `2024`.
    static func variable(_ name: String) -> String {
        var out = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if out.first?.isNumber ?? true { out = "t_" + out }
        let keywords: Set<String> = ["and", "as", "class", "def", "del", "for", "from", "global", "if", "import", "in",
                                     "is", "lambda", "not", "or", "pass", "return", "try", "while", "with", "yield",
                                     "metadata", "Base", "Column", "Table", "View", "MaterializedView", "text", "Computed"]
        return keywords.contains(out) ? out + "_" : out
    }

    /// A class name: `daily_events` → `DailyEvents`, unique in the file.
    static func className(_ name: String, taken: inout Set<String>) -> String {
        var base = variable(name).split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if base.isEmpty || base.first!.isNumber { base = "T" + base }
        var candidate = base
        var counter = 2
        while taken.contains(candidate) { candidate = base + String(counter); counter += 1 }
        taken.insert(candidate)
        return candidate
    }
}
