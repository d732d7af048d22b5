import DriftTestSupport
import Findings
import Foundation
import SchemaDiff
import SchemaModel
import Testing

/// View and MV queries compared by meaning: names resolved to `db.tbl.col`, server rewrites folded, real changes
/// kept. The table-driven part reads the pairs of `Tests/DriftCheckTests/Fixtures/view-pairs` (also run through the
/// binary by `ViewPairsEndToEndTests`) and checks the finding each pair causes.
@Suite struct QueryResolutionTests {
    /// One pair of a fixture file: name and both sides' SQL, the shared prelude first.
    struct Pair: CustomStringConvertible {
        let name: String
        let expected: String
        let actual: String
        var description: String { name }
    }

    static let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/DriftCheckTests/Fixtures/view-pairs")

    /// The pairs of a fixture file (format: see the file's header).
    static func pairs(_ file: String) -> [Pair] {
        guard let text = try? String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8) else { return [] }
        let chunks = text.components(separatedBy: "\n-- pair: ")
        return chunks.dropFirst().map { chunk in
            let sides = chunk.components(separatedBy: "\n-- actual\n")
            return Pair(name: String(chunk.prefix { $0 != "\n" }),
                        expected: chunks[0] + "\n" + (sides[0].components(separatedBy: "\n-- expected\n").last ?? ""),
                        actual: chunks[0] + "\n" + (sides.last ?? ""))
        }
    }

    static func comparison(_ pair: Pair) throws -> SchemaComparison {
        let expected = try Catalog.load(sql: pair.expected, file: "\(pair.name) (expected)", defaultDatabase: "default")
        let actual = try Catalog.load(sql: pair.actual, file: "\(pair.name) (actual)", defaultDatabase: "default")
        return diff(expected: expected, actual: actual)
    }

    /// The finding kinds a hand change to a view or MV may cause.
    static let viewKinds: Set<FindingKind> = [.viewDefinition, .materializedViewDefinition, .materializedViewRefresh,
                                              .materializedViewPartitioning, .distributionMethod, .property]

    @Test func everyHandChangeIsAFinding() throws {
        let pairs = Self.pairs("changed.sql")
        #expect(pairs.count >= 20, "expected at least 20 changed pairs, found \(pairs.count)")
        var caught = 0
        for pair in pairs {
            let result = try Self.comparison(pair)
            let kinds = Set(result.findings.map(\.kind))
            if !kinds.isEmpty && kinds.isSubset(of: Self.viewKinds) && result.notCompared.isEmpty {
                caught += 1
            } else {
                Issue.record("\(pair.name): findings \(result.findings.map { "\($0.kind): \($0.message)" }), not compared \(result.notCompared)")
            }
        }
        print("view/MV hand changes: \(caught) of \(pairs.count) reported")
    }

    @Test func everyServerRewriteIsClean() throws {
        let pairs = Self.pairs("server-rewrites.sql")
        #expect(pairs.count >= 10, "expected at least 10 server-rewrite pairs, found \(pairs.count)")
        var clean = 0
        for pair in pairs {
            let result = try Self.comparison(pair)
            // Clean means no finding above info (a property whose cluster default varies is an info fact).
            if result.findings.allSatisfy({ $0.severity == .info }) && result.notCompared.isEmpty {
                clean += 1
            } else {
                Issue.record("\(pair.name): findings \(result.findings.map { "\($0.kind): \($0.expected ?? "") | \($0.actual ?? "")" }), not compared \(result.notCompared)")
            }
        }
        print("view/MV server rewrites: \(clean) of \(pairs.count) clean")
    }

    @Test func everySideEqualsItself() throws {
        for pair in Self.pairs("changed.sql") + Self.pairs("server-rewrites.sql") {
            for sql in [pair.expected, pair.actual] {
                let catalog = try Catalog.load(sql: sql, file: pair.name, defaultDatabase: "default")
                let result = diff(expected: catalog, actual: catalog)
                #expect(result.findings.isEmpty && result.notCompared.isEmpty, "\(pair.name)")
            }
        }
    }

    // MARK: Single rules

    static func compare(_ expected: String, _ actual: String, database: String = "db") -> Normalize.QueryComparison {
        Normalize.compareQueries(expected: Sample.query(expected), actual: Sample.query(actual), database: database)
    }

    @Test func unqualifiedTablesAreTheViewsDatabase() {
        #expect(Self.compare("select id from events", "SELECT `events`.`id`\nFROM `db`.`events`") == .same)
        #expect(Self.compare("select id from events", "SELECT `events`.`id`\nFROM `other`.`events`") != .same)
        #expect(Self.compare("select id from events", "select id from default_catalog.db.events") == .same)
        #expect(Self.compare("select db.events.id from events", "select other.events.id from other.events") != .same)
    }

    @Test func aliasesStandForTheirTables() {
        #expect(Self.compare("select e.id from events e", "select x.id from events as x") == .same)
        #expect(Self.compare("select e.id from events e join users u on e.uid = u.id",
                             "select u.id from events e join users u on e.uid = u.id") != .same)
        // A self-join keeps its aliases: they are what tells the two sides apart.
        #expect(Self.compare("select a.id from t a join t b on a.p = b.id", "select b.id from t a join t b on a.p = b.id")
                != .same)
    }

    @Test func cteNamesAreNotTablesOfTheDatabase() {
        #expect(Self.compare("with events as (select id from other.events) select id from events",
                             "select id from events") != .same)
        #expect(Self.compare("with c as (select id from events) select id from c",
                             "WITH `c` (`id`) AS (SELECT `events`.`id` FROM `db`.`events`) SELECT `c`.`id` FROM `c`") == .same)
    }

    @Test func anUnqualifiedColumnOfAJoinIsNotComparedAgainstAQualifiedOne() {
        let result = Self.compare("select k1 from a join b on a.id = b.id", "SELECT `a`.`k1` FROM `db`.`a` INNER JOIN `db`.`b` ON `a`.`id` = `b`.`id`")
        guard case .notComparable(let reason) = result else {
            Issue.record("expected not comparable, got \(result)")
            return
        }
        #expect(reason.contains("k1"))
        // Written the same on both sides, it is still the same text.
        #expect(Self.compare("select k1 from a join b on a.id = b.id", "SELECT k1 FROM a JOIN b ON a.id = b.id") == .same)
    }

    @Test func anUnqualifiedColumnOfAJoinResolvesByTheTables() throws {
        let sql = "CREATE TABLE a (id int, k1 int) DISTRIBUTED BY HASH(id); CREATE TABLE b (id int, k2 int) DISTRIBUTED BY HASH(id);"
        let tables = QueryTables(try Catalog.load(sql: sql, file: "t", defaultDatabase: "db"))
        let written = Sample.query("select k1, k2 from a join b on a.id = b.id")
        let server = Sample.query("SELECT `a`.`k1`, `b`.`k2` FROM `db`.`a` INNER JOIN `db`.`b` ON `a`.`id` = `b`.`id`")
        let swapped = Sample.query("SELECT `b`.`k1`, `b`.`k2` FROM `db`.`a` INNER JOIN `db`.`b` ON `a`.`id` = `b`.`id`")
        #expect(Normalize.compareQueries(expected: written, actual: server, database: "db", expectedTables: tables,
                                         actualTables: tables) == .same)
        #expect(Normalize.compareQueries(expected: written, actual: swapped, database: "db", expectedTables: tables,
                                         actualTables: tables) != .same)
    }

    @Test func anExpandedStarIsNotCompared() {
        guard case .notComparable = Self.compare("select * from t", "SELECT `t`.`k1`, `t`.`k2` FROM `db`.`t`") else {
            Issue.record("an expanded SELECT * must not be compared")
            return
        }
    }

    @Test func serverSpellingsFold() {
        #expect(Self.compare("select a from t where b <> 1 order by a", "SELECT `t`.`a`\nFROM `db`.`t`\nWHERE `t`.`b` != 1\nORDER BY `t`.`a` ASC") == .same)
        #expect(Self.compare("select t.a from t left outer join u on t.a = u.a", "select t.a from t left join u on t.a = u.a") == .same)
        #expect(Self.compare("(select a from t)", "SELECT a FROM t;") == .same)
        #expect(Self.compare("select a from t left join u on t.a = u.a", "select a from t right join u on t.a = u.a") != .same)
    }
}
