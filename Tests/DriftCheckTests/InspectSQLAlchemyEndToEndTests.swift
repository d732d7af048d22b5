import DriftTestSupport
import Foundation
import Testing
@testable import DriftCheck

/// `inspect --format sqlalchemy`: the models it writes, loaded through the models provider with the real pinned
/// SQLAlchemy and `starrocks` dialect, show no drift against the environment they came from (a simulator).
@Suite("inspect --format sqlalchemy end to end (binary, simulator, SQLAlchemy)", .serialized)
struct InspectSQLAlchemyEndToEndTests {
    /// Writes `inspect --format sqlalchemy` output to `<root>/<module>.py` and diffs it against the environment.
    static func roundTrip(root: URL, environments: URL, environment: String, style: String, module: String,
                          password: [String: String?] = [:]) throws -> (inspect: BinaryRunner.Output, diff: BinaryRunner.Output) {
        let python = try #require(AlembicExample.python)
        let inspect = try BinaryRunner.run(["inspect", "--env", environment, "--environments", environments.path,
                                            "--format", "sqlalchemy", "--style", style], environment: password)
        try inspect.stdout.write(to: root.appendingPathComponent("\(module).py"), atomically: true, encoding: .utf8)
        let attribute = style == "core" ? "metadata" : "Base"
        let diff = try BinaryRunner.run(["diff", "--expected", "models:\(module):\(attribute)", "--actual", "env:\(environment)",
                                         "--environments", environments.path, "--python", python, "--format", "json"],
                                        environment: password, currentDirectory: root)
        return (inspect, diff)
    }

    @Test(arguments: ["core", "declarative"])
    func theDemoEnvironmentRoundTrips(style: String) throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let port = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        try s.writeEnvironment(name: "dev", port: port, replication: "1", backends: 1)
        let (inspect, diff) = try Self.roundTrip(root: s.root, environments: s.environments, environment: "dev",
                                                 style: style, module: "dev_models_\(style)",
                                                 password: [CheckScenario.passwordVariable: CheckScenario.password])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("starrocks_partition_by="), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("MaterializedView("))
        #expect(!inspect.stdout.contains("alembic_version"), "the version table is not a model")
        #expect(!inspect.stdout.contains("\"compression\""), "server defaults are not written")
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)\n\(inspect.stdout)")
    }
}
