import DriftTestSupport
import Findings
import Foundation
import SchemaDiff
import SchemaModel
import SchemaPlan
import Testing

/// The plan's property over view and MV changes (the hand-changed pairs of `view-pairs/changed.sql`: other base table,
/// join side, kind and condition, filter, aggregate, alias, refresh, distribution, partitioning), over objects missing
/// on either side, and over dependants (an MV on a table the plan must rebuild): replaying the actual side followed by
/// the plan leaves no drift against the expected side, in both directions.
@Suite struct ViewPlanPropertyTests {
    /// The findings above info left after replaying `start` and then the plan from `start` to `target`.
    static func remaining(target: Catalog, start: Catalog) throws -> (Plan, [Finding]) {
        let result = plan(expected: target, actual: start, options: PlanOptions())
        var replayed = start
        try replayed.apply(sql: SQLPlanRenderer.render(result), file: "<plan>", defaultDatabase: "default")
        return (result, diff(expected: target, actual: replayed).findings.filter { $0.severity >= .warning })
    }

    static func load(_ sql: String, _ name: String) throws -> Catalog {
        try Catalog.load(sql: sql, file: name, defaultDatabase: "default")
    }

    /// The prelude of a pair file (the tables both sides share), without any pair.
    static func prelude(_ file: String) throws -> String {
        let text = try String(contentsOf: QueryResolutionTests.fixtures.appendingPathComponent(file), encoding: .utf8)
        return text.components(separatedBy: "\n-- pair: ").first ?? ""
    }

    @Test func everyViewAndMVChangeIsPlannedBothWays() throws {
        let pairs = QueryResolutionTests.pairs("changed.sql")
        #expect(pairs.count >= 20)
        let prelude = try Self.prelude("changed.sql")
        var runs = 0, steps = 0
        var failures: [String] = []
        for pair in pairs {
            let expected = try Self.load(pair.expected, "\(pair.name) expected")
            let actual = try Self.load(pair.actual, "\(pair.name) actual")
            let base = try Self.load(prelude, "\(pair.name) prelude")
            // Changed on the server; changed back by the plan (and the reverse, as autogenerate would adopt it);
            // missing on the server; made by hand on the server.
            let cases: [(String, Catalog, Catalog)] = [
                ("changed", expected, actual), ("adopted", actual, expected),
                ("missing", expected, base), ("unexpected", base, expected),
            ]
            for (label, target, start) in cases {
                runs += 1
                do {
                    let (result, left) = try Self.remaining(target: target, start: start)
                    steps += result.steps.count
                    if target != start && result.steps.isEmpty {
                        failures.append("\(pair.name) [\(label)]: the sides differ but nothing was planned")
                    }
                    if !left.isEmpty {
                        failures.append("\(pair.name) [\(label)]: "
                            + left.map { "\($0.kind.rawValue)@\($0.object)" }.joined(separator: ", ")
                            + "\n" + SQLPlanRenderer.render(result))
                    }
                } catch {
                    failures.append("\(pair.name) [\(label)]: the plan does not replay: \(error)")
                }
            }
        }
        print("view/MV plans: \(runs) runs over \(pairs.count) pairs, \(steps) steps, \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// An MV reading a table whose key model changed: the table needs a rebuild, so the MV is dropped before it and
    /// created again after it, and the result has no drift.
    @Test func materializedViewOnARebuiltTable() throws {
        let mv = """
            CREATE MATERIALIZED VIEW daily DISTRIBUTED BY HASH(k) REFRESH ASYNC
            AS SELECT k, sum(v) AS total FROM t GROUP BY k;
            """
        let expected = try Self.load("""
            CREATE TABLE t (k INT NOT NULL, v BIGINT) PRIMARY KEY(k) DISTRIBUTED BY HASH(k);
            \(mv)
            """, "expected")
        let actual = try Self.load("""
            CREATE TABLE t (k INT NOT NULL, v BIGINT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);
            \(mv)
            """, "actual")
        let (result, left) = try Self.remaining(target: expected, start: actual)
        #expect(left.isEmpty, "\(left)\n\(SQLPlanRenderer.render(result))")
        let text = SQLPlanRenderer.render(result)
        let dropMV = try #require(text.range(of: "DROP MATERIALIZED VIEW"))
        let swap = try #require(text.range(of: "SWAP WITH"))
        let createMV = try #require(text.range(of: "CREATE MATERIALIZED VIEW"))
        #expect(dropMV.lowerBound < swap.lowerBound && swap.lowerBound < createMV.lowerBound, "\(text)")
    }
}
