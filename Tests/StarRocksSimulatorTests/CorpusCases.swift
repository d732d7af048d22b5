import Foundation
import SchemaModel
import StarRocksSimulator
import Testing

/// Every corpus case as a simulator catalog: one database per case (named after the case folder) holding the case's
/// object (its verbatim `expected_show_create.sql`) and the dependencies in `deps.sql` that load on their own.
struct CorpusCases {
    /// Database → object → text, as served.
    var databases: [String: [String: String]] = [:]
    /// Database → the offline parse of the same texts (the expected shape of every object).
    var parsed: [String: Database] = [:]

    var catalog: SimulatorCatalog { SimulatorCatalog(databases: databases) }

    /// Loads the corpus; records an issue naming the path when it is missing.
    static func load() -> CorpusCases {
        var cases = CorpusCases()
        let root = TestCatalogs.corpus.appendingPathComponent("cases")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path), !names.isEmpty else {
            Issue.record("the StarRocks corpus is missing: looked for \(root.path) (the shared folder must sit next to the repository as ../shared)")
            return cases
        }
        for name in names.sorted() {
            let folder = root.appendingPathComponent(name)
            guard let text = try? String(contentsOf: folder.appendingPathComponent("expected_show_create.sql"), encoding: .utf8),
                  let object = Self.single(text, database: name) else {
                Issue.record("case \(name): expected_show_create.sql is missing or is not one object")
                continue
            }
            var objects = [object: text]
            if let deps = try? String(contentsOf: folder.appendingPathComponent("deps.sql"), encoding: .utf8) {
                for chunk in deps.components(separatedBy: "-- dependency object:").dropFirst() {
                    let body = chunk.split(separator: "\n", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                    if let dependency = Self.single(body, database: name), objects[dependency] == nil {
                        objects[dependency] = body.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                }
            }
            cases.databases[name] = objects
            let joined = objects.keys.sorted().map { key -> String in
                let text = objects[key]!.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.hasSuffix(";") ? text : text + ";"
            }.joined(separator: "\n")
            cases.parsed[name] = (try? Catalog.load(sql: joined, file: name, defaultDatabase: name))?.databases[name]
        }
        return cases
    }

    /// The name of the one object `text` creates, or `nil`.
    static func single(_ text: String, database: String) -> String? {
        guard let catalog = try? Catalog.load(sql: text, file: database, defaultDatabase: database),
              let loaded = catalog.databases[database] else { return nil }
        let names = Array(loaded.tables.keys) + Array(loaded.views.keys) + Array(loaded.materializedViews.keys)
        return names.count == 1 ? names[0] : nil
    }
}
