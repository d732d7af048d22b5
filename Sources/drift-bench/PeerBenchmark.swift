import ArgumentParser
import ChildProcess
import Foundation
import StarRocksSimulator

/// `drift-bench peer`: the same simulated catalog read once by the Python peer (SQLAlchemy 2 reflection with the
/// `starrocks` dialect, what Alembic's autogenerate runs) and once by `starrocks-drift inspect`, each against its own
/// simulator with the same per-reply latency; prints both times, both statement counts (the simulators' logs) and
/// the ratio. Needs the Python peer environment that scripts/setup.sh creates (.build/pyenv).
struct PeerBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peer",
        abstract: "SQLAlchemy reflection vs starrocks-drift inspect on the same simulated catalog (run with -c release).")

    @Option(help: "Tables in the catalog.")
    var tables: Int = 300

    @Option(help: "Views in the catalog (default: one per 10 tables).")
    var views: Int?

    @Option(name: .customLong("materialized-views"), help: "Materialized views in the catalog (default: one per 20 tables).")
    var materializedViews: Int?

    @Option(name: .customLong("latency-ms"), help: "Simulated delay before every reply, in milliseconds.")
    var latencyMs: Int = 1

    @Option(help: "connection.max_connections for starrocks-drift inspect.")
    var connections: Int = 8

    @Option(help: "The Python interpreter with starrocks, SQLAlchemy and PyMySQL (default: <repo>/.build/pyenv/bin/python).")
    var python: String?

    @Option(name: .customLong("starrocks-drift"), help: "The starrocks-drift executable (default: next to drift-bench).")
    var starrocksDrift: String?

    func validate() throws {
        guard tables > 0, connections > 0, latencyMs >= 0, (views ?? 0) >= 0, (materializedViews ?? 0) >= 0 else {
            throw ValidationError("--tables and --connections must be positive; --latency-ms, --views and "
                + "--materialized-views 0 or more")
        }
    }

    func run() async throws {
        let database = "bench"
        let catalog = SimulatorCatalog(databases: [database: PeerCatalog.objects(
            tables: tables, views: views ?? max(1, tables / 10), materializedViews: materializedViews ?? max(1, tables / 20))])
        let objects = catalog.databases[database]!.count
        let root = Self.repositoryRoot
        let python = self.python ?? root.appendingPathComponent(".build/pyenv/bin/python").path
        let script = root.appendingPathComponent("scripts/python/reflect_catalog.py").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ValidationError("the Python peer is missing: \(python) does not exist; run scripts/setup.sh (it "
                + "creates .build/pyenv with the pinned starrocks, SQLAlchemy and PyMySQL) or pass --python")
        }
        let drift = starrocksDrift ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("starrocks-drift").path
        guard FileManager.default.isExecutableFile(atPath: drift) else {
            throw ValidationError("starrocks-drift not found at \(drift); build it (swift build -c release) or pass "
                + "--starrocks-drift")
        }
        let options = SimulatorOptions(latencyMilliseconds: latencyMs)

        // 1. SQLAlchemy: MetaData.reflect(views=True) plus the MVs, as the dialect's Alembic comparator reads them.
        let peerSimulator = Simulator(catalog: catalog, options: options)
        let peerPort = try peerSimulator.start()
        let peerRun = try Self.run(python, [script, "--url", "starrocks://root@127.0.0.1:\(peerPort)/", "--schema", database])
        peerSimulator.stop()
        guard peerRun.status == 0, let report = try? JSONSerialization.jsonObject(with: Data(peerRun.stdout.utf8))
                as? [String: Any], let peerSeconds = report["seconds"] as? Double else {
            throw ValidationError("the SQLAlchemy reflection failed: \(peerRun.stderr)")
        }
        let reflected = ((report["schemas"] as? [String: Any])?[database] as? [String: Any])?.count ?? 0
        let versions = (report["versions"] as? [String: String]) ?? [:]
        let peerStatements = peerSimulator.statementLog.count

        // 2. starrocks-drift inspect, through an environment file, as a user runs it.
        let driftSimulator = Simulator(catalog: catalog, options: options)
        let driftPort = try driftSimulator.start()
        let environments = FileManager.default.temporaryDirectory.appendingPathComponent("drift-bench-peer-\(getpid())")
        try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: environments) }
        try """
            connection:
              url: starrocks://root@127.0.0.1:\(driftPort)/\(database)
              tls: disabled
              max_connections: \(connections)
            """.write(to: environments.appendingPathComponent("bench.yaml"), atomically: true, encoding: .utf8)
        let clock = ContinuousClock()
        let start = clock.now
        let driftRun = try Self.run(drift, ["inspect", "--env", "bench", "--environments", environments.path])
        let elapsed = clock.now - start
        driftSimulator.stop()
        guard driftRun.status == 0 else { throw ValidationError("starrocks-drift inspect failed: \(driftRun.stderr)") }
        let driftSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let printed = driftRun.stdout.components(separatedBy: "\nCREATE ").count - 1
            + (driftRun.stdout.hasPrefix("CREATE ") ? 1 : 0)
        let driftStatements = driftSimulator.statementLog.count

        print("peer: \(tables) tables, \(views ?? max(1, tables / 10)) views, "
            + "\(materializedViews ?? max(1, tables / 20)) MVs (\(objects) objects), latency \(latencyMs) ms")
        print(String(format: "  SQLAlchemy %@ + starrocks %@ (MetaData.reflect): %.2f s, %d statements (%.1f per object), %d objects reflected",
                     versions["sqlalchemy"] ?? "?", versions["starrocks"] ?? "?", peerSeconds, peerStatements,
                     Double(peerStatements) / Double(objects), reflected))
        print(String(format: "  starrocks-drift inspect (%d connections, whole process): %.2f s, %d statements (%.2f per object), %d objects printed",
                     connections, driftSeconds, driftStatements, Double(driftStatements) / Double(objects), printed - 1))
        print(String(format: "  ratio: inspect is %.1fx faster and sends %.1fx fewer statements",
                     peerSeconds / driftSeconds, Double(peerStatements) / Double(max(1, driftStatements))))
    }

    /// Runs an executable to completion (in `directory` when given); stdout and stderr as text.
    static func run(_ executable: String, _ arguments: [String],
                    in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let output = try ProcessRunner.run(URL(fileURLWithPath: executable), arguments, currentDirectory: directory)
        return (output.status, output.stdoutText, output.stderrText)
    }

    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }
}
