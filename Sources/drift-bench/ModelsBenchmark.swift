import ArgumentParser
import Foundation

/// `drift-bench models`: `starrocks-drift check --models` over a generated models module of `--tables` tables (each a
/// PRIMARY KEY table with RANGE START/END/EVERY partitions and HASH distribution), a view per 10 tables and an MV per
/// 20, against a history of one revision per object (the models' own DDL, so the gate is clean). Prints the whole
/// process, the models provider alone, and the interpreter's start-up with the SQLAlchemy and `starrocks` imports,
/// so the tool's own share shows: the whole process minus the provider. Needs .build/pyenv (scripts/setup.sh).
struct ModelsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "check --models over generated SQLAlchemy models; prints where the time goes (run with -c release).")

    @Option(help: "Tables in the generated models.")
    var tables: Int = 300

    @Option(help: "How many timed runs (the best is printed).")
    var runs = 3

    @Option(help: "The Python interpreter with SQLAlchemy 2 and starrocks (default: <repo>/.build/pyenv/bin/python).")
    var python: String?

    @Option(name: .customLong("starrocks-drift"), help: "The starrocks-drift executable (default: next to drift-bench).")
    var starrocksDrift: String?

    func validate() throws {
        guard tables > 0, runs > 0 else { throw ValidationError("--tables and --runs must be positive") }
    }

    func run() async throws {
        let root = PeerBenchmark.repositoryRoot
        let python = self.python ?? root.appendingPathComponent(".build/pyenv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ValidationError("\(python) does not exist; run scripts/setup.sh or pass --python")
        }
        let drift = starrocksDrift ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("starrocks-drift").path
        guard FileManager.default.isExecutableFile(atPath: drift) else {
            throw ValidationError("starrocks-drift not found at \(drift); build it or pass --starrocks-drift")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-bench-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("migrations"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let views = max(1, tables / 10), materializedViews = max(1, tables / 20)
        try Self.module(tables: tables, views: views, materializedViews: materializedViews)
            .write(to: directory.appendingPathComponent("bench_models.py"), atomically: true, encoding: .utf8)

        // The history: one revision per object, from the provider's own DDL.
        let provider = root.appendingPathComponent("scripts/python/models_provider.py").path
        let compiled = try PeerBenchmark.run(python, [provider, "bench_models", "metadata"], in: directory)
        guard compiled.status == 0, let data = compiled.stdout.data(using: .utf8),
              let reply = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let objects = reply["objects"] as? [[String: Any]] else {
            throw ValidationError("the models provider failed: \(compiled.stdout)\(compiled.stderr)")
        }
        for (index, object) in objects.enumerated() {
            let id = String(format: "%04d", index + 1)
            let parent = index == 0 ? "" : String(format: "%04d", index)
            let text = "-- revision: \(id)\n-- down_revision: \(parent)\n-- message: \(object["name"] ?? "")\n"
                + "\(object["ddl"] as? String ?? "");\n"
            try text.write(to: directory.appendingPathComponent("migrations/\(id).sql"), atomically: true, encoding: .utf8)
        }

        print("drift-bench models: \(tables) tables, \(views) views, \(materializedViews) MVs; \(objects.count) revisions; best of \(runs)")
        let startup = try best { _ = try PeerBenchmark.run(python, ["-c", "import sqlalchemy, starrocks.dialect, starrocks.schema"], in: directory) }
        let providerAlone = try best { _ = try PeerBenchmark.run(python, [provider, "bench_models", "metadata"], in: directory) }
        var status: Int32 = -1
        let whole = try best {
            status = try PeerBenchmark.run(drift, ["check", "--models", "bench_models:metadata", "--migrations", "migrations",
                                                   "--python", python, "--out", "report", "--quiet"], in: directory).status
        }
        guard status == 0 else { throw ValidationError("check --models exited \(status) (expected 0: the history is the models' DDL)") }
        print(String(format: "  python start-up + SQLAlchemy/starrocks imports: %.3f s", startup))
        print(String(format: "  models provider alone (start-up, import, compile %d objects): %.3f s", objects.count, providerAlone))
        print(String(format: "  starrocks-drift check --models (whole process): %.3f s", whole))
        print(String(format: "  starrocks-drift's own share (replay %d revisions, diff, reports): %.3f s", objects.count,
                     max(0, whole - providerAlone)))
    }

    /// The fastest of `runs` runs of `body`, in seconds.
    func best(_ body: () throws -> Void) throws -> Double {
        var fastest = Double.infinity
        for _ in 0..<runs {
            let start = Date()
            try body()
            fastest = min(fastest, Date().timeIntervalSince(start))
        }
        return fastest
    }

    /// A models module: `metadata` with `tables` tables, `views` views and `materializedViews` MVs.
    static func module(tables: Int, views: Int, materializedViews: Int) -> String {
        var lines = [
            "from sqlalchemy import Column, MetaData, Table",
            "from starrocks import BIGINT, DATE, DATETIME, DECIMAL, VARCHAR",
            "from starrocks.schema import MaterializedView, View",
            "",
            "metadata = MetaData()",
        ]
        for index in 0..<tables {
            lines.append("""
                Table("t\(index)", metadata,
                      Column("id", BIGINT, primary_key=True, nullable=False, comment="row id"),
                      Column("day", DATE, primary_key=True, nullable=False),
                      Column("kind", VARCHAR(64), nullable=False),
                      Column("amount", DECIMAL(18, 2)),
                      Column("created_at", DATETIME),
                      comment="table \(index)",
                      starrocks_primary_key="id, day",
                      starrocks_partition_by='RANGE(day) (START ("2026-01-01") END ("2027-01-01") EVERY (INTERVAL 1 MONTH))',
                      starrocks_distributed_by="HASH(id)",
                      starrocks_properties={"replication_num": "${replication_num}"})
                """)
        }
        for index in 0..<views {
            lines.append("View(\"v\(index)\", metadata, definition=\"SELECT day, count(*) AS n FROM t\(index % tables) GROUP BY day\")")
        }
        for index in 0..<materializedViews {
            lines.append("MaterializedView(\"mv\(index)\", metadata, definition=\"SELECT kind, sum(amount) AS total FROM t\(index % tables) GROUP BY kind\", starrocks_distributed_by=\"HASH(kind)\", starrocks_refresh=\"ASYNC\")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
