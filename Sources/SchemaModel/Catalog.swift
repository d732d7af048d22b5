/// A set of databases and their objects: the expected state (replayed migrations) or the actual state (a server).
public struct Catalog: Hashable, Sendable {
    /// Databases by name.
    public var databases: [String: Database]
    /// Databases that exist only because replay needed somewhere to put unqualified names (the environment's
    /// database, a `USE`), not because a statement created them: a later `CREATE DATABASE` of one of them, while it is
    /// still empty, is the history creating the database the environment names. Not part of equality.
    var implicitDatabases: Set<String> = []
    /// Rollup indexes and synchronous MVs the migrations define, by base table (`db.table`), in creation order.
    /// Servers print neither in SHOW CREATE TABLE, so the differ lists them as not compared. Not part of equality.
    public internal(set) var rollups: [String: [String]] = [:]

    /// Creates a catalog.
    public init(databases: [String: Database] = [:]) {
        self.databases = databases
    }

    /// Database names in a stable order.
    public var databaseNames: [String] { databases.keys.sorted() }

    public static func == (lhs: Catalog, rhs: Catalog) -> Bool { lhs.databases == rhs.databases }

    public func hash(into hasher: inout Hasher) { hasher.combine(databases) }
}

/// One database: its tables, views and materialized views, each keyed by name.
public struct Database: Hashable, Sendable {
    /// The database's name.
    public var name: String
    /// OLAP tables by name.
    public var tables: [String: Table]
    /// Logical views by name.
    public var views: [String: View]
    /// Asynchronous materialized views by name.
    public var materializedViews: [String: MaterializedView]

    /// Creates a database.
    public init(name: String, tables: [String: Table] = [:], views: [String: View] = [:],
                materializedViews: [String: MaterializedView] = [:]) {
        self.name = name
        self.tables = tables
        self.views = views
        self.materializedViews = materializedViews
    }

    /// The kind of the object called `name`, if there is one.
    public func kind(of name: String) -> ObjectKind? {
        if tables[name] != nil { return .table }
        if views[name] != nil { return .view }
        if materializedViews[name] != nil { return .materializedView }
        return nil
    }
}
