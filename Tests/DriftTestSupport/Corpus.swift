import Foundation
import SchemaModel
import Testing

// DriftTestSupport: helpers shared by the test targets (one copy instead of one per target).

/// The StarRocks corpus (`Tests/Fixtures/StarRocksCorpus/cases`): real input DDL and the server's SHOW CREATE text.
public enum Corpus {
    /// `Tests/Fixtures/StarRocksCorpus/cases`.
    public static let casesDirectory = RepositoryPaths.corpusCases

    /// The database a case is loaded into when the server's text does not name one.
    public static let defaultDatabase = "corpus"

    /// One case: its files' text.
    public struct Case: Sendable, CustomStringConvertible {
        public let name: String
        public let deps: String
        public let input: String
        public let showCreate: String
        public var description: String { name }

        /// The database the case ran in, as the server's text names it (a 3.x view or MV query qualifies its tables:
        /// ``FROM `test_create_mv`.`t1` ``), else `Corpus.defaultDatabase`. Both sides are loaded into it, as a
        /// migration and its server share one database; a query's unqualified tables resolve to it.
        public var database: String {
            let pattern = #"FROM\s+`([^`]+)`\.`"#
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
                  let match = regex.firstMatch(in: showCreate, range: NSRange(showCreate.startIndex..., in: showCreate)),
                  let range = Range(match.range(at: 1), in: showCreate) else { return Corpus.defaultDatabase }
            return String(showCreate[range])
        }

        /// The expected catalog: deps + input replayed. A statement that deps.sql and input.sql both hold (the
        /// corpus lists e.g. a SWAP under both objects) is replayed once, at its place in input.sql.
        public func expected() throws -> Catalog {
            try Catalog.load(sql: dependencies + "\n" + input, file: "\(name)/input.sql",
                             defaultDatabase: database)
        }

        /// deps.sql without the statements input.sql also holds.
        public var dependencies: String {
            let inputStatements = Set(Corpus.statements(input))
            return Corpus.statements(deps).filter { !inputStatements.contains($0) }.joined(separator: ";\n")
                + (deps.isEmpty ? "" : ";")
        }

        /// The actual catalog: the expected catalog with the case's object replaced by the server's text (or a
        /// mutation of it). The dependency objects thus come from the same DDL on both sides and compare equal; the
        /// case's object is compared input-vs-server.
        public func actual(_ text: String? = nil) throws -> Catalog {
            let server = try Catalog.load(sql: text ?? showCreate, file: "\(name)/expected_show_create.sql",
                                          defaultDatabase: database)
            var catalog = try expected()
            let databaseName = database
            var merged = catalog.databases[databaseName] ?? Database(name: databaseName)
            let object = objectName
            merged.tables[object] = nil
            merged.views[object] = nil
            merged.materializedViews[object] = nil
            let loaded = server.databases[databaseName] ?? Database(name: databaseName)
            for (name, table) in loaded.tables { merged.tables[name] = table }
            for (name, view) in loaded.views { merged.views[name] = view }
            for (name, view) in loaded.materializedViews { merged.materializedViews[name] = view }
            catalog.databases[databaseName] = merged
            return catalog
        }

        /// The name of the object the case is about (the first CREATE of `expected_show_create.sql`).
        public var objectName: String {
            let pattern = #"CREATE\s+(?:MATERIALIZED\s+VIEW|VIEW|TABLE)\s+`?([^`\s(]+)`?"#
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
                  let match = regex.firstMatch(in: showCreate, range: NSRange(showCreate.startIndex..., in: showCreate)),
                  let range = Range(match.range(at: 1), in: showCreate) else { return "" }
            return String(showCreate[range])
        }
    }

    /// The statements of a simple DDL file (split at `;` that ends a line), trimmed, comments-only lines dropped.
    public static func statements(_ text: String) -> [String] {
        text.components(separatedBy: ";\n").map { statement in
            statement.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }.map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }

    /// Every case, sorted by name; records an issue (a failure) when the corpus is absent.
    public static func cases(sourceLocation: SourceLocation = #_sourceLocation) -> [Case] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: casesDirectory.path), !names.isEmpty else {
            let message = "the StarRocks corpus is missing: looked for case directories in \(casesDirectory.path) "
                + "(part of the repository: restore it with git checkout or scripts/refresh-corpus.sh)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return []
        }
        return names.sorted().compactMap { name in
            let directory = casesDirectory.appendingPathComponent(name)
            func read(_ file: String) -> String? {
                try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            }
            guard let input = read("input.sql"), let showCreate = read("expected_show_create.sql") else { return nil }
            return Case(name: name, deps: read("deps.sql") ?? "", input: input, showCreate: showCreate)
        }
    }
}
