import ArgumentParser
import Foundation
import SchemaDiff
import SchemaModel

/// `drift-bench diff`: diff time for 10,000 tables against 10,000 tables.
///
/// Each corpus table case gives a pair (the table replayed from its input DDL, the same table parsed from the server's
/// SHOW CREATE text); the pairs are repeated under new names to `--tables` per side and diffed. Run in release:
/// `swift run -c release drift-bench diff`. The goal is under 1 s for 10,000 tables per side.
struct DiffBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Diffs --tables corpus tables against their server versions and prints seconds per run.")

    @Option(help: "The StarRocks corpus cases folder (default: Tests/Fixtures/StarRocksCorpus/cases in the repository).")
    var corpus: String?

    @Option(help: "How many tables per side.")
    var tables = 10_000

    @Option(help: "How many timed runs (the best and the median are printed).")
    var runs = 5

    func run() async throws {
        let folder = URL(fileURLWithPath: corpus ?? ParseBenchmark.defaultCorpus().path)
        let pairs = try Self.tablePairs(in: folder)
        guard !pairs.isEmpty else { throw ValidationError("no table cases found under \(folder.path); pass --corpus") }
        var expected = Database(name: "bench")
        var actual = Database(name: "bench")
        for index in 0..<tables {
            let pair = pairs[index % pairs.count]
            let name = "t\(index)_\(pair.expected.name)"
            var left = pair.expected
            var right = pair.actual
            left.name = name
            right.name = name
            expected.tables[name] = left
            actual.tables[name] = right
        }
        let expectedCatalog = Catalog(databases: ["bench": expected])
        let actualCatalog = Catalog(databases: ["bench": actual])
        print("diff: \(tables) tables per side (\(pairs.count) distinct corpus tables, renamed)")
        for checkRoundTrip in [false, true] {
            var timings: [Double] = []
            var findings = 0
            for _ in 0..<max(1, runs) {
                let clock = ContinuousClock()
                let elapsed = clock.measure {
                    let comparison = diff(expected: expectedCatalog, actual: actualCatalog,
                                          options: DiffOptions(checkRoundTrip: checkRoundTrip))
                    findings = comparison.findings.count
                }
                timings.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            timings.sort()
            let label = checkRoundTrip ? "with round-trip check" : "without round-trip check"
            print(String(format: "%@: best %.3f s, median %.3f s, %d findings", label, timings[0],
                         timings[timings.count / 2], findings))
            if !checkRoundTrip {
                print(timings[timings.count / 2] < 1 ? "goal met: under 1 s for \(tables) vs \(tables) tables"
                      : "goal missed: 1 s for \(tables) vs \(tables) tables")
            }
        }
    }

    /// (replayed input, parsed server text) for every corpus case about a table whose input replays on its own.
    static func tablePairs(in folder: URL) throws -> [(expected: Table, actual: Table)] {
        var pairs: [(expected: Table, actual: Table)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let directory = folder.appendingPathComponent(name)
            func read(_ file: String) -> String? {
                try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            }
            guard let input = read("input.sql"), let showCreate = read("expected_show_create.sql"),
                  let expected = try? Catalog.load(sql: (read("deps.sql") ?? "") + "\n" + input, file: name,
                                                   defaultDatabase: "bench"),
                  let actual = try? Catalog.load(sql: showCreate, file: name, defaultDatabase: "bench"),
                  let table = actual.databases["bench"]?.tables.values.first,
                  let source = expected.databases["bench"]?.tables[table.name] else { continue }
            pairs.append((source, table))
        }
        return pairs
    }
}
