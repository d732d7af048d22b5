import Foundation
import StarRocksDDL
import Testing

/// Printer goldens: every `Fixtures/*.sql` is parsed and printed; the result must equal `Fixtures/<name>.golden`.
///
/// Run with `RECORD_GOLDENS=1` to rewrite the goldens (found through `#filePath`); the run then fails on purpose so
/// that recording is never mistaken for passing.
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

    static func fixtureNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.fixtureNames().count >= 4, "no printer fixtures found in \(Self.fixtures.path)")
    }

    @Test(arguments: fixtureNames())
    func printedFixtureMatchesGolden(_ name: String) throws {
        let source = try String(contentsOf: Self.fixtures.appendingPathComponent(name + ".sql"), encoding: .utf8)
        let statements = try DDLParser.parse(source, file: name + ".sql")
        let printed = statements.map { SyntaxPrinter.print($0.statement) }.joined(separator: "\n\n") + "\n"
        let goldenURL = Self.fixtures.appendingPathComponent(name + ".golden")
        if Self.recording {
            try printed.write(to: goldenURL, atomically: true, encoding: .utf8)
            Issue.record("recorded \(goldenURL.path); unset RECORD_GOLDENS and run again")
            return
        }
        guard let golden = try? String(contentsOf: goldenURL, encoding: .utf8) else {
            Issue.record("missing golden \(goldenURL.path); run with RECORD_GOLDENS=1 to create it")
            return
        }
        #expect(printed == golden, "printed \(name).sql differs from \(name).golden")
        // The golden itself parses back to the same statements.
        let reparsed = try DDLParser.parse(golden, file: name + ".golden")
        #expect(reparsed.map(\.statement) == statements.map(\.statement))
    }
}
