import Foundation
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// `inspect` and `history --env` against `starrocks-sim` (a simulator, not StarRocks).
@Suite("inspect and history end to end (binary + simulator)", .serialized)
struct InspectHistoryEndToEndTests {
    @Test func inspectPrintsTheActualSchemaAsCanonicalDDL() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "1")
        objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true)
        let dev = try s.startSimulator(name: "dev", objects: objects)
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        let out = try BinaryRunner.run(["inspect", "--env", "dev", "--environments", s.environments.path],
                                       environment: [CheckScenario.passwordVariable: CheckScenario.password])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("CREATE TABLE `events`"))
        #expect(out.stdout.contains("`debug_flag` boolean"), "the hand-made column is part of the baseline")
        #expect(out.stdout.contains("CREATE MATERIALIZED VIEW `events_by_source`"))
        #expect(!out.stdout.contains("ENGINE=OLAP "), "canonical DDL, not the server's verbatim text")
        // The baseline is itself a valid schema source: diffing it against the server text finds nothing.
        let baseline = s.root.appendingPathComponent("baseline.sql")
        try out.stdout.write(to: baseline, atomically: true, encoding: .utf8)
        let again = try BinaryRunner.run(["schema", "--migrations", baseline.path])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func inspectOfAnUnreachableEnvironmentExitsTwo() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        try s.writeEnvironment(name: "dev", port: 1, replication: "1", backends: 1)
        let out = try BinaryRunner.run(["inspect", "--env", "dev", "--environments", s.environments.path],
                                       environment: [CheckScenario.passwordVariable: CheckScenario.password])
        #expect(out.status == 2)
        #expect(out.stderr.contains("dev"))
    }

    @Test func historyPlacesEachEnvironment() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        let prod = try s.startSimulator(name: "prod", objects: CheckScenario.objectsAtHead(replication: "3"),
                                        revision: "0002", backends: 3)
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
        let out = try BinaryRunner.run(["history", "--migrations", s.migrations.path, "--environments",
                                        s.environments.path, "--env", "dev", "--env", "prod"],
                                       environment: [CheckScenario.passwordVariable: CheckScenario.password])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("head: 0003"))
        #expect(out.stdout.contains("dev: at head 0003"), "\(out.stdout)")
        #expect(out.stdout.contains("prod: at 0002, 1 behind (pending: 0003)"), "\(out.stdout)")
    }
}
