import Foundation
import Testing
@testable import DriftCheck

/// `diff --expected env:A --actual env:B`: two live schemas (two `starrocks-sim` processes, simulators, not
/// StarRocks) compared directly, each read with its own environment file.
@Suite("diff env vs env end to end (binary + simulators)", .serialized)
struct EnvironmentDiffEndToEndTests {
    /// dev at head with `replication_num` 1; prod with its own 3, plus three planted differences: a column added by
    /// hand, a missing MV, and `users` left at replication 1 although prod's value is 3.
    func devAndProd(_ s: CheckScenario) throws {
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        var prodObjects = CheckScenario.objectsAtHead(replication: "3")
        // The server's text with a column added by hand after the last one.
        let events = try #require(prodObjects["events"])
        prodObjects["events"] = events.replacingOccurrences(
            of: "`utm_campaign` varchar(100) NULL COMMENT \"\"\n",
            with: "`utm_campaign` varchar(100) NULL COMMENT \"\",\n  `debug_flag` boolean NULL COMMENT \"\"\n")
        #expect(prodObjects["events"] != events)
        prodObjects["events_by_source"] = nil
        prodObjects["users"] = CheckScenario.objectsAtHead(replication: "1")["users"]
        let prod = try s.startSimulator(name: "prod", objects: prodObjects, backends: 3)
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
    }

    func diff(_ s: CheckScenario, _ arguments: [String]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["diff", "--environments", s.environments.path] + arguments,
                             environment: [CheckScenario.passwordVariable: CheckScenario.password])
    }

    func kinds(_ output: BinaryRunner.Output) throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any] ?? [:]
        let environments = document["environments"] as? [[String: Any]] ?? []
        let findings = environments.first?["findings"] as? [[String: Any]] ?? []
        return findings.map { "\($0["kind"] as? String ?? "?") \($0["object"] as? String ?? "?")" }.sorted()
    }

    @Test func devAgainstProdFindsExactlyThePlantedDifferences() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        try devAndProd(s)
        let out = try diff(s, ["--expected", "env:dev", "--actual", "env:prod", "--format", "json"])
        #expect(out.status == 1, "\(out.stderr)")
        // replication_num 1 on dev and 3 on prod is each environment's own value: not a difference.
        #expect(try kinds(out) == [
            "missing_materialized_view analytics.events_by_source",
            "property analytics.users.properties.replication_num",
            "unexpected_column analytics.events.debug_flag",
        ], "\(out.stdout)")
        let text = try diff(s, ["--expected", "env:dev", "--actual", "env:prod"])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("dev vs prod: drift — 3 finding(s)"), "\(text.stdout)")
        #expect(!text.stdout.contains("alembic_version"), "each side's version table is left out")
        #expect(text.stdout.contains("fix:      ALTER TABLE `analytics`.`users` SET (\"replication_num\" = \"3\");"),
                "the fix carries prod's own value: \(text.stdout)")
        #expect(!(text.stdout + text.stderr).contains(CheckScenario.password))
    }

    @Test func theSameEnvironmentOnBothSidesIsClean() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        try devAndProd(s)
        let out = try diff(s, ["--expected", "env:prod", "--actual", "env:prod"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("no drift"), "\(out.stdout)")
    }

    @Test func anEnvironmentAgainstTheMigrationsUsesItsOwnVariables() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        try devAndProd(s)
        // The migrations' ${replication_num} is filled from prod's variables (3) without --env.
        let out = try diff(s, ["--expected", s.migrations.path, "--actual", "env:prod", "--format", "json"])
        #expect(out.status == 1, "\(out.stderr)")
        #expect(try kinds(out) == [
            "missing_materialized_view analytics.events_by_source",
            "property analytics.users.properties.replication_num",
            "unexpected_column analytics.events.debug_flag",
        ], "\(out.stdout)")
        let dev = try diff(s, ["--expected", s.migrations.path, "--actual", "env:dev"])
        #expect(dev.status == 0, "\(dev.stdout)\(dev.stderr)")
    }

    @Test func anUnknownOrUnreachableEnvironmentExitsTwo() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        try s.writeEnvironment(name: "dev", port: 1, replication: "1", backends: 1)
        let unknown = try diff(s, ["--expected", "env:staging", "--actual", "env:dev"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--expected env:staging: unknown environment 'staging'"), "\(unknown.stderr)")
        let unreachable = try diff(s, ["--expected", s.migrations.path, "--actual", "env:dev"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("env:dev:"), "\(unreachable.stderr)")
        let empty = try diff(s, ["--expected", "env:", "--actual", "env:dev"])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("needs an environment name"), "\(empty.stderr)")
    }
}
