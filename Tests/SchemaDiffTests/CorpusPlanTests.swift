import DriftTestSupport
import Findings
import Foundation
import SchemaDiff
import SchemaModel
import SchemaPlan
import Testing

/// The plan's property over every by-hand change of the mutation test: replaying the actual side followed by the
/// `plan` leaves no drift against the expected side; and replaying the expected side (the head) followed by the plan
/// in the other direction, written as a revision (author style), leaves no drift against the actual side.
@Suite struct CorpusPlanTests {
    /// The findings left after replaying `start` followed by the plan from `start` to `target`.
    static func remaining(target: Catalog, start: Catalog, authorStyle: Bool, database: String) throws -> (Plan, [Finding]) {
        var options = PlanOptions()
        options.authorStyle = authorStyle
        let result = plan(expected: target, actual: start, options: options)
        var replayed = start
        try replayed.apply(sql: SQLPlanRenderer.render(result), file: "<plan>", defaultDatabase: database)
        let left = authorStyle ? diff(expected: replayed, actual: target) : diff(expected: target, actual: replayed)
        return (result, left.findings.filter { $0.severity >= .warning })
    }

    @Test func planThenReplayLeavesNoDrift() throws {
        var total = 0, planned = 0, steps = 0, rebuilds = 0
        var failures: [String] = []
        for corpusCase in Corpus.cases() {
            // A case whose input does not replay is the corpus test's failure, not the plan's.
            guard let generator = try? MutationGenerator(corpusCase) else { continue }
            for mutation in generator.all() {
                guard let actual = try? corpusCase.actual(mutation.text) else { continue }
                for authorStyle in [false, true] {
                    total += 1
                    let target = authorStyle ? actual : generator.expected
                    let start = authorStyle ? generator.expected : actual
                    do {
                        let (result, left) = try Self.remaining(target: target, start: start, authorStyle: authorStyle,
                                                                      database: corpusCase.database)
                        if !result.isEmpty { planned += 1 }
                        steps += result.steps.count
                        rebuilds += result.steps.filter { $0.action == .rebuild }.count
                        let unexplained = left.filter { finding in
                            !result.steps.contains { $0.action == .manual && finding.object.hasPrefix($0.object) }
                        }
                        if !unexplained.isEmpty {
                            failures.append("\(corpusCase.name): \(mutation.label) [\(authorStyle ? "revision" : "plan")]: "
                                + unexplained.map { "\($0.kind.rawValue)@\($0.object) \($0.expected ?? "-") vs \($0.actual ?? "-")" }
                                    .joined(separator: ", "))
                        }
                    } catch {
                        failures.append("\(corpusCase.name): \(mutation.label) [\(authorStyle ? "revision" : "plan")]: "
                            + "the plan does not replay: \(error)")
                    }
                }
            }
        }
        print("corpus plans: \(total) cases (mutations × both directions), \(planned) with steps, \(steps) steps, "
            + "\(rebuilds) rebuilds, \(failures.count) failing")
        for failure in failures.prefix(60) { print("  " + failure) }
        #expect(total >= 1000)
        #expect(failures.isEmpty, "\(failures.count) of \(total) plans leave drift")
    }
}
