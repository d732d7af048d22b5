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

    /// Writes deps.sql + the given file into one temporary .sql file.
    static func combined(_ c: Case, _ file: String, into dir: URL, transform: (String) -> String = { $0 }) throws -> String {
        var text = ""
        let deps = c.directory.appendingPathComponent("deps.sql")
        if FileManager.default.fileExists(atPath: deps.path) { text += try String(contentsOf: deps, encoding: .utf8) + "\n" }
        text += transform(try String(contentsOf: c.directory.appendingPathComponent(file), encoding: .utf8))
        let path = dir.appendingPathComponent("\(c.name)-\(file)").path
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
            let expected = try Self.combined(c, "input.sql", into: dir)
            let actual = try Self.combined(c, "expected_show_create.sql", into: dir)
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
        let expected = try Self.combined(c, "input.sql", into: dir)
        let actual = try Self.combined(c, "expected_show_create.sql", into: dir) { text in
            text.replacingOccurrences(of: "`user_name` varchar(32)", with: "`user_name` varchar(64)")
        }
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
