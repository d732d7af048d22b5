import SchemaModel
import StarRocksClient

/// Reading and parsing one object: one `SHOW CREATE` (none for MVs, whose DDL came with the listing), then the same
/// parser and lowering as the migrations side.
struct ObjectJob: Sendable {
    enum Source: Sendable {
        case table
        case view
        /// A `VIEW` row not yet known to be a view or an MV.
        case viewOrMaterialized
        /// A `VIEW` row read with SHOW CREATE TABLE (answers for views and MVs alike).
        case tableOrView
        /// An MV whose definition is already known.
        case materializedView(String)
    }

    enum Result: Sendable {
        case parsed(Catalog)
        case unparseable(String)
        /// Dropped between listing and SHOW CREATE.
        case vanished
        case denied(String, view: Bool)
    }

    struct Outcome: Sendable {
        var object: ObjectName
        var statements: Int
        var result: Result
    }

    var database: String
    var name: String
    var source: Source

    var key: String { database + "\u{0}" + name }

    func run(on runner: any QueryRunning) async throws -> Outcome {
        let object = ObjectName(database: database, name: name)
        let text: String
        var statements = 0
        switch source {
        case .materializedView(let definition):
            text = definition
        case .table, .view, .viewOrMaterialized, .tableOrView:
            let isView = if case .view = source { true } else { false }
            let statement = isView ? LiveQueries.showCreateView(database, name) : LiveQueries.showCreateTable(database, name)
            statements = 1
            do {
                let result = try await runner.query(statement)
                let column = ["Create Table", "Create View", "Create Materialized View"].lazy
                    .compactMap { result.columnIndex($0) }.first ?? 1
                guard let row = result.rows.first, row.indices.contains(column), let ddl = row[column] else {
                    return Outcome(object: object, statements: statements,
                                   result: .unparseable("\(statement) returned no DDL text"))
                }
                text = ddl
            } catch {
                switch QueryFailure(error) {
                case .unknownTable, .unknownDatabase: return Outcome(object: object, statements: statements, result: .vanished)
                case .privilegeMissing(let message):
                    return Outcome(object: object, statements: statements, result: .denied(message, view: isView))
                case .statementNotUnderstood, .other: throw error
                }
            }
        }
        do {
            let loaded = try Catalog.load(sql: text, file: "\(database).\(name) (actual)", defaultDatabase: database)
            return Outcome(object: object, statements: statements, result: .parsed(loaded))
        } catch {
            return Outcome(object: object, statements: statements, result: .unparseable("\(error)"))
        }
    }
}

extension Catalog {
    /// Adds every object of `other` (databases created as needed; same-named objects replaced). Mutates in place so
    /// merging thousands of single-object catalogs stays linear.
    mutating func merge(_ other: Catalog) {
        for (name, database) in other.databases {
            let isEmpty = database.tables.isEmpty && database.views.isEmpty && database.materializedViews.isEmpty
            if isEmpty && databases[name] == nil { continue }
            if databases[name] == nil { databases[name] = Database(name: name) }
            for (key, table) in database.tables { databases[name]!.tables[key] = table }
            for (key, view) in database.views { databases[name]!.views[key] = view }
            for (key, view) in database.materializedViews { databases[name]!.materializedViews[key] = view }
        }
    }
}
