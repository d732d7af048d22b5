/// A set of databases and their objects: the expected state (replayed migrations) or the actual state (a server).
public struct Catalog: Hashable, Sendable {
    /// Databases by name.
    public var databases: [String: Database]

    /// Creates a catalog.
    public init(databases: [String: Database] = [:]) {
        self.databases = databases
    }

    /// Database names in a stable order.
    public var databaseNames: [String] { databases.keys.sorted() }
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
