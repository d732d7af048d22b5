import StarRocksDDL

/// The canonical DDL text of model objects: one stable form per object.
///
/// Used by the `schema` and `inspect` subcommands, by golden tests and by fix SQL. The text is StarRocks DDL that the
/// `StarRocksDDL` parser reads back to the same model (see `roundTrips`). It prints what the model records and nothing
/// more: an attribute the DDL omitted (a key clause, NULL/NOT NULL, BUCKETS, ...) is omitted here too. Properties are
/// printed sorted by key; no line ends in a space.
public enum CanonicalDDL {
    /// `CREATE TABLE ...;` for one table, followed by `ALTER TABLE ... DROP PARTITION ...;` for partitions dropped from
    /// START/END/EVERY batches (the only table state a CREATE TABLE cannot carry).
    /// With `database`, every statement names the table qualified by it (`` `db`.`t` ``): a printer option, so fix
    /// and plan SQL never rewrite printed text.
    public static func table(_ table: Table, database: String? = nil) -> String {
        TablePrinter(table: table, database: database).statement()
    }

    /// `CREATE VIEW ...;` for one view (qualified by `database` when given; `CREATE OR REPLACE VIEW` with
    /// `orReplace`).
    public static func view(_ view: View, database: String? = nil, orReplace: Bool = false) -> String {
        ViewPrinter.view(view, database: database, orReplace: orReplace)
    }

    /// `CREATE MATERIALIZED VIEW ...;` for one materialized view (qualified by `database` when given).
    public static func materializedView(_ view: MaterializedView, database: String? = nil) -> String {
        ViewPrinter.materializedView(view, database: database)
    }

    /// An object's name as a printed statement names it: `` `db`.`name` `` with a database, else `` `name` ``.
    static func objectName(_ name: String, database: String?) -> String {
        database.map { SQLQuoting.qualified($0, name) } ?? SQLText.identifier(name)
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
