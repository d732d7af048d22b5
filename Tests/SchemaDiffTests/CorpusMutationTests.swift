import DriftTestSupport
import Findings
import Foundation
import SchemaDiff
import SchemaModel
import Testing

/// Every real change caught: single text-level mutations of each corpus case's SHOW CREATE output (column type,
/// nullability, default, comment, dropped/added column, key columns, distribution method, pinned bucket count,
/// property value — also written in the other case, and properties the migrations set reset to the default by hand —,
/// partition method, table comment, view/MV query, comment, refresh) must each produce a finding of
/// the right kind on the right object, with severity error: under default settings each makes `diff` exit 1 (the
/// strict gate). Prints the counts per kind.
@Suite struct CorpusMutationTests {
    @Test func everyMutationIsCaught() throws {
        var total = 0
        var caught = 0
        var failures: [String] = []
        var byKind: [FindingKind: Int] = [:]
        var resets = 0
        var recased = 0
        for corpusCase in Corpus.cases() {
            let generator = try MutationGenerator(corpusCase)
            for mutation in generator.all() {
                total += 1
                if mutation.label.hasPrefix("property "), mutation.label.contains(" reset") { resets += 1 }
                if mutation.label.hasPrefix("property "), mutation.label.hasSuffix("→TRUE") || mutation.label.hasSuffix("→FALSE") {
                    recased += 1
                }
                let actual: Catalog
                do {
                    actual = try corpusCase.actual(mutation.text)
                } catch {
                    failures.append("\(corpusCase.name): \(mutation.label): mutated text does not load: \(error)")
                    continue
                }
                let comparison = diff(expected: generator.expected, actual: actual)
                let hit = comparison.findings.contains {
                    $0.kind == mutation.kind && $0.object.lowercased() == mutation.object.lowercased()
                        && $0.severity >= .error && $0.status == .drift
                }
                if hit {
                    caught += 1
                    byKind[mutation.kind, default: 0] += 1
                } else {
                    let got = comparison.findings.map { "\($0.kind.rawValue)@\($0.object)" }.joined(separator: ", ")
                    failures.append("\(corpusCase.name): \(mutation): got [\(got)]"
                                    + comparison.notCompared.map { " not compared \($0.object): \($0.reason)" }.joined())
                }
            }
        }
        print("corpus mutations: \(total) applied, \(caught) caught, \(failures.count) missed; \(resets) property "
            + "resets, \(recased) property changes written upper-case")
        print("caught by kind: " + byKind.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " "))
        for failure in failures { print("  " + failure) }
        #expect(total >= 500, "only \(total) mutations were generated; at least 500 are required")
        #expect(resets > 0 && recased > 0, "property resets (\(resets)) and upper-case changes (\(recased)) must be generated")
        #expect(failures.isEmpty, "\(failures.count) of \(total) mutations were not caught")
        let required: [FindingKind] = [.unexpectedColumn, .missingColumn, .columnType, .columnNullability, .columnComment,
                                       .columnDefault, .tableComment, .property, .bucketCount, .orderBy, .unexpectedIndex]
        for kind in required {
            #expect(byKind[kind, default: 0] > 0, "no \(kind.rawValue) mutation was generated and caught")
        }
    }
}
