import SchemaModel

/// Prints a model object the way a StarRocks 3.3 FE prints it in `SHOW CREATE`: the project's
/// canonical printer fed with what the server fills in — integer display widths (`int(11)`), explicit NULL / NOT
/// NULL, the inferred DUPLICATE KEY, `DISTRIBUTED BY RANDOM` when none was given, expanded RANGE partitions,
/// `ENGINE=OLAP` and the server-added PROPERTIES (alphabetical, 3.3+). Used by writable simulators for objects a
/// statement created or changed (docs/starrocks-behaviour.md#show-create-table).
enum ServerStyleDDL {
    /// Display widths the server prints for integer types (docs/starrocks-behaviour.md#type-spellings).
    static let displayWidths: [String: Int] = ["tinyint": 4, "smallint": 6, "int": 11, "bigint": 20, "largeint": 40]

    /// `SHOW CREATE TABLE` text of `table`.
    static func table(_ table: Table, state: SimulatorState) -> String {
        var out = table
        let key = table.key ?? Normalize.inferredDuplicateKey(table.columns)
        out.key = key
        let keyNames = Set((key?.columns ?? []).map { $0.lowercased() })
        out.columns = table.columns.map { column in
            var printed = Normalize.column(column, model: key?.model, isKey: keyNames.contains(column.name.lowercased()))
            printed.name = column.name
            printed.type = widened(printed.type)
            return printed
        }
        if table.distribution == nil {
            out.distribution = key?.model == .duplicate || key == nil
                ? Distribution(method: .random) : Distribution(method: .hash(columns: key!.columns))
        }
        out.partitioning = table.partitioning.map { Normalize.partitioning($0, columns: table.columns) }
        out.engine = "OLAP"
        var properties = table.properties
        func add(_ name: String, _ value: String) {
            if !properties.keys.contains(where: { $0.lowercased() == name }) { properties[name] = value }
        }
        add("compression", "LZ4")
        add("fast_schema_evolution", "true")
        add("replicated_storage", "true")
        add("replication_num", String(state.defaultReplicationNum))
        if key?.model == .primary { add("enable_persistent_index", "true") }
        out.properties = properties
        return serverLayout(CanonicalDDL.table(out))
    }

    /// The layout details the canonical printer leaves out: `COMMENT ""` on every column and the trailing space after
    /// `ENGINE=OLAP` (docs/starrocks-behaviour.md#columns).
    static func serverLayout(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let end = lines.firstIndex(where: { $0.hasPrefix(")") }) else { return text }
        for index in 1..<end where lines[index].hasPrefix("  `") && !lines[index].contains(" COMMENT \"") {
            let comma = lines[index].hasSuffix(",")
            let body = comma ? String(lines[index].dropLast()) : lines[index]
            lines[index] = body + " COMMENT \"\"" + (comma ? "," : "")
        }
        if lines[end] == ") ENGINE=OLAP" { lines[end] += " " }
        return lines.joined(separator: "\n")
    }

    /// `SHOW CREATE VIEW` text of `view`.
    static func view(_ view: View) -> String {
        CanonicalDDL.view(view)
    }

    /// `SHOW CREATE MATERIALIZED VIEW` text of `view`, with the server's `replication_num` when none was given.
    static func materializedView(_ view: MaterializedView, state: SimulatorState) -> String {
        var out = view
        if !out.properties.keys.contains(where: { $0.lowercased() == "replication_num" }) {
            out.properties["replication_num"] = String(state.defaultReplicationNum)
        }
        return CanonicalDDL.materializedView(out)
    }

    /// A folded type with the display width the server prints for integers (`int` → `int(11)`).
    static func widened(_ type: ColumnType) -> ColumnType {
        switch type {
        case let .scalar(name, arguments) where arguments.isEmpty && displayWidths[name] != nil:
            return .scalar(name: name, arguments: [displayWidths[name]!])
        case let .array(element): return .array(widened(element))
        case let .map(key, value): return .map(key: widened(key), value: widened(value))
        case let .struct(fields): return .struct(fields.map { StructField(name: $0.name, type: widened($0.type)) })
        default: return type
        }
    }
}
