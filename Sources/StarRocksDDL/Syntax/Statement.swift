/// One parsed statement plus where it started and its original text.
public struct ParsedStatement: Hashable, Sendable {
    /// The syntax tree.
    public var statement: Statement
    /// Location of the statement's first token.
    public var location: SourceLocation
    /// The statement's source text, from its first token to its last (no trailing `;`).
    public var text: String

    /// Creates a parsed statement.
    public init(statement: Statement, location: SourceLocation, text: String) {
        self.statement = statement
        self.location = location
        self.text = text
    }
}

/// Every statement the parser understands.
///
/// ```sql
/// CREATE TABLE ...; ALTER TABLE ...; CREATE VIEW ...; INSERT INTO ...;
/// ```
public enum Statement: Hashable, Sendable {
    /// `CREATE TABLE`, including `LIKE` and CTAS forms.
    case createTable(CreateTableStatement)
    /// `CREATE [OR REPLACE] VIEW`.
    case createView(CreateViewStatement)
    /// `CREATE MATERIALIZED VIEW`.
    case createMaterializedView(CreateMaterializedViewStatement)
    /// `ALTER TABLE`.
    case alterTable(AlterTableStatement)
    /// `ALTER VIEW`.
    case alterView(AlterViewStatement)
    /// `ALTER MATERIALIZED VIEW`.
    case alterMaterializedView(AlterMaterializedViewStatement)
    /// `DROP TABLE | VIEW | MATERIALIZED VIEW`.
    case drop(DropStatement)
    /// `CREATE INDEX i ON t (c) USING BITMAP`.
    case createIndex(CreateIndexStatement)
    /// `DROP INDEX i ON t`.
    case dropIndex(DropIndexStatement)
    /// `CREATE DATABASE`.
    case createDatabase(CreateDatabaseStatement)
    /// `DROP DATABASE`.
    case dropDatabase(DropDatabaseStatement)
    /// `USE [catalog.]db`.
    case use(UseStatement)
    /// A recognised statement that does not change the schema (DML, SET, GRANT, ...).
    case noSchemaEffect(NoSchemaEffectStatement)
}

/// A possibly database-qualified object name, without backticks.
///
/// ```sql
/// `db`.`events`
/// ```
public struct QualifiedNameClause: Hashable, Sendable, CustomStringConvertible {
    /// The database, when written (`db` in `db.t` and in `catalog.db.t`).
    public var database: String?
    /// The catalog, when a three-part name was written.
    public var catalog: String?
    /// The object name.
    public var name: String

    /// Creates a name.
    public init(catalog: String? = nil, database: String? = nil, name: String) {
        self.catalog = catalog
        self.database = database
        self.name = name
    }

    /// `catalog.db.name` without backticks.
    public var description: String { [catalog, database, name].compactMap { $0 }.joined(separator: ".") }
}

/// One `"key" = "value"` entry of a PROPERTIES list, quote-free.
///
/// ```sql
/// "replication_num" = "1"
/// ```
public struct PropertyClause: Hashable, Sendable {
    /// The key as written.
    public var key: String
    /// The value as written.
    public var value: String

    /// Creates a property.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// `INTERVAL n UNIT` (unit upper-cased) or a bare number `n` (unit `nil`).
///
/// ```sql
/// INTERVAL 1 DAY
/// ```
public struct IntervalClause: Hashable, Sendable {
    /// The count.
    public var count: Int
    /// Upper-cased unit (`DAY`, `HOUR`, ...), or `nil` for a bare number.
    public var unit: String?

    /// Creates an interval.
    public init(count: Int, unit: String?) {
        self.count = count
        self.unit = unit
    }
}
