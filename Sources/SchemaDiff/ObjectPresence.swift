import Findings
import SchemaModel
import StarRocksDDL

/// Missing and unexpected objects.
extension DiffContext {
    /// An object the migrations create that the server does not have; the fix is its canonical CREATE statement.
    mutating func reportMissing(_ kind: ObjectKind, name: String, in database: Database) {
        let path = "\(database.name).\(name)"
        let create: SchemaChange
        let findingKind: FindingKind
        switch kind {
        case .table:
            create = .createTable(database: database.name, table: database.tables[name]!)
            findingKind = .missingTable
        case .view:
            create = .createView(database: database.name, view: database.views[name]!)
            findingKind = .missingView
        case .materializedView:
            create = .createMaterializedView(database: database.name, view: database.materializedViews[name]!)
            findingKind = .missingMaterializedView
        }
        add(findingKind, object: path, expected: describe(kind), actual: nil,
            message: "\(describe(kind)) \(path) is created by the migrations but does not exist on the server",
            fixes: [create], name: ObjectName(database: database.name, name: name))
    }

    /// An object the server has that no migration creates.
    mutating func reportUnexpected(_ kind: ObjectKind, name: String, in database: Database) {
        let path = "\(database.name).\(name)"
        let findingKind: FindingKind
        switch kind {
        case .table: findingKind = .unexpectedTable
        case .view: findingKind = .unexpectedView
        case .materializedView: findingKind = .unexpectedMaterializedView
        }
        let object = ObjectName(database: database.name, name: name)
        add(findingKind, object: path, expected: nil, actual: describe(kind),
            message: "\(describe(kind)) \(path) exists on the server but no migration creates it",
            fixes: [.drop(object, kind)],
            fixNote: "drop it only if nothing uses it; otherwise add a migration that creates it", name: object)
    }
}
