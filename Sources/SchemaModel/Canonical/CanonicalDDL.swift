/// The canonical DDL text of model objects: one stable form per object.
///
/// Used by the `schema` and `inspect` subcommands, by golden tests and by fix SQL. The text is StarRocks DDL that the
/// `StarRocksDDL` parser reads back to the same model (see `roundTrips`). It prints what the model records and nothing
/// more: an attribute the DDL omitted (a key clause, NULL/NOT NULL, BUCKETS, ...) is omitted here too. Properties are
/// printed sorted by key; no line ends in a space.
public enum CanonicalDDL {
    /// `CREATE TABLE ...;` for one table, followed by `ALTER TABLE ... DROP PARTITION ...;` for partitions dropped from
    /// START/END/EVERY batches (the only table state a CREATE TABLE cannot carry).
    public static func table(_ table: Table) -> String {
        TablePrinter(table: table).statement()
    }

    /// `CREATE VIEW ...;` for one view.
    public static func view(_ view: View) -> String {
        ViewPrinter.view(view)
    }

    /// `CREATE MATERIALIZED VIEW ...;` for one materialized view.
    public static func materializedView(_ view: MaterializedView) -> String {
        ViewPrinter.materializedView(view)
    }

    /// One column definition as it appears inside `CREATE TABLE (...)`:
    /// `` `v1` bigint(20) SUM NOT NULL DEFAULT "0" COMMENT "c" ``.
    public static func column(_ column: Column) -> String {
        ColumnPrinter.definition(column, includeAggregate: true, keyMarker: column.isKeyMarked)
    }

    /// `CREATE DATABASE IF NOT EXISTS` + `USE` + every object of the database: tables, views, then materialized
    /// views, each group by name, statements separated by a blank line.
    public static func database(_ database: Database) -> String {
        var parts = [
            "CREATE DATABASE IF NOT EXISTS \(SQLText.identifier(database.name));",
            "USE \(SQLText.identifier(database.name));",
        ]
        parts += database.tables.keys.sorted().map { table(database.tables[$0]!) }
        parts += database.views.keys.sorted().map { view(database.views[$0]!) }
        parts += database.materializedViews.keys.sorted().map { materializedView(database.materializedViews[$0]!) }
        return parts.joined(separator: "\n\n")
    }

    /// Every database of the catalog in name order (see `database(_:)`), ending in a newline.
    public static func catalog(_ catalog: Catalog) -> String {
        let text = catalog.databaseNames.map { database(catalog.databases[$0]!) }.joined(separator: "\n\n")
        return text.isEmpty ? "" : text + "\n"
    }
}

extension Table {
    /// The definition of the column called `name` for `ALTER TABLE ... ADD/MODIFY COLUMN` fix SQL, or `nil` when
    /// there is no such column.
    ///
    /// The aggregate function is printed only on AGGREGATE KEY tables (StarRocks rejects it elsewhere), and `KEY` is
    /// printed for a key column of a non-PRIMARY table (ADD COLUMN needs it to place the column among the keys).
    public func columnDefinitionSQL(named name: String) -> String? {
        guard let column = column(named: name) else { return nil }
        let keyNames = Set((key?.columns ?? []).map { $0.lowercased() })
        let isKey = keyNames.contains(column.name.lowercased())
        return ColumnPrinter.definition(column, includeAggregate: key?.model == .aggregate && !isKey,
                                        keyMarker: isKey && key?.model != .primary)
    }

    /// `ADD COLUMN <definition> FIRST | AFTER `prev`` for the column called `name`, placing it where it stands in
    /// this table; `nil` when there is no such column.
    public func addColumnClauseSQL(named name: String) -> String? {
        guard let index = columnIndex(named: name), let definition = columnDefinitionSQL(named: name) else { return nil }
        let position = index == 0 ? "FIRST" : "AFTER \(SQLText.identifier(columns[index - 1].name))"
        return "ADD COLUMN \(definition) \(position)"
    }
}
