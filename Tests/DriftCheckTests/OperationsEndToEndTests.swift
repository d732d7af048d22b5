import Foundation
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// Issue "StarRocks operations": each operational finding produced from `starrocks-sim` state (simulator, not
/// StarRocks) and shown in both the JSON and the Markdown report.
@Suite("operations end to end (binary + simulator)", .serialized)
struct OperationsEndToEndTests {
    struct Scenario: Sendable, CustomStringConvertible {
        var name: String
        /// Objects to change on the server side (nil value = drop the object).
        var objects: [String: String?] = [:]
        var revision: String? = "0003"
        var backends = 1
        var expectBackends = 1
        var state = ""
        var kind: String
        var object: String
        var severity: String
        var exit: Int32
        var description: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "stuck schema change", state: """
            alter_jobs: [{table: users, state: FINISHED_REWRITING, create_time: "2026-01-01 00:00:00"}]

            """, kind: "schema_change_stuck", object: "analytics.users", severity: "warning", exit: 0),
        Scenario(name: "cancelled schema change", state: """
            alter_jobs: [{table: users, state: CANCELLED, msg: "type change not supported", create_time: "\(recent)", finish_time: "\(recent)"}]

            """, kind: "schema_change_cancelled", object: "analytics.users", severity: "warning", exit: 0),
        Scenario(name: "never migrated", revision: nil, kind: "version_table_missing",
                 object: "analytics.alembic_version", severity: "error", exit: 1),
        Scenario(name: "unmerged branch applied", revision: "feature_x", kind: "revision_unknown",
                 object: "analytics.alembic_version", severity: "error", exit: 1),
        Scenario(name: "several version rows", state: "", kind: "version_table_rows",
                 object: "analytics.alembic_version", severity: "warning", exit: 0),
        Scenario(name: "backend down", backends: 1, expectBackends: 3, kind: "backends_missing",
                 object: "cluster.backends", severity: "warning", exit: 0),
        Scenario(name: "inactive materialized view", state: """
            materialized_views: [{name: events_by_source, is_active: false, inactive_reason: "base table events was swapped"}]

            """, kind: "materialized_view_inactive", object: "analytics.events_by_source", severity: "warning", exit: 0),
        Scenario(name: "failing refresh", state: """
            materialized_views: [{name: events_by_source, is_active: true, last_refresh_state: FAILED, last_refresh_error_message: "memory limit exceeded"}]

            """, kind: "materialized_view_refresh_failed", object: "analytics.events_by_source", severity: "warning", exit: 0),
        Scenario(name: "declared partition missing on the server",
                 objects: ["events": DemoCatalogs.events(replication: "1", handMadeColumn: false)
                    .replacingOccurrences(of: "PARTITION p202607 VALUES [(\"2026-07-01\"), (\"2026-08-01\")),\n", with: "")],
                 kind: "partition_missing", object: "analytics.events.partitions.p202607", severity: "error", exit: 1),
    ]

    /// A timestamp an hour ago, in StarRocks' format.
    static var recent: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date().addingTimeInterval(-3600))
    }

    @Test(arguments: scenarios)
    func findingAppearsInBothReports(_ scenario: Scenario) throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "1")
        for (name, text) in scenario.objects { objects[name] = text }
        var state = scenario.state
        if scenario.name == "several version rows" {
            state += "version: {table: alembic_version, revisions: [\"0002\", \"0003\"]}\n"
        }
        let port = try s.startSimulator(name: "dev", objects: objects,
                                        revision: scenario.name == "several version rows" ? nil : scenario.revision,
                                        backends: scenario.backends, extraState: state)
        try s.writeEnvironment(name: "dev", port: port, replication: "1", backends: scenario.expectBackends)
        let out = try s.check()
        #expect(out.status == scenario.exit, "\(scenario.name): \(out.stderr)")
        let findings = try s.findings("dev")
        let match = findings.first { $0["kind"] as? String == scenario.kind && $0["object"] as? String == scenario.object }
        #expect(match != nil, "\(scenario.name): \(findings.map { "\($0["kind"] ?? "") \($0["object"] ?? "")" })")
        #expect(match?["severity"] as? String == scenario.severity, "\(scenario.name)")
        let markdown = try String(contentsOf: s.out.appendingPathComponent("drift-report.md"), encoding: .utf8)
        #expect(markdown.contains(scenario.kind), "\(scenario.name): the Markdown report names the finding")
        #expect(markdown.contains(scenario.object), "\(scenario.name): the Markdown report names the object")
    }

    @Test func partitionWindowEndingSoonIsAWarning() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        // A history whose declared window ends a few days from now.
        let end = Date().addingTimeInterval(3 * 86_400)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let start = formatter.string(from: end.addingTimeInterval(-5 * 86_400))
        let endText = formatter.string(from: end)
        let history = s.root.appendingPathComponent("window")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        try """
        -- revision: w1
        -- down_revision: none
        CREATE TABLE clicks (d DATE NOT NULL, n BIGINT) DUPLICATE KEY(d)
        PARTITION BY RANGE(d) (START ("\(start)") END ("\(endText)") EVERY (INTERVAL 1 DAY))
        DISTRIBUTED BY HASH(d) PROPERTIES ("replication_num" = "${replication_num}");
        """.write(to: history.appendingPathComponent("w1.sql"), atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["schema", "--migrations", history.path, "--env", "dev"],
                                       currentDirectory: BinaryRunner.repositoryRoot)
        #expect(out.status == 0, "\(out.stderr)")
        // The server shows the expanded window: build it from the schema's own partitions by diffing offline.
        let port = try s.startSimulator(name: "dev", objects: [:], revision: "w1")
        try s.writeEnvironment(name: "dev", port: port, replication: "1", backends: 1)
        let run = try BinaryRunner.run(["check", "--environments", s.environments.path, "--migrations", history.path,
                                        "--out", s.out.path],
                                       environment: [CheckScenario.passwordVariable: CheckScenario.password])
        let kinds = try s.findings("dev").compactMap { $0["kind"] as? String }
        #expect(kinds.contains("partition_window_ending"), "\(kinds) \(run.stderr)")
    }
}
