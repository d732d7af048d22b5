import Foundation
import SchemaModel

/// The catalog as the simulator serves it: objects by database and name, each with its kind (from its text) and,
/// parsed on first use with the project's parser, its model (for `information_schema` rows).
final class CatalogIndex: @unchecked Sendable {
    /// One served object.
    struct Object: Sendable {
        var database: String
        var name: String
        var kind: ObjectKind
        /// The verbatim SHOW CREATE text, without trailing newlines.
        var text: String
        /// A stable id for TABLE_ID / MATERIALIZED_VIEW_ID columns.
        var id: Int
    }

    /// What parsing an object gave: its model, or nothing when the text does not parse.
    enum Model: Sendable {
        case table(Table)
        case view(View)
        case materializedView(MaterializedView)
    }

    let state: SimulatorState
    /// Database → object name → object.
    let databases: [String: [String: Object]]
    /// Database names, sorted.
    let databaseNames: [String]
    /// Object names per database, sorted the way StarRocks sorts them (binary string order).
    let sortedNames: [String: [String]]

    private let lock = NSLock()
    private var models: [String: Model?] = [:]

    init(_ catalog: SimulatorCatalog) {
        state = catalog.state
        var id = 10_001
        var databases: [String: [String: Object]] = [:]
        var sortedNames: [String: [String]] = [:]
        for database in catalog.databases.keys.sorted() {
            var objects: [String: Object] = [:]
            let names = catalog.databases[database]!.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for name in names {
                var text = catalog.databases[database]![name]!
                while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
                objects[name] = Object(database: database, name: name, kind: Self.kind(of: text), text: text, id: id)
                id += 1
            }
            databases[database] = objects
            sortedNames[database] = names
        }
        self.databases = databases
        self.databaseNames = databases.keys.sorted()
        self.sortedNames = sortedNames
    }

    /// The database called `name` (exact, else case-insensitive).
    func databaseName(_ name: String) -> String? {
        if databases[name] != nil { return name }
        return databaseNames.first { $0.lowercased() == name.lowercased() }
    }

    /// The object `name` in `database` (exact, else case-insensitive).
    func object(_ name: String, in database: String) -> Object? {
        guard let objects = databases[database] else { return nil }
        if let object = objects[name] { return object }
        return objects.values.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The parsed model of `object`, or `nil` when its text does not parse as one object of its kind.
    func model(of object: Object) -> Model? {
        let key = object.database + "\u{0}" + object.name
        lock.lock()
        if let cached = models[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let model = Self.parse(object)
        lock.lock()
        models[key] = model
        lock.unlock()
        return model
    }

    private static func parse(_ object: Object) -> Model? {
        guard let catalog = try? Catalog.load(sql: object.text, file: "\(object.database)/\(object.name).sql",
                                              defaultDatabase: object.database),
              let database = catalog.databases[object.database] else { return nil }
        if let table = database.tables.values.first { return .table(table) }
        if let view = database.views.values.first { return .view(view) }
        if let view = database.materializedViews.values.first { return .materializedView(view) }
        return nil
    }

    /// The kind an object's text declares: `CREATE [OR REPLACE] VIEW`, `CREATE MATERIALIZED VIEW`, else a table.
    static func kind(of text: String) -> ObjectKind {
        let words = StatementTokenizer.tokens(String(text.prefix(200))).prefix(6).map { $0.text.uppercased() }
        var rest = words.dropFirst(words.first == "CREATE" ? 1 : 0)
        if rest.starts(with: ["OR", "REPLACE"]) { rest = rest.dropFirst(2) }
        if rest.first == "VIEW" { return .view }
        if rest.starts(with: ["MATERIALIZED", "VIEW"]) { return .materializedView }
        return .table
    }
}
