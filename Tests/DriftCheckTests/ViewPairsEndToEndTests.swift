import Foundation
import Testing

/// `starrocks-drift diff` over pairs of views and MVs (`Fixtures/view-pairs`): a view changed by hand exits 1
/// (`changed.sql`), the text a server prints for a user's SQL exits 0 (`server-rewrites.sql`).
@Suite("views and MVs compared by meaning (binary)", .serialized)
struct ViewPairsEndToEndTests {
    /// One pair of a fixture file: its name and both sides' full SQL (the shared prelude first).
    struct Pair {
        let name: String
        let expected: String
        let actual: String
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/view-pairs")

    /// The pairs of a fixture file: the text before the first `-- pair:` is replayed on both sides; each pair has an
    /// `-- expected` and an `-- actual` part.
    static func pairs(_ file: String) throws -> [Pair] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
        let chunks = text.components(separatedBy: "\n-- pair: ")
        let prelude = chunks[0]
        return chunks.dropFirst().map { chunk in
            let name = String(chunk.prefix { $0 != "\n" })
            let sides = chunk.components(separatedBy: "\n-- actual\n")
            let expected = sides[0].components(separatedBy: "\n-- expected\n").last ?? ""
            return Pair(name: name, expected: prelude + "\n" + expected, actual: prelude + "\n" + (sides.last ?? ""))
        }
    }

    /// Runs `diff` on every pair of `file` and returns the names of those whose exit status is not `status`.
    static func run(_ file: String, expecting status: Int32) throws -> (count: Int, wrong: [String]) {
        let pairs = try pairs(file)
        let dir = try BinaryRunner.temporaryDirectory("view-pairs")
        defer { try? FileManager.default.removeItem(at: dir) }
        var wrong: [String] = []
        for (index, pair) in pairs.enumerated() {
            let expected = dir.appendingPathComponent("\(index)-expected.sql")
            let actual = dir.appendingPathComponent("\(index)-actual.sql")
            try pair.expected.write(to: expected, atomically: true, encoding: .utf8)
            try pair.actual.write(to: actual, atomically: true, encoding: .utf8)
            let out = try BinaryRunner.run(["diff", "--expected", expected.path, "--actual", actual.path])
            if out.status != status {
                wrong.append("\(pair.name): exit \(out.status), expected \(status)\n\(out.stdout)\(out.stderr)")
            }
        }
        return (pairs.count, wrong)
    }

    @Test func aViewChangedByHandExitsOne() throws {
        let (count, wrong) = try Self.run("changed.sql", expecting: 1)
        print("view/MV pairs changed by hand (binary): \(count - wrong.count) of \(count) exit 1")
        #expect(count >= 20, "expected at least 20 changed pairs, found \(count)")
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test func theServersTextForAUsersSQLExitsZero() throws {
        let (count, wrong) = try Self.run("server-rewrites.sql", expecting: 0)
        print("view/MV pairs of user SQL and server text (binary): \(count - wrong.count) of \(count) exit 0")
        #expect(count >= 10, "expected at least 10 server-rewrite pairs, found \(count)")
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }
}
