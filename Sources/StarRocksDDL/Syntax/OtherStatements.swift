/// The kind of object a DROP statement removes.
///
/// ```sql
/// TABLE | VIEW | MATERIALIZED VIEW
/// ```
public enum ObjectKindClause: String, Hashable, Sendable {
    case table = "TABLE", view = "VIEW", materializedView = "MATERIALIZED VIEW"
}

/// `DROP TABLE | VIEW | MATERIALIZED VIEW [IF EXISTS] [db.]x [FORCE]`.
///
/// ```sql
/// DROP TABLE IF EXISTS db.t FORCE;
/// ```
public struct DropStatement: Hashable, Sendable {
    /// What is dropped.
    public var kind: ObjectKindClause
    /// `IF EXISTS` was written.
    public var ifExists: Bool
    /// The object's name.
    public var name: QualifiedNameClause
    /// `FORCE` was written.
    public var force: Bool

    /// Creates a DROP statement.
    public init(kind: ObjectKindClause, ifExists: Bool = false, name: QualifiedNameClause, force: Bool = false) {
        self.kind = kind
        self.ifExists = ifExists
        self.name = name
        self.force = force
    }
}

/// `CREATE INDEX i ON t (c) USING BITMAP [COMMENT '..']`.
///
/// ```sql
/// CREATE INDEX idx_city ON db.t (city) USING BITMAP COMMENT 'city';
/// ```
public struct CreateIndexStatement: Hashable, Sendable {
    /// The table the index is on.
    public var table: QualifiedNameClause
    /// The index definition.
    public var index: IndexDefinitionClause

    /// Creates a CREATE INDEX statement.
    public init(table: QualifiedNameClause, index: IndexDefinitionClause) {
        self.table = table
        self.index = index
    }
}

/// `DROP INDEX i ON t`.
///
/// ```sql
/// DROP INDEX idx_city ON db.t;
/// ```
public struct DropIndexStatement: Hashable, Sendable {
    /// The index name.
    public var name: String
    /// The table the index is on.
    public var table: QualifiedNameClause

    /// Creates a DROP INDEX statement.
    public init(name: String, table: QualifiedNameClause) {
        self.name = name
        self.table = table
    }
}

/// `CREATE DATABASE [IF NOT EXISTS] [catalog.]db [PROPERTIES (...)]`.
///
/// ```sql
/// CREATE DATABASE IF NOT EXISTS analytics;
/// ```
public struct CreateDatabaseStatement: Hashable, Sendable {
    /// `IF NOT EXISTS` was written.
    public var ifNotExists: Bool
    /// The catalog, when written.
    public var catalog: String?
    /// The database name.
    public var name: String
    /// `PROPERTIES (...)` in written order.
    public var properties: [PropertyClause]

    /// Creates a CREATE DATABASE statement.
    public init(ifNotExists: Bool = false, catalog: String? = nil, name: String, properties: [PropertyClause] = []) {
        self.ifNotExists = ifNotExists
        self.catalog = catalog
        self.name = name
        self.properties = properties
    }
}

/// `DROP DATABASE [IF EXISTS] [catalog.]db [FORCE]`.
///
/// ```sql
/// DROP DATABASE IF EXISTS analytics FORCE;
/// ```
public struct DropDatabaseStatement: Hashable, Sendable {
    /// `IF EXISTS` was written.
    public var ifExists: Bool
    /// The catalog, when written.
    public var catalog: String?
    /// The database name.
    public var name: String
    /// `FORCE` was written.
    public var force: Bool

    /// Creates a DROP DATABASE statement.
    public init(ifExists: Bool = false, catalog: String? = nil, name: String, force: Bool = false) {
        self.ifExists = ifExists
        self.catalog = catalog
        self.name = name
        self.force = force
    }
}

/// `USE [catalog.]db`.
///
/// ```sql
/// USE default_catalog.analytics;
/// ```
public struct UseStatement: Hashable, Sendable {
    /// The catalog, when written.
    public var catalog: String?
    /// The database.
    public var database: String

    /// Creates a USE statement.
    public init(catalog: String? = nil, database: String) {
        self.catalog = catalog
        self.database = database
    }
}

/// A recognised statement with no schema effect, kept as its kind and text (never interpreted).
///
/// ```sql
/// INSERT INTO alembic_version (version_num) VALUES ('0001');
/// ```
public struct NoSchemaEffectStatement: Hashable, Sendable {
    /// The statement's leading keywords, upper-cased (`INSERT`, `REFRESH MATERIALIZED VIEW`, `SET`, ...).
    public var kind: String
    /// The statement's text as written (no trailing `;`).
    public var text: String

    /// Creates a no-schema-effect statement.
    public init(kind: String, text: String) {
        self.kind = kind
        self.text = text
    }
}
