import SchemaModel

// The simulator's own SHOW CREATE printer. It is written from StarRocks' FE printing code (cited per rule) and never
// calls the project's normalizer or canonical printer (SchemaModel's Normalize / CanonicalDDL): a writable simulator
// is the oracle of the end-to-end tests, so a bug in those rules must show up as drift rather than be reproduced on
// both sides. It reads only the model's value types (the state a replay left) and decides every spelling itself.

/// One object as the printer receives it: the state a replay left and, for views and materialized views, the query
/// text as the client typed it (newer FEs store and print that text; the model keeps only its tokens).
enum PrintedObject: Sendable {
    /// An OLAP table.
    case table(Table)
    /// A logical view and the text after its `AS`, when known.
    case view(View, definition: String?)
    /// An asynchronous materialized view and the text after its `AS`, when known.
    case materializedView(MaterializedView, definition: String?)
}

/// Prints objects the way the StarRocks release the simulator plays prints them in `SHOW CREATE TABLE | VIEW |
/// MATERIALIZED VIEW`. The era played is fixed (see docs/SIMULATOR.md): the 3.3+ table layout (PROPERTIES sorted by
/// name, `fast_schema_evolution`, `enable_persistent_index` only on PRIMARY KEY tables) and the 4.0+ view and
/// materialized view text (the query as typed). A layer that plays another server version goes on top of
/// `serverText(for:)`.
struct ServerPrinter: Sendable {
    /// The FE's `default_replication_num` (printed when a table or MV did not set `replication_num`).
    var defaultReplicationNum: Int

    /// A printer for the server described by `state`.
    init(state: SimulatorState) {
        defaultReplicationNum = state.defaultReplicationNum
    }

    /// The `SHOW CREATE` text of `object`, without a trailing newline.
    func serverText(for object: PrintedObject) -> String {
        switch object {
        case .table(let table):
            return TableText(table: table, defaultReplicationNum: defaultReplicationNum).text
        case let .view(view, definition):
            return ViewText.view(view, definition: definition)
        case let .materializedView(view, definition):
            return ViewText.materializedView(view, definition: definition, defaultReplicationNum: defaultReplicationNum)
        }
    }
}

/// Quoting as StarRocks' printers do it.
enum ServerQuoting {
    /// `` `name` `` — every identifier the FE prints in a table's DDL is wrapped in backticks, without escaping
    /// (AstToStringBuilder.getDdlStmt appends "`" + name + "`").
    static func backticked(_ name: String) -> String { "`" + name + "`" }

    /// `"text"` with `"` escaped as `\"` (common/util/PrintableMap.java: its escaper adds a backslash before `"`).
    static func doubleQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `"k" = "v"` entries joined by `",\n"` (PrintableMap with quotation and wrapping, as getDdlStmt uses it).
    static func propertyLines(_ entries: [(key: String, value: String)]) -> String {
        entries.map { doubleQuoted($0.key) + " = " + doubleQuoted($0.value) }.joined(separator: ",\n")
    }
}
