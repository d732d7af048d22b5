import Foundation
@testable import DriftCheck

/// A `calibrate` scenario on disk: a `starrocks-sim --writable` playing an unknown StarRocks version — one newer than
/// the property registry: its printer adds properties the registry has no row for, no longer prints
/// `enable_query_rewrite` set to `false` (a changed default), spells `enable_load_profile` `false` as `"0"` and puts a
/// comment nobody wrote on views — a writer user for `upgrade` and `calibrate`, a history that sets those properties,
/// environment files.
final class CalibrateScenario: @unchecked Sendable {
    static let writerPassword = "pr0be-Pa55word-for-tests"
    static let writerVariable = "DRIFT_E2E_PROBE_PASSWORD"
    static let prefix = "_starrocks_drift_probe"

    /// How the simulated server prints differently from the simulator's own printer.
    static let printer = """
    printer:
      added_properties:
        table: {future_tablet_policy: "balanced", file_bundling: "true"}
        materialized_view: {mv_staleness_guard: "strict"}
      unprinted_defaults: {materialized_view: {enable_query_rewrite: "false"}}
      value_spellings: {enable_load_profile: {"false": "0"}}
      rewrites: {view: [{pattern: " SECURITY NONE AS ", replacement: " COMMENT \\"SYSTEM_VIEW\\" SECURITY NONE AS "}]}

    """

    static let migrations: [(String, String)] = [
        ("0001_events.sql", """
        -- revision: 0001
        -- down_revision: none
        -- message: events and a daily MV
        CREATE TABLE events (
          id BIGINT NOT NULL,
          d DATE NOT NULL,
          kind VARCHAR(20)
        )
        DUPLICATE KEY(id, d)
        DISTRIBUTED BY HASH(id) BUCKETS 1
        PROPERTIES ("replication_num" = "${replication_num}", "enable_load_profile" = "false");
        CREATE MATERIALIZED VIEW events_by_day
        DISTRIBUTED BY HASH(d) BUCKETS 1
        REFRESH DEFERRED MANUAL
        PROPERTIES ("replication_num" = "${replication_num}", "enable_query_rewrite" = "false")
        AS SELECT d, COUNT(*) AS n FROM events GROUP BY d;
        """),
    ]

    let base: CheckScenario
    var port = 0
    var log: URL { base.root.appendingPathComponent("sim-cal.log") }
    var cases: URL { base.root.appendingPathComponent("cases") }
    var profile: URL { base.environments.appendingPathComponent("dev.profile.yaml") }

    init() throws {
        base = try CheckScenario()
        for file in try FileManager.default.contentsOfDirectory(at: base.migrations, includingPropertiesForKeys: nil) {
            try FileManager.default.removeItem(at: file)
        }
        for (name, text) in Self.migrations {
            try text.write(to: base.migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// Starts the writable simulator; `databases` are extra (empty) databases it starts with.
    func start(databases: [String] = [], latencyMilliseconds: Int = 0, runMode: String = "shared_nothing",
               extra: [String] = []) throws {
        for name in databases {
            try FileManager.default.createDirectory(
                at: base.root.appendingPathComponent("sim-cal/databases/\(name)"), withIntermediateDirectories: true)
        }
        port = try base.startSimulator(
            name: "cal", objects: [:], revision: nil, backends: 1, serverVersion: "9.9.1",
            extraState: Self.printer + "run_mode: \(runMode)\n",
            extraArguments: ["--writable", "--job-ms", "0", "--writer", "drift_probe",
                             "--writer-password-env", Self.writerVariable, "--latency-ms", String(latencyMilliseconds)] + extra,
            environment: [Self.writerVariable: Self.writerPassword])
    }

    /// Writes `environments/dev.yaml`; `calibrate` false leaves the `calibrate:` block out.
    func writeEnvironment(calibrate: Bool = true) throws {
        let blocks = """
        upgrade:
          allowed: true
          user: drift_probe
          password_env: \(Self.writerVariable)
        """ + (calibrate ? """

        calibrate:
          user: drift_probe
          password_env: \(Self.writerVariable)
          database_prefix: \(Self.prefix)
        """ : "")
        try base.writeEnvironment(name: "dev", port: port, replication: "1", backends: 1, notify: blocks)
    }

    var variables: [String: String?] {
        [CheckScenario.passwordVariable: CheckScenario.password, Self.writerVariable: Self.writerPassword]
    }

    /// Runs `starrocks-drift <subcommand> --env dev` with both passwords in the environment.
    func run(_ subcommand: String, _ extra: [String] = []) throws -> BinaryRunner.Output {
        try BinaryRunner.run([subcommand, "--env", "dev", "--environments", base.environments.path,
                              "--migrations", base.migrations.path] + extra, environment: variables)
    }

    /// `calibrate --env dev` as a process of its own (to be signalled).
    func startCalibrate(_ extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent("starrocks-drift")
        process.arguments = ["calibrate", "--env", "dev", "--environments", base.environments.path] + extra
        var environment = ProcessInfo.processInfo.environment
        environment[Self.writerVariable] = Self.writerPassword
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (up to 30 s) until the simulator's log has a line starting with `prefix`.
    func waitForStatement(_ prefix: String) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if statements().contains(where: { $0.hasPrefix(prefix) }) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The simulator's statement log, one statement per line.
    func statements() -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Log lines that change the server.
    func writes() -> [String] {
        statements().filter { line in
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            return ["CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "GRANT"].contains(verb)
        }
    }

    /// The probe databases a run created (from the log).
    func probeDatabasesCreated() -> [String] {
        statements().compactMap { line in
            guard line.hasPrefix("CREATE DATABASE `\(Self.prefix)_") else { return nil }
            return String(line.dropFirst("CREATE DATABASE `".count).prefix { $0 != "`" })
        }
    }

    func finish() { base.finish() }
}
