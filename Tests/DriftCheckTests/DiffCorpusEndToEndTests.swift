import Foundation
import Testing

/// `starrocks-drift diff --expected input.sql --actual expected_show_create.sql` over every real StarRocks case:
/// the binary must exit 0 (no false drift), and exit 1 once the actual side is really changed.
@Suite("diff over the StarRocks corpus (binary)", .serialized)
struct DiffCorpusEndToEndTests {
    struct Case {
        let name: String
        let directory: URL
    }

    static func cases() -> [Case] {
        guard let shared = BinaryRunner.sharedDirectory() else { return [] }
        let root = shared.appendingPathComponent("starrocks-corpus/cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { Case(name: $0, directory: root.appendingPathComponent($0)) }
    }

    /// Statements of a corpus file, without comment lines and the final `;`.
    static func statements(_ text: String) -> [String] {
        text.components(separatedBy: ";\n").map { statement in
            statement.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }.map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }

    static func read(_ c: Case, _ file: String) -> String {
        (try? String(contentsOf: c.directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
    }

    /// The database the case ran in, as a 3.x view or MV query in the server's text names it
    /// (``FROM `test_create_mv`.`t1` ``); `nil` when the text names none.
    static func database(_ c: Case) -> String? {
        let text = read(c, "expected_show_create.sql")
        guard let regex = try? NSRegularExpression(pattern: #"FROM\s+`([^`]+)`\.`"#, options: [.caseInsensitive]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    /// The expected side: `USE` the case's database (both sides live in it, so a query's unqualified tables resolve
    /// to the database its server text names), deps.sql, then input.sql. (The corpus lists some statements, e.g. a SWAP, under both the
    /// object and its partner; such a statement is replayed once, at its place in input.sql.)
    static func expectedText(_ c: Case) -> String {
        let input = read(c, "input.sql")
        let inputStatements = Set(statements(input))
        let deps = statements(read(c, "deps.sql")).filter { !inputStatements.contains($0) }
        let use = database(c).map { "USE `\($0)`;\n" } ?? ""
        return use + (deps.isEmpty ? "" : deps.joined(separator: ";\n") + ";\n") + input
    }

    /// The actual side: the same DDL for the dependency objects, then the case's object as the server printed it
    /// (after dropping the replayed one), so the case's object is compared input-vs-server.
    static func actualText(_ c: Case, showCreate: String) -> String {
        let firstLine = showCreate.split(separator: "\n").first.map(String.init) ?? ""
        let name = firstLine.split(separator: "`").dropFirst().first.map(String.init) ?? ""
        let kind = firstLine.hasPrefix("CREATE MATERIALIZED VIEW") ? "MATERIALIZED VIEW"
            : firstLine.hasPrefix("CREATE VIEW") ? "VIEW" : "TABLE"
        return expectedText(c) + "\nDROP \(kind) IF EXISTS `\(name)`;\n" + showCreate
    }

    static func write(_ text: String, _ name: String, into dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyCorpusCaseIsClean() throws {
        let cases = Self.cases()
        #expect(cases.count >= 70, "expected the whole corpus, found \(cases.count) cases")
        let dir = try BinaryRunner.temporaryDirectory("diff-corpus")
        defer { try? FileManager.default.removeItem(at: dir) }
        var passed = 0
        var failures: [String] = []
        for c in cases {
            let expected = try Self.write(Self.expectedText(c), "\(c.name)-expected.sql", into: dir)
            let actual = try Self.write(Self.actualText(c, showCreate: Self.read(c, "expected_show_create.sql")),
                                        "\(c.name)-actual.sql", into: dir)
            let out = try BinaryRunner.run(["diff", "--expected", expected, "--actual", actual])
            if out.status == 0 { passed += 1 } else { failures.append("\(c.name): exit \(out.status)\n\(out.stdout)\(out.stderr)") }
        }
        print("diff over the corpus (binary): \(passed) passed, \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func aRealChangeExitsOneWithTheFinding() throws {
        guard let c = Self.cases().first(where: { $0.name.hasPrefix("025_") }) else {
            Issue.record("corpus case 025 missing")
            return
        }
        let dir = try BinaryRunner.temporaryDirectory("diff-change")
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.write(Self.expectedText(c), "expected.sql", into: dir)
        let changed = Self.read(c, "expected_show_create.sql")
            .replacingOccurrences(of: "`user_name` varchar(32)", with: "`user_name` varchar(64)")
        let actual = try Self.write(Self.actualText(c, showCreate: changed), "actual.sql", into: dir)
        let out = try BinaryRunner.run(["diff", "--expected", expected, "--actual", actual, "--format", "json"])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("\"kind\": \"column_type\""))
        #expect(out.stdout.contains("site_access.user_name"))
    }

    @Test func malformedInputExitsTwoWithFileLineColumn() throws {
        let dir = try BinaryRunner.temporaryDirectory("diff-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.sql")
        try "CREATE TABLE t (\n  k INT,\n  v FROOBLE\n) DUPLICATE KEY(k);\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["diff", "--expected", bad.path, "--actual", bad.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("bad.sql:3:"), "\(out.stderr)")
        #expect(out.stderr.contains("^"), "\(out.stderr)")
    }
}
