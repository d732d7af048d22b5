import Foundation
import SchemaModel
import StarRocksDDL
import Testing

/// A simulator catalog made of every corpus case: one database per case holding the case's object (its verbatim
/// `expected_show_create.sql`) and its dependencies (`deps.sql`, split at `-- dependency object:` markers).
public struct CorpusCatalog {
    /// Database → object → text, as served.
    public var databases: [String: [String: String]] = [:]
    /// Dependency chunks left out because they are not one loadable CREATE statement on their own.
    public var skippedDependencies = 0

    /// Builds the catalog; records an issue naming the path when the corpus is missing.
    public static func load() -> CorpusCatalog {
        var catalog = CorpusCatalog()
        let root = RepositoryPaths.corpusCases
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path), !names.isEmpty else {
            let message = "the StarRocks corpus is missing: looked for \(root.path) (part of the repository: restore "
                + "it with git checkout or scripts/refresh-corpus.sh)"
            Issue.record("\(message)")
            return catalog
        }
        for name in names.sorted() {
            let folder = root.appendingPathComponent(name)
            guard let text = try? String(contentsOf: folder.appendingPathComponent("expected_show_create.sql"),
                                         encoding: .utf8),
                  let objectName = Self.objectName(text) else {
                Issue.record("case \(name): expected_show_create.sql is missing or names no object")
                continue
            }
            var objects = [objectName: text]
            if let deps = try? String(contentsOf: folder.appendingPathComponent("deps.sql"), encoding: .utf8) {
                for chunk in Self.dependencyChunks(deps) where objects[chunk.name] == nil {
                    if Self.isSingleLoadableCreate(chunk.text, database: name) {
                        objects[chunk.name] = chunk.text
                    } else {
                        catalog.skippedDependencies += 1
                    }
                }
            }
            catalog.databases[name] = objects
        }
        return catalog
    }

    /// The object a single CREATE text names.
    public static func objectName(_ text: String) -> String? {
        guard let first = try? DDLParser.parse(text, file: "corpus").first else { return nil }
        switch first.statement {
        case .createTable(let create): return create.name.name
        case .createView(let create): return create.name.name
        case .createMaterializedView(let create): return create.name.name
        default: return nil
        }
    }

    /// `deps.sql` split at `-- dependency object: NAME` lines.
    public static func dependencyChunks(_ text: String) -> [(name: String, text: String)] {
        var chunks: [(name: String, text: String)] = []
        let marker = "-- dependency object:"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(marker) {
                chunks.append((line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces), ""))
            } else if !chunks.isEmpty {
                chunks[chunks.count - 1].text += line + "\n"
            }
        }
        return chunks.map { ($0.name, $0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    public static func isSingleLoadableCreate(_ text: String, database: String) -> Bool {
        guard let statements = try? DDLParser.parse(text, file: "deps"), statements.count == 1 else { return false }
        return (try? Catalog.load(sql: text, file: "deps", defaultDatabase: database)) != nil
    }

    /// What parsing the same files offline gives: each database's texts joined and loaded with `Catalog.load`.
    public func offlineCatalog() throws -> Catalog {
        var result = Catalog()
        for (database, objects) in databases {
            let joined = objects.keys.sorted().map { name -> String in
                let text = objects[name]!.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.hasSuffix(";") ? text : text + ";"
            }.joined(separator: "\n")
            let loaded = try Catalog.load(sql: joined, file: "\(database).sql", defaultDatabase: database)
            result.databases[database] = loaded.databases[database]
        }
        return result
    }

    public var objectCount: Int { databases.values.reduce(0) { $0 + $1.count } }

    public var materializedViewCount: Int {
        databases.values.reduce(0) { count, objects in
            count + objects.values.filter { $0.hasPrefix("CREATE MATERIALIZED VIEW") }.count
        }
    }
}
