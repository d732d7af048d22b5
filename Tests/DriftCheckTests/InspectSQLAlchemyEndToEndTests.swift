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

    /// Every corpus case served by the simulator (grouped as the corpus live check groups them): the models written
    /// for it load through the provider and show no difference above info on any object they hold. Objects the
    /// writer leaves out are listed with the reason (and may only show as unexpected on the server side).
    @Test(arguments: ["core", "declarative"])
    func theCorpusRoundTripsThroughTheDialect(style: String) throws {
        let cases = Corpus.cases()
        try #require(!cases.isEmpty)
        let groups = CorpusLiveCheckTests.groups(cases)
        var failures: [String] = []
        var skipped: [String] = []
        var written = 0
        for (number, group) in groups.enumerated() {
            let root = try BinaryRunner.temporaryDirectory("corpus-models-\(style)-\(number)")
            defer { try? FileManager.default.removeItem(at: root) }
            let catalog = root.appendingPathComponent("catalog")
            try CorpusLiveCheckTests.writeCatalog(group, to: catalog)
            let simulator = try BackgroundProcess(
                executable: BinaryRunner.productsDirectory.appendingPathComponent("starrocks-sim"),
                arguments: ["--catalog", catalog.path, "--port", "0"])
            defer { simulator.stop() }
            let environments = root.appendingPathComponent("environments")
            try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
            let yaml = """
                connection:
                  url: starrocks://root@127.0.0.1:\(simulator.port)/drift_meta
                  tls: disabled
                databases: [drift_meta, \(group.map(\.database).joined(separator: ", "))]
                version_table: drift_meta.alembic_version

                """
            try yaml.write(to: environments.appendingPathComponent("corpus.yaml"), atomically: true, encoding: .utf8)
            let (inspect, diff) = try Self.roundTrip(root: root, environments: environments, environment: "corpus",
                                                     style: style, module: "corpus_models_\(number)")
            guard inspect.status == 0 else {
                failures.append("group \(number): inspect exited \(inspect.status): \(inspect.stderr)")
                continue
            }
            let left = inspect.stderr.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "not written (the starrocks dialect cannot express it): ") else { return nil }
                return String(line[range.upperBound...])
            }
            skipped += left
            let leftObjects = Set(left.compactMap { $0.split(separator: ":").first.map(String.init) })
            guard diff.status != 2 else {
                failures.append("group \(number) (\(group.map(\.corpusCase.name).joined(separator: ", "))): \(diff.stderr)")
                continue
            }
            let report = try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any] ?? [:]
            let findings = ((report["environments"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
            written += group.filter { !leftObjects.contains("\($0.database).\($0.corpusCase.objectName)") }.count
            // Every finding above info must be on an object the writer left out (the server has it, the models not).
            for finding in findings where finding["severity"] as? String != "info" {
                let name = finding["object"] as? String ?? ""
                guard !leftObjects.contains(where: { name == $0 || name.hasPrefix($0 + ".") }) else { continue }
                failures.append("group \(number): \(finding["kind"] ?? "") \(name): \(finding["message"] ?? "")")
            }
        }
        print("inspect --format sqlalchemy --style \(style) over the corpus: \(written) case objects round-tripped, \(skipped.count) objects left out:\n"
            + skipped.sorted().map { "  " + $0 }.joined(separator: "\n"))
        #expect(written > 0)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
