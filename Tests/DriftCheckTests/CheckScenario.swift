import Foundation
@testable import DriftCheck
@testable import DriftDemo

/// Builds an end-to-end scenario on disk: simulator catalogs (verbatim SHOW CREATE text), the demo migration history,
/// environment files pointing at `starrocks-sim` processes, and an output directory.
final class CheckScenario: @unchecked Sendable {
    static let password = "s3cret-Pa55word-for-tests"
    static let passwordVariable = "DRIFT_E2E_PASSWORD"
    static let webhookVariable = "DRIFT_E2E_WEBHOOK"

    let root: URL
    var simulators: [BackgroundProcess] = []
    var receivers: [BackgroundProcess] = []

    init() throws {
        root = try BinaryRunner.temporaryDirectory("check-e2e")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
        for file in DemoMigrations.files {
            try file.text.write(to: migrations.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
    }

    var migrations: URL { root.appendingPathComponent("migrations") }
    var environments: URL { root.appendingPathComponent("environments") }
    var out: URL { root.appendingPathComponent("out") }

    /// The objects a server at head shows for `replication`.
    static func objectsAtHead(replication: String) -> [String: String] {
        [
            "events": DemoCatalogs.events(replication: replication, handMadeColumn: false),
            "users": DemoCatalogs.users(replication: replication, buckets: nil),
            "daily_active_users": DemoCatalogs.dailyActiveUsers,
            "events_by_source": DemoCatalogs.eventsBySource(replication: replication),
            "alembic_version": DemoCatalogs.alembicVersion(replication: replication),
        ]
    }

    /// Writes a catalog directory and starts `starrocks-sim` on it; returns the port.
    @discardableResult
    func startSimulator(name: String, objects: [String: String], revision: String? = "0003", backends: Int = 1,
                        serverVersion: String = "3.3.2", extraState: String = "", extraArguments: [String] = [],
                        environment: [String: String] = [:]) throws -> Int {
        let dir = root.appendingPathComponent("sim-\(name)")
        let db = dir.appendingPathComponent("databases/analytics")
        try FileManager.default.createDirectory(at: db, withIntermediateDirectories: true)
        for (object, text) in objects {
            try text.write(to: db.appendingPathComponent("\(object).sql"), atomically: true, encoding: .utf8)
        }
        var state = "server_version: \"\(serverVersion)\"\nbackends: {alive: \(backends), total: \(backends)}\n"
        if let revision { state += "version: {table: alembic_version, revision: \"\(revision)\"}\n" }
        state += extraState
        try state.write(to: dir.appendingPathComponent("state.yaml"), atomically: true, encoding: .utf8)
        let sim = try BackgroundProcess(
            executable: BinaryRunner.productsDirectory.appendingPathComponent("starrocks-sim"),
            arguments: ["--catalog", dir.path, "--port", "0", "--user", "drift_reader",
                        "--password-env", Self.passwordVariable, "--log", root.appendingPathComponent("sim-\(name).log").path]
                + extraArguments,
            environment: [Self.passwordVariable: Self.password].merging(environment) { $1 })
        simulators.append(sim)
        return sim.port
    }

    /// Starts the local webhook receiver answering `statuses` in turn; returns its URL (with a secret token path).
    func startReceiver(statuses: [Int] = [200]) throws -> (url: String, records: URL) {
        let records = root.appendingPathComponent("webhook-\(receivers.count)")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        let script = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/DriftCheckTests/Fixtures/webhook_receiver.py")
        let receiver = try BackgroundProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                             arguments: ["python3", script.path, records.path] + statuses.map(String.init))
        receivers.append(receiver)
        return ("http://127.0.0.1:\(receiver.port)/services/T000/B000/SecretWebhookToken42", records)
    }

    /// Writes `environments/<name>.yaml`.
    func writeEnvironment(name: String, port: Int, replication: String, backends: Int,
                          notify: String = "") throws {
        let yaml = """
        name: \(name)
        connection:
          url: starrocks://drift_reader@127.0.0.1:\(port)/default_catalog.analytics
          password_env: \(Self.passwordVariable)
          connect_timeout_s: 3
          read_timeout_s: 10
          tls: disabled
        databases: [analytics]
        variables: {replication_num: "\(replication)"}
        expect:
          backends: \(backends)
          properties: {replication_num: "\(replication)"}
        \(notify)
        """
        try yaml.write(to: environments.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
    }

    /// Runs `starrocks-drift check` with the test password (and webhook URL) in the environment.
    func check(_ extra: [String] = [], webhookURL: String? = nil) throws -> BinaryRunner.Output {
        var env: [String: String?] = [Self.passwordVariable: Self.password]
        if let webhookURL { env[Self.webhookVariable] = webhookURL }
        return try BinaryRunner.run(["check", "--environments", environments.path, "--migrations", migrations.path,
                                     "--out", out.path] + extra, environment: env)
    }

    /// The JSON report, parsed.
    func report() throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("drift-report.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func environment(_ name: String) throws -> [String: Any] {
        let envs = try report()["environments"] as? [[String: Any]] ?? []
        return envs.first { $0["name"] as? String == name } ?? [:]
    }

    func findings(_ name: String) throws -> [[String: Any]] {
        try environment(name)["findings"] as? [[String: Any]] ?? []
    }

    /// Every file the run wrote or logged, as text. The webhook receiver's request paths (which hold the URL's
    /// token by design: that is where the message was sent) can be left out.
    func allOutputs(excludingReceiverPaths: Bool = false) throws -> String {
        var text = ""
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if excludingReceiverPaths && url.pathExtension == "path" { continue }
            if let data = try? Data(contentsOf: url) { text += String(decoding: data, as: UTF8.self) }
        }
        return text
    }

    func finish() {
        simulators.forEach { $0.stop() }
        receivers.forEach { $0.stop() }
        try? FileManager.default.removeItem(at: root)
    }
}
