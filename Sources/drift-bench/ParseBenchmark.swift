import ArgumentParser
import Foundation
import StarRocksDDL

/// `drift-bench parse`: parse throughput over the corpus CREATE TABLE statements repeated to at least 10,000.
///
/// Run in release: `swift run -c release drift-bench parse`. The goal is under 0.5 s for 10,000 statements.
struct ParseBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parses the corpus CREATE TABLE statements, repeated to --statements, and prints MB/s and statements/s.")

    @Option(help: "The StarRocks corpus cases folder (default: Tests/Fixtures/StarRocksCorpus/cases in the repository).")
    var corpus: String?

    @Option(help: "How many CREATE TABLE statements to parse per run.")
    var statements = 10_000

    @Option(help: "How many timed runs (the best and the median are printed).")
    var runs = 5

    func run() async throws {
        let folder = URL(fileURLWithPath: corpus ?? Self.defaultCorpus().path)
        let creates = try Self.createTableTexts(in: folder)
        guard !creates.isEmpty else {
            throw ValidationError("no CREATE TABLE statements found under \(folder.path); pass --corpus")
        }
        var source = ""
        var count = 0
        while count < statements {
            for text in creates where count < statements {
                source += text + ";\n"
                count += 1
            }
        }
        let bytes = Array(source.utf8)
        let megabytes = Double(bytes.count) / 1_000_000
        var timings: [Double] = []
        for _ in 0..<max(1, runs) {
            let clock = ContinuousClock()
            var parsed = 0
            let elapsed = try clock.measure {
                parsed = try DDLParser.parse(bytes: bytes, file: "benchmark.sql").count
            }
            guard parsed == count else { throw ValidationError("parsed \(parsed) statements, expected \(count)") }
            timings.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        timings.sort()
        let best = timings[0]
        let median = timings[timings.count / 2]
        print("parse: \(count) CREATE TABLE statements (\(creates.count) distinct from the corpus), "
            + String(format: "%.2f MB", megabytes))
        print(String(format: "best   %.3f s  %.1f MB/s  %.0f statements/s", best, megabytes / best, Double(count) / best))
        print(String(format: "median %.3f s  %.1f MB/s  %.0f statements/s", median, megabytes / median,
                     Double(count) / median))
        print(median < 0.5 ? "goal met: under 0.5 s for \(count) statements" : "goal missed: 0.5 s for \(count) statements")
    }

    /// `Tests/Fixtures/StarRocksCorpus/cases` in the repository.
    static func defaultCorpus() -> URL {
        PeerBenchmark.repositoryRoot.appendingPathComponent("Tests/Fixtures/StarRocksCorpus/cases")
    }

    /// The source text of every CREATE TABLE statement in the corpus files.
    static func createTableTexts(in folder: URL) throws -> [String] {
        let cases = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var texts: [String] = []
        for name in cases {
            for file in ["deps.sql", "input.sql", "expected_show_create.sql"] {
                let url = folder.appendingPathComponent(name).appendingPathComponent(file)
                guard let source = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for parsed in try DDLParser.parse(source, file: url.path) {
                    if case .createTable = parsed.statement { texts.append(parsed.text) }
                }
            }
        }
        return texts
    }
}
