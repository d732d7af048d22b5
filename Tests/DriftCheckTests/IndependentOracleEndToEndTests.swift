import Foundation
import SchemaModel
import Testing

/// The writable simulator is an oracle independent of the normalizer it checks. `upgrade` applies a migration to a
/// `starrocks-sim --writable`, which prints the created table with its own printer (written from StarRocks' FE
/// printing code); `check` then reads it back and compares it with the replayed history through the project's
/// normalizer. Clean is expected. Then the same scenario runs with one normalizer rule broken on purpose — the
/// least invasive honest switch: DEBUG builds read `STARROCKS_DRIFT_TEST_BROKEN_RULE` once in SchemaModel
/// (`Normalize.brokenRule`; release builds compile it out) and the `primary_key_not_null` rule then leaves PRIMARY
/// KEY columns declared without NOT NULL nullable. Both processes — the simulator and starrocks-drift — get the
/// variable, as they would share a broken build. The check must turn red: the simulator still prints the server's
/// `NOT NULL`. When the simulator printed through `Normalize` (the former ServerStyleDDL), the broken rule broke the
/// oracle too, both sides said NULL, and this check came out clean — the bug hidden. Needs a DEBUG build of both
/// binaries (what `swift build` / `swift test` and scripts/test.sh make).
@Suite(.serialized) struct IndependentOracleEndToEndTests {
    /// One revision: a PRIMARY KEY table whose key column says neither NULL nor NOT NULL.
    static let migration = """
    -- revision: 0001
    -- down_revision: none
    -- message: accounts
    CREATE TABLE accounts (
      id BIGINT,
      name STRING,
      created DATETIME
    )
    PRIMARY KEY(id)
    DISTRIBUTED BY HASH(id)
    PROPERTIES ("replication_num" = "${replication_num}");
    """

    /// `upgrade` then `check` against a fresh writable simulator, both processes with `brokenRule` (or none).
    static func upgradeThenCheck(brokenRule: Normalize.BreakableRule?)
        throws -> (upgrade: BinaryRunner.Output, check: BinaryRunner.Output, report: [String: Any]) {
        let scenario = try UpgradeScenario()
        defer { scenario.finish() }
        let migrations = scenario.base.migrations
        for file in try FileManager.default.contentsOfDirectory(at: migrations, includingPropertiesForKeys: nil) {
            try FileManager.default.removeItem(at: file)
        }
        try migration.write(to: migrations.appendingPathComponent("0001_accounts.sql"), atomically: true, encoding: .utf8)
        var broken: [String: String] = [:]
        if let brokenRule { broken[Normalize.brokenRuleVariable] = brokenRule.rawValue }
        scenario.port = try scenario.base.startSimulator(
            name: "up", objects: [:], revision: nil,
            extraArguments: ["--writable", "--job-ms", "100", "--writer", "drift_writer",
                             "--writer-password-env", UpgradeScenario.writerVariable],
            environment: [UpgradeScenario.writerVariable: UpgradeScenario.writerPassword].merging(broken) { $1 })
        try scenario.writeEnvironment()
        var environment: [String: String?] = [CheckScenario.passwordVariable: CheckScenario.password,
                                              UpgradeScenario.writerVariable: UpgradeScenario.writerPassword,
                                              Normalize.brokenRuleVariable: nil]
        for (key, value) in broken { environment[key] = value }
        let base = ["--environments", scenario.base.environments.path, "--migrations", migrations.path]
        let upgrade = try BinaryRunner.run(["upgrade", "--env", "dev", "--yes"] + base, environment: environment)
        let check = try BinaryRunner.run(["check", "--no-notify", "--out", scenario.base.out.path] + base,
                                         environment: environment)
        return (upgrade, check, (try? scenario.base.report()) ?? [:])
    }

    /// The findings of the report's first environment.
    static func findings(_ report: [String: Any]) -> [[String: Any]] {
        let environments = report["environments"] as? [[String: Any]] ?? []
        return environments.first?["findings"] as? [[String: Any]] ?? []
    }

    @Test func upgradeThenCheckIsCleanAndTurnsRedWhenANormalizerRuleIsBroken() throws {
        let clean = try Self.upgradeThenCheck(brokenRule: nil)
        #expect(clean.upgrade.status == 0, "\(clean.upgrade.stdout)\n\(clean.upgrade.stderr)")
        #expect(clean.check.status == 0, "\(clean.check.stdout)\n\(clean.check.stderr)")

        let broken = try Self.upgradeThenCheck(brokenRule: .primaryKeyNotNull)
        #expect(broken.check.status == 1, "a broken rule must show as drift:\n\(broken.check.stdout)\n\(broken.check.stderr)")
        let kinds = Self.findings(broken.report).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("column_nullability"), "findings: \(kinds)")
        let objects = Self.findings(broken.report).compactMap { $0["object"] as? String }
        #expect(objects.contains { $0.hasSuffix("accounts.id") }, "objects: \(objects)")
    }
}
