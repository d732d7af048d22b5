// DriftDemo: the `demo` subcommand's simulated environments, migrations and runner. Kept out of DriftCheck so that
// the production pipeline never links the simulator; only the executable (for `demo`) and the tests use it.
import DriftCheck
import DriftReport
import Foundation
import StarRocksSimulator

/// `demo`: starts two in-process StarRocks *simulators* (`dev` clean, `prod` with planted drift), writes a small
/// workspace (migrations + environment files pointing at the simulators), runs the real `check` pipeline against
/// them, and returns a summary saying where the reports are.
public enum DemoRunner {
    static let user = "drift_reader"

    public static func run(outputDirectory: String, progress: DriftCheck.Progress) async throws -> String {
        let workspace = FileManager.default.temporaryDirectory
            .appendingPathComponent("starrocks-drift-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let password = UUID().uuidString
        // The check reads the password from the variables its request carries, never from the process environment.
        let passwordVariable = "STARROCKS_DRIFT_DEMO_PASSWORD"

        var simulators: [Simulator] = []
        defer { simulators.forEach { $0.stop() } }
        var ports: [String: UInt16] = [:]
        for (name, prod) in [("dev", false), ("prod", true)] {
            let simulator = Simulator(catalog: catalog(prod: prod),
                                      options: SimulatorOptions(user: user, password: password))
            do {
                ports[name] = try simulator.start()
            } catch {
                throw DemoError.simulatorDidNotStart(environment: name, reason: "\(error)")
            }
            simulators.append(simulator)
        }
        progress("demo: StarRocks simulators (not StarRocks) listening for dev on 127.0.0.1:\(ports["dev"]!) and prod on 127.0.0.1:\(ports["prod"]!)")

        let migrations = workspace.appendingPathComponent("migrations")
        let environments = workspace.appendingPathComponent("environments")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
        for file in DemoMigrations.files {
            try file.text.write(to: migrations.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
        for (name, replication) in [("dev", 1), ("prod", 3)] {
            let yaml = environmentFile(name: name, port: ports[name]!, passwordVariable: passwordVariable,
                                       replication: replication)
            try yaml.write(to: environments.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        }

        let request = CheckRequest(environmentsDirectory: environments.path, migrationsPath: migrations.path,
                                   outputDirectory: outputDirectory, notify: false, progress: progress,
                                   variables: [passwordVariable: password])
        let result = try await CheckRunner().run(request)
        var lines = ["", "starrocks-drift demo (against StarRocks simulators, not real servers):"]
        for environment in result.document.environments {
            let counts = Dictionary(grouping: environment.findings, by: \.status).mapValues(\.count)
            let detail = environment.findings.isEmpty ? "no findings"
                : counts.keys.sorted { $0.rawValue < $1.rawValue }.map { "\(counts[$0]!) \($0.rawValue)" }.joined(separator: ", ")
            lines.append("  \(environment.name): \(environment.status.rawValue) (\(detail))")
        }
        lines.append("exit code a CI job would get: \(result.outcome.rawValue) (the demo itself exits 0)")
        lines.append("reports: " + result.reportPaths.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    static func catalog(prod: Bool) -> SimulatorCatalog {
        var state = SimulatorState()
        state.serverVersion = "3.3.2"
        state.backendsAlive = prod ? 3 : 1
        state.backendsTotal = prod ? 3 : 1
        state.versionTable = VersionTableState(table: "alembic_version", database: DemoCatalogs.database,
                                               revisions: [DemoMigrations.head])
        return SimulatorCatalog(databases: [DemoCatalogs.database: DemoCatalogs.objects(prod: prod)], state: state)
    }

    static func environmentFile(name: String, port: UInt16, passwordVariable: String, replication: Int) -> String {
        """
        # demo environment '\(name)': a StarRocks simulator on loopback
        name: \(name)
        connection:
          url: starrocks://\(user)@127.0.0.1:\(port)/default_catalog.\(DemoCatalogs.database)
          password_env: \(passwordVariable)
          connect_timeout_s: 5
          read_timeout_s: 30
          tls: disabled
        databases: [\(DemoCatalogs.database)]
        variables: {replication_num: "\(replication)"}
        expect:
          backends: \(replication)
          properties: {replication_num: "\(replication)"}
        version_table: alembic_version
        fail_on: error

        """
    }
}
