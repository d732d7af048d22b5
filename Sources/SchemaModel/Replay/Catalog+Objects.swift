/// Object-level changes to a catalog (create, drop, rename, swap) with StarRocks' rules: tables, views and
/// materialized views share one namespace per database.
extension Catalog {
    /// The database called `name`, created empty when missing.
    public mutating func ensureDatabase(_ name: String) {
        if databases[name] == nil {
            databases[name] = Database(name: name)
            implicitDatabases.insert(name)
        }
    }

    /// The database called `name`, or an error saying to create it.
    func existingDatabase(_ name: String) throws(SchemaChangeError) -> Database {
        guard let database = databases[name] else {
            throw SchemaChangeError("database `\(name)` does not exist; create it first or qualify the name",
                                    subject: name)
        }
        return database
    }

    /// `CREATE DATABASE [IF NOT EXISTS]`.
    public mutating func createDatabase(_ name: String, ifNotExists: Bool) throws(SchemaChangeError) {
        if let existing = databases[name] {
            if ifNotExists { return }
            if implicitDatabases.contains(name), existing.tables.isEmpty, existing.views.isEmpty,
               existing.materializedViews.isEmpty {
                implicitDatabases.remove(name)
                return
            }
            throw SchemaChangeError("database `\(name)` already exists; use CREATE DATABASE IF NOT EXISTS",
                                    subject: name)
        }
        databases[name] = Database(name: name)
    }

    /// `DROP DATABASE [IF EXISTS]`.
    public mutating func dropDatabase(_ name: String, ifExists: Bool) throws(SchemaChangeError) {
        implicitDatabases.remove(name)
        if databases.removeValue(forKey: name) == nil, !ifExists {
            throw SchemaChangeError("database `\(name)` does not exist; use DROP DATABASE IF EXISTS", subject: name)
        }
    }

    /// Adds an object unless the name is taken: with `ifNotExists` an existing object is kept, with `orReplace` an
    /// existing object of the same kind is replaced, otherwise a taken name is an error.
    mutating func insert(_ object: SchemaObject, into databaseName: String, ifNotExists: Bool, orReplace: Bool = false)
        throws(SchemaChangeError) {
        let name = object.name
        if let existing = databases[databaseName]?.kind(of: name) {
            if ifNotExists { return }
            if !(orReplace && existing == object.kind) {
                throw SchemaChangeError("\(existing.spoken) `\(databaseName).\(name)` already exists; use IF NOT EXISTS, "
                    + "drop it first or choose another name", subject: name)
            }
        }
        ensureDatabase(databaseName)
        switch object {
        case .table(let table): databases[databaseName]!.tables[name] = table
        case .view(let view): databases[databaseName]!.views[name] = view
        case .materializedView(let view): databases[databaseName]!.materializedViews[name] = view
        }
    }

    /// `DROP TABLE | VIEW | MATERIALIZED VIEW [IF EXISTS]`.
    public mutating func drop(_ kind: ObjectKind, named name: ObjectName, ifExists: Bool) throws(SchemaChangeError) {
        let found = databases[name.database]?.kind(of: name.name)
        guard let found else {
            if ifExists { return }
            throw SchemaChangeError("\(kind.spoken) `\(name)` does not exist; use DROP \(kind.keyword) IF EXISTS "
                + "or check the name", subject: name.name)
        }
        guard found == kind else {
            throw SchemaChangeError("`\(name)` is a \(found.spoken), not a \(kind.spoken); use DROP \(found.keyword)",
                                    subject: name.name)
        }
        switch kind {
        case .table: databases[name.database]!.tables[name.name] = nil
        case .view: databases[name.database]!.views[name.name] = nil
        case .materializedView: databases[name.database]!.materializedViews[name.name] = nil
        }
    }

    /// The table called `name`, or an error saying it does not exist.
    public func table(_ name: ObjectName) throws(SchemaChangeError) -> Table {
        if let table = databases[name.database]?.tables[name.name] { return table }
        if let other = databases[name.database]?.kind(of: name.name) {
            throw SchemaChangeError("`\(name)` is a \(other.spoken), not a table", subject: name.name)
        }
        throw SchemaChangeError("table `\(name)` does not exist; create it first or check the name", subject: name.name)
    }

    /// Applies `change` to the table called `name`.
    mutating func updateTable(_ name: ObjectName, _ change: (inout Table) throws(SchemaChangeError) -> Void)
        throws(SchemaChangeError) {
        var table = try table(name)
        try change(&table)
        databases[name.database]!.tables[name.name] = table
    }

    /// `ALTER TABLE t RENAME t2`, `ALTER VIEW` / `ALTER MATERIALIZED VIEW ... RENAME`: the object keeps its
    /// definition under the new name in the same database.
    public mutating func rename(_ kind: ObjectKind, _ name: ObjectName, to newName: String) throws(SchemaChangeError) {
        guard let found = databases[name.database]?.kind(of: name.name) else {
            throw SchemaChangeError("\(kind.spoken) `\(name)` does not exist; check the name", subject: name.name)
        }
        guard found == kind else {
            throw SchemaChangeError("`\(name)` is a \(found.spoken), not a \(kind.spoken)", subject: name.name)
        }
        if let taken = databases[name.database]!.kind(of: newName) {
            throw SchemaChangeError("\(taken.spoken) `\(name.database).\(newName)` already exists; choose another name",
                                    subject: newName)
        }
        switch kind {
        case .table:
            var table = databases[name.database]!.tables.removeValue(forKey: name.name)!
            table.name = newName
            databases[name.database]!.tables[newName] = table
        case .view:
            var view = databases[name.database]!.views.removeValue(forKey: name.name)!
            view.name = newName
            databases[name.database]!.views[newName] = view
        case .materializedView:
            var view = databases[name.database]!.materializedViews.removeValue(forKey: name.name)!
            view.name = newName
            databases[name.database]!.materializedViews[newName] = view
        }
    }

    /// `ALTER TABLE a SWAP WITH b`: the two tables exchange names (each keeps its definition).
    public mutating func swapTables(_ name: ObjectName, with otherName: String) throws(SchemaChangeError) {
        var first = try table(name)
        var second = try table(ObjectName(database: name.database, name: otherName))
        first.name = otherName
        second.name = name.name
        databases[name.database]!.tables[otherName] = first
        databases[name.database]!.tables[name.name] = second
    }
}

/// A table, view or materialized view, for operations that treat them alike.
enum SchemaObject {
    case table(Table)
    case view(View)
    case materializedView(MaterializedView)

    var name: String {
        switch self {
        case .table(let table): return table.name
        case .view(let view): return view.name
        case .materializedView(let view): return view.name
        }
    }

    var kind: ObjectKind {
        switch self {
        case .table: return .table
        case .view: return .view
        case .materializedView: return .materializedView
        }
    }
}

extension ObjectKind {
    /// `table`, `view`, `materialized view` for messages.
    var spoken: String {
        switch self {
        case .table: return "table"
        case .view: return "view"
        case .materializedView: return "materialized view"
        }
    }

    /// `TABLE`, `VIEW`, `MATERIALIZED VIEW` for suggested statements.
    var keyword: String { spoken.uppercased() }
}
