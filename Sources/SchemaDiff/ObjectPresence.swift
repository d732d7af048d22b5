import SchemaModel
import StarRocksDDL

/// Missing and unexpected objects.
extension DiffContext {
    /// An object the migrations create that the server does not have; the fix is its canonical CREATE statement.
    mutating func reportMissing(_ kind: ObjectKind, name: String, in database: Database) {
        let path = "\(database.name).\(name)"
        let create: String
        let findingKind: FindingKind
        switch kind {
        case .table:
            create = CanonicalDDL.table(database.tables[name]!)
            findingKind = .missingTable
        case .view:
            create = CanonicalDDL.view(database.views[name]!)
            findingKind = .missingView
        case .materializedView:
            create = CanonicalDDL.materializedView(database.materializedViews[name]!)
            findingKind = .missingMaterializedView
        }
        add(findingKind, object: path, expected: describe(kind), actual: nil,
            message: "\(describe(kind)) \(path) is created by the migrations but does not exist on the server",
            fixSQL: SQL.qualifyingCreate(create, database: database.name, name: name))
    }

    /// An object the server has that no migration creates.
    mutating func reportUnexpected(_ kind: ObjectKind, name: String, in database: Database) {
        let path = "\(database.name).\(name)"
        let findingKind: FindingKind
        let drop: String
        switch kind {
        case .table:
            findingKind = .unexpectedTable
            drop = "DROP TABLE"
        case .view:
            findingKind = .unexpectedView
            drop = "DROP VIEW"
        case .materializedView:
            findingKind = .unexpectedMaterializedView
            drop = "DROP MATERIALIZED VIEW"
        }
        add(findingKind, object: path, expected: nil, actual: describe(kind),
            message: "\(describe(kind)) \(path) exists on the server but no migration creates it",
            fixSQL: "\(drop) \(SQLQuoting.qualified(database.name, name));",
            fixNote: "drop it only if nothing uses it; otherwise add a migration that creates it")
    }
}
