import DriftTestSupport
import Foundation
import SchemaModel
import StarRocksSimulator

/// Every corpus case as a simulator catalog (DriftTestSupport's `CorpusCatalog`: one database per case holding the
/// case's verbatim `expected_show_create.sql` and the dependencies in `deps.sql` that load on their own), with the
/// offline parse of the same texts as the expected shape of every object.
struct CorpusCases {
    /// Database → object → text, as served.
    var databases: [String: [String: String]] = [:]
    /// Database → the offline parse of the same texts (the expected shape of every object).
    var parsed: [String: Database] = [:]

    var catalog: SimulatorCatalog { SimulatorCatalog(databases: databases) }

    /// Loads the corpus; records an issue naming the path when it is missing.
    static func load() -> CorpusCases {
        let corpus = CorpusCatalog.load()
        var cases = CorpusCases(databases: corpus.databases)
        for (name, objects) in corpus.databases {
            let joined = objects.keys.sorted().map { key -> String in
                let text = objects[key]!.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.hasSuffix(";") ? text : text + ";"
            }.joined(separator: "\n")
            cases.parsed[name] = (try? Catalog.load(sql: joined, file: name, defaultDatabase: name))?.databases[name]
        }
        return cases
    }
}
