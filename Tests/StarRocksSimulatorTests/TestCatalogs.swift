import DriftTestSupport
import Foundation
import StarRocksSimulator
import Testing

/// Paths and catalogs the simulator tests share.
enum TestCatalogs {
    /// `Tests/Fixtures/StarRocksCorpus`.
    static var corpus: URL { RepositoryPaths.starRocksCorpus }

    /// The verbatim text of corpus case `name`'s `expected_show_create.sql`; records an issue naming the path when
    /// it is missing.
    static func corpusText(_ caseName: String, file: String = "expected_show_create.sql") -> String {
        let path = corpus.appendingPathComponent("cases/\(caseName)/\(file)").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            let message = "corpus file missing: looked for \(path) (restore it with git checkout)"
            Issue.record("\(message)")
            return ""
        }
        return text
    }

    /// A primary-key table (case 001), a materialized view (case 041) and a view (case 109) in `analytics`.
    static var small: SimulatorCatalog {
        SimulatorCatalog(
            databases: ["analytics": [
                "t": corpusText("001_test_alter_table_t"),
                "mv1": corpusText("041_test_materialized_view_mv1"),
                "test_view": corpusText("109_test_view_test_view"),
            ]],
            state: SimulatorState(
                serverVersion: "3.3.2",
                versionTable: VersionTableState(revisions: ["3f2a9c1b"]),
                backendsAlive: 1, backendsTotal: 2,
                alterJobs: [SimulatedAlterJob(table: "t", state: "RUNNING", jobID: 4242)],
                materializedViews: [SimulatedMaterializedViewStatus(
                    name: "mv1", isActive: false, inactiveReason: "base table dropped", lastRefreshState: "FAILED",
                    lastRefreshErrorMessage: "refresh failed")]))
    }

    /// The result set of `sql` answered in-process, or a recorded issue.
    static func resultSet(_ simulator: Simulator, _ sql: String, database: String? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) -> SimulatedResultSet {
        switch simulator.reply(to: sql, database: database) {
        case .resultSet(let result): return result
        case let other:
            Issue.record("expected a result set for `\(sql)`, got \(other)", sourceLocation: sourceLocation)
            return SimulatedResultSet(columns: [], rows: [])
        }
    }

    /// The error `sql` gets, or a recorded issue.
    static func error(_ simulator: Simulator, _ sql: String, database: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) -> SimulatedServerError? {
        switch simulator.reply(to: sql, database: database) {
        case .error(let error): return error
        case let other:
            Issue.record("expected an error for `\(sql)`, got \(other)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
