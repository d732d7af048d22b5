/// The column names of the tables a view or MV query can read, by database and table: what tying an unqualified
/// column of a join (`SELECT k1 FROM a JOIN b ...`) to one table needs. Built from one side's catalog, so each side's
/// query is resolved against its own tables.
public struct QueryTables: Sendable {
    /// Lower-cased column names keyed by lower-cased `database` + NUL + `table`.
    private var columns: [String: Set<String>]

    /// No tables known: unqualified columns of a join stay unresolved.
    public static let none = QueryTables(columns: [:])

    private init(columns: [String: Set<String>]) {
        self.columns = columns
    }

    /// The tables (and views and MVs with a column list) of every database of `catalog`.
    public init(_ catalog: Catalog) {
        var columns: [String: Set<String>] = [:]
        for (databaseName, database) in catalog.databases {
            func add(_ name: String, _ names: [String]) {
                guard !names.isEmpty else { return }
                columns[QueryTables.key(databaseName, name)] = Set(names.map { $0.lowercased() })
            }
            for (name, table) in database.tables { add(name, table.columns.map(\.name)) }
            for (name, view) in database.views { add(name, view.columns.map(\.name)) }
            for (name, view) in database.materializedViews { add(name, view.columns.map(\.name)) }
        }
        self.columns = columns
    }

    /// The columns of `database`.`table`, or `nil` when the table is not known.
    func columns(database: String, table: String) -> Set<String>? {
        columns[QueryTables.key(database, table)]
    }

    private static func key(_ database: String, _ table: String) -> String {
        database.lowercased() + "\u{0}" + table.lowercased()
    }
}
