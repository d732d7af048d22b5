import Foundation
import StarRocksDDL
import Testing
@testable import SchemaModel

/// Walks every case of `../shared/starrocks-corpus/cases`: the input replays (after deps), the server's SHOW CREATE
/// output loads, both hold the object, their column layout agrees, and every object round-trips canonically.
@Suite struct CorpusReplayTests {
    static let database = "corpus"

    struct Case {
        let name: String
        let directory: URL
        func text(_ file: String) -> String? {
            try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
    }

    static func cases() throws -> [Case] {
        let root = TestPaths.corpus.appendingPathComponent("cases")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path), !names.isEmpty else {
            let message = "the StarRocks corpus is missing: looked for \(root.path) (the shared folder must sit next "
                + "to the repository as ../shared)"
            Issue.record("\(message)")
            return []
        }
        return names.sorted().map { Case(name: $0, directory: root.appendingPathComponent($0)) }
    }

    /// Replays `deps.sql` statement by statement; a dependency statement the catalog rejects is counted, not fatal
    /// (the corpus extracts dependencies heuristically, e.g. a SWAP WITH whose partner comes later).
    static func replayDependencies(_ sql: String, file: String, into catalog: inout Catalog) throws -> Int {
        var database = Self.database
        var rejected = 0
        for parsed in try DDLParser.parse(sql, file: file) {
            do { try catalog.apply(parsed, defaultDatabase: &database) } catch { rejected += 1 }
        }
        return rejected
    }

    /// The kind and name of the single object in a SHOW CREATE text.
    static func objectIdentity(_ sql: String, file: String) throws -> (ObjectKind, String)? {
        guard let first = try DDLParser.parse(sql, file: file).first else { return nil }
        switch first.statement {
        case .createTable(let create): return (.table, create.name.name)
        case .createView(let create): return (.view, create.name.name)
        case .createMaterializedView(let create): return (.materializedView, create.name.name)
        default: return nil
        }
    }

    @Test func everyCaseReplaysLoadsAndRoundTrips() throws {
        let cases = try Self.cases()
        var replayed = 0, loaded = 0, roundTripped = 0, objects = 0, rejectedDependencies = 0, layoutChecked = 0
        for corpusCase in cases {
            guard let input = corpusCase.text("input.sql"), let expectedText = corpusCase.text("expected_show_create.sql")
            else {
                Issue.record("case \(corpusCase.name) lacks input.sql or expected_show_create.sql")
                continue
            }
            var expected = Catalog(databases: [Self.database: Database(name: Self.database)])
            if let deps = corpusCase.text("deps.sql") {
                rejectedDependencies += try Self.replayDependencies(deps, file: "\(corpusCase.name)/deps.sql",
                                                                     into: &expected)
            }
            do {
                try expected.apply(sql: input, file: "\(corpusCase.name)/input.sql", defaultDatabase: Self.database)
                replayed += 1
            } catch {
                Issue.record("case \(corpusCase.name): input.sql does not replay:\n\(error)")
                continue
            }
            let actual: Catalog
            do {
                actual = try Catalog.load(sql: expectedText, file: "\(corpusCase.name)/expected_show_create.sql",
                                          defaultDatabase: Self.database)
                loaded += 1
            } catch {
                Issue.record("case \(corpusCase.name): expected_show_create.sql does not load:\n\(error)")
                continue
            }
            guard let (kind, name) = try Self.objectIdentity(expectedText, file: corpusCase.name) else {
                Issue.record("case \(corpusCase.name): no object in expected_show_create.sql")
                continue
            }
            let expectedDatabase = expected.databases[Self.database]
            let actualDatabase = actual.databases[Self.database]
            #expect(expectedDatabase?.kind(of: name) == kind, "case \(corpusCase.name): replay lacks \(kind) \(name)")
            #expect(actualDatabase?.kind(of: name) == kind, "case \(corpusCase.name): SHOW CREATE lacks \(kind) \(name)")
            if kind == .table, let replayedTable = expectedDatabase?.tables[name],
               let shownTable = actualDatabase?.tables[name], replayedTable.definedByQuery == nil {
                Self.checkLayout(replayed: replayedTable, shown: shownTable, caseName: corpusCase.name)
                layoutChecked += 1
            }
            for catalog in [expected, actual] {
                for database in catalog.databases.values {
                    for table in database.tables.values {
                        objects += 1
                        if roundTrips(table) { roundTripped += 1 } else {
                            Issue.record("case \(corpusCase.name): table \(table.name) does not round-trip:\n\(CanonicalDDL.table(table))")
                        }
                    }
                    for view in database.views.values {
                        objects += 1
                        if roundTrips(view) { roundTripped += 1 } else {
                            Issue.record("case \(corpusCase.name): view \(view.name) does not round-trip:\n\(CanonicalDDL.view(view))")
                        }
                    }
                    for view in database.materializedViews.values {
                        objects += 1
                        if roundTrips(view) { roundTripped += 1 } else {
                            Issue.record("case \(corpusCase.name): materialized view \(view.name) does not round-trip:\n\(CanonicalDDL.materializedView(view))")
                        }
                    }
                }
            }
        }
        print("corpus: \(cases.count) cases, \(replayed) inputs replayed, \(loaded) SHOW CREATE outputs loaded, "
            + "\(layoutChecked) table layouts compared (CTAS tables have no known columns), \(roundTripped)/\(objects) objects round-trip, "
            + "\(rejectedDependencies) dependency statements rejected")
        #expect(cases.count >= 70, "expected the whole corpus (74 cases), found \(cases.count)")
        #expect(replayed == cases.count)
        #expect(loaded == cases.count)
        #expect(roundTripped == objects)
    }

    /// What replay must get right without any normalization: column names and order (hidden generated partition
    /// columns aside), key columns when the input wrote a key, the explicit sort key and the hash columns.
    static func checkLayout(replayed: Table, shown: Table, caseName: String) {
        let hidden = "__generated_partition_column"
        let shownColumns = shown.columns.map(\.name).filter { !$0.hasPrefix(hidden) }
        #expect(replayed.columns.map(\.name) == shownColumns, "case \(caseName): column order differs")
        if let key = replayed.key {
            #expect(key.model == shown.key?.model, "case \(caseName): key model differs")
            #expect(key.columns == shown.key?.columns, "case \(caseName): key columns differ")
        }
        #expect(replayed.orderBy == shown.orderBy, "case \(caseName): ORDER BY differs")
        if case .hash(let columns)? = replayed.distribution?.method {
            #expect(shown.distribution?.method == .hash(columns: columns), "case \(caseName): hash columns differ")
        }
        #expect(replayed.comment == shown.comment, "case \(caseName): table comment differs")
        let shownComments = shown.columns.filter { !$0.name.hasPrefix(hidden) }.map(\.comment)
        #expect(replayed.columns.map(\.comment) == shownComments, "case \(caseName): column comments differ")
    }
}
