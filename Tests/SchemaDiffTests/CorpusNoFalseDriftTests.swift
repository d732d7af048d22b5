import DriftTestSupport
import Foundation
import SchemaDiff
import SchemaModel
import Testing

/// No false drift: for every corpus case, the replayed input and the server's SHOW CREATE text compare clean.
///
/// deps.sql is replayed on both sides, so the dependency objects come from the same DDL and are compared too (they
/// must match); the case's own object is compared input-vs-server. A case passes when the comparison has no finding of
/// severity warning or error and nothing in the case's object is listed as not compared because of a round-trip
/// failure.
@Suite struct CorpusNoFalseDriftTests {
    @Test func everyCaseComparesClean() throws {
        let cases = Corpus.cases()
        #expect(!cases.isEmpty)
        var passed = 0
        var failures: [String] = []
        for corpusCase in cases {
            do {
                let comparison = diff(expected: try corpusCase.expected(), actual: try corpusCase.actual())
                let serious = comparison.findings.filter { $0.severity >= .warning }
                let roundTrip = comparison.notCompared.filter { $0.reason.contains("round trip") }
                for skipped in comparison.notCompared {
                    print("  \(corpusCase.name): not compared \(skipped.object): \(skipped.reason)")
                }
                if serious.isEmpty && roundTrip.isEmpty && comparison.comparedObjects > 0 {
                    passed += 1
                } else {
                    let lines = serious.map { "  \($0.kind.rawValue) \($0.object): expected \($0.expected ?? "-") actual \($0.actual ?? "-")" }
                        + roundTrip.map { "  not compared \($0.object): \($0.reason)" }
                    failures.append("\(corpusCase.name):\n" + lines.joined(separator: "\n"))
                }
            } catch {
                failures.append("\(corpusCase.name): does not load: \(error)")
            }
        }
        print("corpus no-false-drift: \(passed) passed, \(failures.count) failed")
        for failure in failures { print(failure) }
        #expect(failures.isEmpty, "\(failures.count) corpus cases show false drift:\n\(failures.joined(separator: "\n"))")
    }

    @Test func identityOnEveryCorpusObject() throws {
        for corpusCase in Corpus.cases() {
            for catalog in [try corpusCase.expected(), try corpusCase.actual()] {
                let comparison = diff(expected: catalog, actual: catalog)
                #expect(comparison.findings.isEmpty, "diff(x, x) of \(corpusCase.name): \(comparison.findings)")
            }
        }
    }
}
