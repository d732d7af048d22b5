import DriftTestSupport
import Foundation
import Testing

/// `starrocks-drift diff --expected input.sql --actual expected_show_create.sql` over every real StarRocks case:
/// the binary must exit 0 with no finding above info (no false drift), and exit 1 once the actual side is really changed.
@Suite("diff over the StarRocks corpus (binary)", .serialized)
struct DiffCorpusEndToEndTests {
    typealias Case = Corpus.Case

    static func cases() -> [Case] { Corpus.cases() }

    /// The expected side: `USE` the case's database (both sides live in it, so a query's unqualified tables resolve
    /// to the database its server text names), the dependencies, then input.sql.
    static func expectedText(_ c: Case) -> String {
        "USE `\(c.database)`;\n" + c.dependencies + "\n" + c.input
    }

    /// The actual side: the same DDL for the dependency objects, then the case's object as the server printed it
    /// (after dropping the replayed one), so the case's object is compared input-vs-server.
    static func actualText(_ c: Case, showCreate: String) -> String {
        let firstLine = showCreate.split(separator: "\n").first.map(String.init) ?? ""
        let kind = firstLine.hasPrefix("CREATE MATERIALIZED VIEW") ? "MATERIALIZED VIEW"
            : firstLine.hasPrefix("CREATE VIEW") ? "VIEW" : "TABLE"
        return expectedText(c) + "\nDROP \(kind) IF EXISTS `\(c.objectName)`;\n" + showCreate
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
            let actual = try Self.write(Self.actualText(c, showCreate: c.showCreate), "\(c.name)-actual.sql", into: dir)
            let out = try BinaryRunner.run(["diff", "--expected", expected, "--actual", actual, "--format", "json"])
            // Not only exit 0: under the strict gate no finding may be above info.
            let report = (try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8))) as? [String: Any] ?? [:]
            let findings = ((report["environments"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
            let aboveInfo = findings.filter { $0["severity"] as? String != "info" }
            if out.status == 0 && aboveInfo.isEmpty {
                passed += 1
            } else {
                failures.append("\(c.name): exit \(out.status), \(aboveInfo.count) finding(s) above info\n\(out.stdout)\(out.stderr)")
            }
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
        let changed = c.showCreate
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
