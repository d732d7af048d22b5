import DriftTestSupport
import Foundation
import StarRocksSimulator
import Testing

/// Keeps the writable simulator's own printer honest against real servers: every corpus case's DDL (its
/// dependencies, then its input) is sent to a `--writable` simulator statement by statement, and the simulator's
/// `SHOW CREATE` text is compared with the real server's `expected_show_create.sql`. A case is either equal or listed
/// in `SimulatorKnownDifferences` with the reason, and then equal outside the part of the text that reason explains;
/// a listed case that has become equal must leave the list.
@Suite struct SimulatorPrinterCorpusTests {
    /// What one case gave.
    enum Result {
        case equal
        case different(simulator: String)
        case notReplayed(statement: String, error: String)
    }

    /// Replays `corpusCase` in a fresh writable simulator and compares its text with the server's.
    static func replay(_ corpusCase: Corpus.Case) -> Result {
        let database = corpusCase.database
        var state = SimulatorState()
        state.backendsAlive = 3
        state.backendsTotal = 3
        let simulator = Simulator(catalog: SimulatorCatalog(databases: [database: [:]], state: state),
                                  options: SimulatorOptions(writable: true, jobMilliseconds: 0))
        let statements = Corpus.statements(corpusCase.dependencies) + Corpus.statements(corpusCase.input)
        for statement in statements {
            Thread.sleep(forTimeInterval: 0.001) // a job of the previous statement ends (jobMilliseconds 0)
            if case .error(let error) = simulator.reply(to: statement, database: database) {
                return .notReplayed(statement: statement, error: error.message)
            }
        }
        let server = corpusCase.showCreate.trimmingCharacters(in: .whitespacesAndNewlines)
        let kind = server.hasPrefix("CREATE MATERIALIZED VIEW") ? "MATERIALIZED VIEW"
            : server.hasPrefix("CREATE VIEW") ? "VIEW" : "TABLE"
        let reply = simulator.reply(to: "SHOW CREATE \(kind) `\(corpusCase.objectName)`", database: database)
        guard case .resultSet(let result) = reply, let row = result.rows.first, row.count > 1, let text = row[1] else {
            return .notReplayed(statement: "SHOW CREATE \(kind) \(corpusCase.objectName)", error: "\(reply)")
        }
        let printed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return printed == server ? .equal : .different(simulator: printed)
    }

    @Test func simulatorTextEqualsTheServersOrIsAKnownDifference() {
        let cases = Corpus.cases()
        var equal = 0
        var known: [SimulatorKnownDifferences.Reason: Int] = [:]
        for corpusCase in cases {
            let reason = SimulatorKnownDifferences.cases[corpusCase.name]
            switch Self.replay(corpusCase) {
            case .equal:
                equal += 1
                if let reason {
                    let message = "\(corpusCase.name): the simulator now prints the server's text; remove it from "
                        + "SimulatorKnownDifferences (listed as \(reason.rawValue))"
                    Issue.record(Comment(rawValue: message))
                }
            case .different(let simulator):
                let server: String = corpusCase.showCreate.trimmingCharacters(in: .whitespacesAndNewlines)
                if let reason {
                    let scope = SimulatorKnownDifferences.scope(of: reason)
                    if SimulatorKnownDifferences.outside(scope, of: server)
                        == SimulatorKnownDifferences.outside(scope, of: simulator) {
                        known[reason, default: 0] += 1
                    } else {
                        var message = "\(corpusCase.name): listed as \(reason.rawValue), but the texts also differ "
                        message += "outside what that explains (\(scope)); fix the printer"
                        message += "\n--- server\n" + server + "\n--- simulator\n" + simulator
                        Issue.record(Comment(rawValue: message))
                    }
                } else {
                    var message = "\(corpusCase.name): the simulator's text differs from the server's and the case "
                    message += "is not a known difference; fix the printer (or list the case with its reason)"
                    message += "\n--- server\n" + server + "\n--- simulator\n" + simulator
                    Issue.record(Comment(rawValue: message))
                }
            case let .notReplayed(statement, error):
                let message = "\(corpusCase.name): the simulator rejected `\(statement)`: \(error)"
                Issue.record(Comment(rawValue: message))
            }
        }
        let knownTotal = known.values.reduce(0, +)
        let breakdown: [String] = known.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }
        let summary = "simulator printer vs \(cases.count) corpus cases: \(equal) equal, \(knownTotal) known "
            + "differences (" + breakdown.joined(separator: ", ") + ")"
        print(summary)
        #expect(cases.count > 100, "the corpus has \(cases.count) cases")
        #expect(equal + knownTotal == cases.count)
        #expect(SimulatorKnownDifferences.cases.keys.allSatisfy { name in cases.contains { $0.name == name } },
                "every listed case exists in the corpus")
    }
}
