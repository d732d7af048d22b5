import Foundation
import SchemaDiff
import Testing
@testable import DriftCheck

/// The `calibrate:` block, the profile file next to the environment file, and the probe database's name.
@Suite("calibrate config, profile file and probe names")
struct CalibrateConfigTests {
    @Test func calibrateBlockIsReadWithTheDefaultPrefix() throws {
        let yaml = "connection:\n  url: starrocks://r@fe:9030/db\ncalibrate:\n  user: drift_probe\n  password_env: PROBE_PW\n"
        let config = try EnvironmentLoader.parse(yaml: yaml, file: "x.yaml", defaultName: "x")
        #expect(config.calibrate == CalibrateSettings(user: "drift_probe", passwordEnv: "PROBE_PW",
                                                      databasePrefix: "_starrocks_drift_probe"))
        let absent = try EnvironmentLoader.parse(yaml: "connection:\n  url: starrocks://r@fe:9030/db\n", file: "x.yaml",
                                                 defaultName: "x")
        #expect(absent.calibrate == nil)
    }

    @Test(arguments: [
        ("calibrate:\n  password_env: X\n", "calibrate.user", "missing required key 'user'"),
        ("calibrate:\n  user: u\n  database_prefix: \"bad-prefix\"\n", "calibrate.database_prefix", "cannot start a StarRocks database name"),
        ("calibrate:\n  user: u\n  database_prefix: __x\n", "calibrate.database_prefix", "cannot start a StarRocks database name"),
        ("calibrate:\n  user: u\n  password: x\n", "calibrate.password", "unknown key 'password'"),
    ])
    func badCalibrateBlocksNameFileLineAndKey(_ block: String, _ key: String, _ message: String) {
        let yaml = "connection:\n  url: starrocks://r@fe:9030/db\n" + block
        #expect {
            try EnvironmentLoader.parse(yaml: yaml, file: "env/dev.yaml", defaultName: "dev")
        } throws: { error in
            let text = "\(error)"
            return text.contains("env/dev.yaml:") && text.contains(key) && text.contains(message)
        }
    }

    @Test func profileIsReadWithItsEnvironmentAndNeverTakenForOne() throws {
        let directory = try BinaryRunner.temporaryDirectory("profile-load")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "connection:\n  url: starrocks://r@fe:9030/db\n"
            .write(to: directory.appendingPathComponent("dev.yaml"), atomically: true, encoding: .utf8)
        let profile = ServerProfile(serverVersion: "3.5.1", runMode: "shared_data", learnedAt: "2026-12-07T04:00:00Z",
                                    filledIn: [.table: ["file_bundling": ["true", "false"]]],
                                    unprinted: [.materializedView: ["bloom_filter_columns": [""]]],
                                    spellings: ["enable_query_rewrite": ["false": "FALSE"], "x": ["a\"b": "c\\d"]])
        try ProfileFile.render(profile, environment: "dev")
            .write(to: directory.appendingPathComponent("dev.profile.yaml"), atomically: true, encoding: .utf8)
        let all = try EnvironmentLoader.loadAll(directory: directory.path)
        #expect(all.map(\.name) == ["dev"])
        #expect(all.first?.profile == profile)
    }

    @Test(arguments: [
        ("format_version: 2\nserver_version: \"1\"\nrun_mode: x\nlearned_at: y\n", "format_version 2 is not 1"),
        ("format_version: 1\nrun_mode: x\nlearned_at: y\n", "missing required key 'server_version'"),
        ("format_version: 1\nserver_version: \"1\"\nrun_mode: x\nlearned_at: y\nfilled_in: {index: {}}\n", "unknown key 'index'"),
        ("format_version: 1\nserver_version: \"1\"\nrun_mode: x\nlearned_at: y\nextra: 1\n", "unknown key 'extra'"),
    ])
    func badProfilesAreErrorsNamingTheFile(_ text: String, _ message: String) {
        #expect {
            try ProfileFile.parse(text, file: "environments/dev.profile.yaml")
        } throws: { error in
            "\(error)".contains("environments/dev.profile.yaml") && "\(error)".contains(message)
        }
    }

    @Test func probeDatabaseNamesCarryTheirCreationTime() {
        let now = Date(timeIntervalSince1970: 1_765_000_000)
        let name = ProbeDatabaseName.make(prefix: "_p", now: now)
        #expect(name.hasPrefix("_p_1765000000_") && name.count == "_p_1765000000_".count + 6)
        #expect(ProbeDatabaseName.created(name, prefix: "_p") == now)
        let names = ["_p_1764990000_abcdef", "_p_1764999000_abcdef", "_p_x", "analytics", "_p2_1_abcdef"]
        #expect(ProbeDatabaseName.stale(names, prefix: "_p", now: now, staleAfter: 3600) == ["_p_1764990000_abcdef"])
    }

    @Test func diffWithAnEnvironmentUsesItsProfile() async throws {
        let directory = try BinaryRunner.temporaryDirectory("profile-diff")
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = directory.appendingPathComponent("expected.sql")
        let actual = directory.appendingPathComponent("actual.sql")
        try "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\");"
            .write(to: expected, atomically: true, encoding: .utf8)
        try """
        CREATE TABLE `t` (
          `k` int(11) NULL COMMENT ""
        ) ENGINE=OLAP 
        DUPLICATE KEY(`k`)
        DISTRIBUTED BY HASH(`k`) BUCKETS 1
        PROPERTIES (
        "future_tablet_policy" = "balanced",
        "replication_num" = "1"
        );
        """.write(to: actual, atomically: true, encoding: .utf8)
        var environment = try EnvironmentLoader.parse(yaml: "connection:\n  url: starrocks://r@fe:9030/default\n",
                                                      file: directory.appendingPathComponent("dev.yaml").path,
                                                      defaultName: "dev")
        let without = try await DiffRunner.run(DiffRequest(expected: .path(expected.path), actual: .path(actual.path),
                                                           environment: environment))
        #expect(without.outcome == .drift, "\(without.output)")
        environment.profile = ServerProfile(serverVersion: "9.9.1", runMode: "shared_nothing", learnedAt: "x",
                                            filledIn: [.table: ["future_tablet_policy": ["balanced"]]])
        let with = try await DiffRunner.run(DiffRequest(expected: .path(expected.path), actual: .path(actual.path),
                                                        environment: environment))
        #expect(with.outcome == .clean, "\(with.output)")
    }
}
