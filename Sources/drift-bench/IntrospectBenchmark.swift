import ArgumentParser
import Foundation
import LiveSchema
import StarRocksClient
import StarRocksSimulator

/// Reads N tables from an in-process simulator with per-reply latency through LiveSchema and a connection pool,
/// and prints the time taken and the statements sent. Goal: 10,000 tables with `--latency-ms 1` in under 5 s, with
/// at most one statement per object plus a constant per database.
struct IntrospectBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "introspect",
        abstract: "Introspection time and statements sent for N tables on the simulator (run with -c release).")

    @Option(help: "How many tables the simulated server holds.")
    var tables: Int = 10_000

    @Option(help: "How many databases the tables are spread over.")
    var databases: Int = 1

    @Option(name: .customLong("latency-ms"), help: "Simulated delay before every reply, in milliseconds.")
    var latencyMs: Int = 1

    @Option(help: "Connection pool size (and statements in flight).")
    var connections: Int = 8

    @Option(help: "Environments read at once, each its own simulated server with the same tables (as check does).")
    var environments: Int = 1

    func validate() throws {
        guard tables > 0, databases > 0, connections > 0, environments > 0, latencyMs >= 0 else {
            throw ValidationError("--tables, --databases, --connections and --environments must be positive, "
                + "--latency-ms 0 or more")
        }
    }

    func run() async throws {
        var served: [String: [String: String]] = [:]
        for index in 0..<tables {
            let database = "bench_\(index % databases)"
            served[database, default: [:]]["t\(index)"] = Self.tableText(name: "t\(index)")
        }
        let simulators = (0..<environments).map { _ in
            Simulator(catalog: SimulatorCatalog(databases: served), options: SimulatorOptions(latencyMilliseconds: latencyMs))
        }
        var ports: [UInt16] = []
        for simulator in simulators { ports.append(try simulator.start()) }
        defer { simulators.forEach { $0.stop() } }
        let clock = ContinuousClock()
        let start = clock.now
        let databaseNames = served.keys.sorted()
        let connections = self.connections
        let snapshots = try await withThrowingTaskGroup(of: LiveSnapshot.self) { group in
            for (offset, port) in ports.enumerated() {
                group.addTask {
                    let pool = ConnectionPool(options: ConnectionOptions(host: "127.0.0.1", port: Int(port), user: "root",
                                                                         tls: .disabled, environment: "bench\(offset)"),
                                              size: connections)
                    let reader = LiveSchemaReader(runner: pool, maxConcurrency: connections)
                    let snapshot = try await reader.read(databases: databaseNames, versionTable: "alembic_version")
                    await pool.close()
                    return snapshot
                }
            }
            var all: [LiveSnapshot] = []
            for try await snapshot in group { all.append(snapshot) }
            return all
        }
        let elapsed = clock.now - start
        let snapshot = snapshots[0]
        let simulator = simulators[0]
        let read = snapshot.catalog.databases.values.reduce(0) { $0 + $1.tables.count }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perDatabase = Double(snapshot.statementsSent - tables) / Double(databases)
        print("introspect: \(tables) tables in \(databases) database(s), latency \(latencyMs) ms, \(connections) "
            + "connections" + (environments > 1 ? ", \(environments) environments at once" : ""))
        print(String(format: "  time: %.2f s (%.0f tables/s)", seconds, Double(tables) / seconds))
        print("  statements sent: \(snapshot.statementsSent) (\(tables) SHOW CREATE + "
            + String(format: "%.1f", perDatabase) + " per database incl. per-server ones)")
        print("  tables read: \(read); unparseable: \(snapshot.unparseable.count); server log: "
            + "\(simulator.statementLog.count) statements incl. connection set-up")
        if let peak = Self.peakResidentMegabytes() {
            print(String(format: "  peak memory: %.0f MB resident (the reader's snapshots%@ and the in-process simulators)",
                         peak, environments > 1 ? " of \(environments) environments" : ""))
        }
        let allRead = snapshots.allSatisfy { $0.catalog.databases.values.reduce(0) { $0 + $1.tables.count } == tables }
        if read != tables || !snapshot.unparseable.isEmpty || !allRead {
            throw ValidationError("the read did not return every table; the benchmark is invalid")
        }
    }

    /// The process's peak resident set (`VmHWM` in /proc/self/status), in MB; `nil` where there is no /proc.
    static func peakResidentMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").compactMap({ Double($0) }).first else { return nil }
        return kilobytes / 1024
    }

    /// A SHOW CREATE TABLE text shaped like a 3.3 FE's output.
    static func tableText(name: String) -> String {
        """
        CREATE TABLE `\(name)` (
          `event_id` bigint(20) NOT NULL COMMENT "unique event id",
          `event_date` date NOT NULL COMMENT "",
          `user_id` bigint(20) NOT NULL COMMENT "",
          `event_type` varchar(64) NOT NULL COMMENT "",
          `payload` json NULL COMMENT "",
          `amount` decimal(18, 2) NULL DEFAULT "0" COMMENT "",
          `utm_source` varchar(100) NULL COMMENT "marketing source",
          `created_at` datetime NULL DEFAULT CURRENT_TIMESTAMP COMMENT ""
        ) ENGINE=OLAP 
        DUPLICATE KEY(`event_id`, `event_date`)
        COMMENT "raw product events"
        PARTITION BY RANGE(`event_date`)
        (PARTITION p202601 VALUES [("2026-01-01"), ("2026-02-01")),
        PARTITION p202602 VALUES [("2026-02-01"), ("2026-03-01")))
        DISTRIBUTED BY HASH(`event_id`)
        PROPERTIES (
        "compression" = "LZ4",
        "fast_schema_evolution" = "true",
        "replicated_storage" = "true",
        "replication_num" = "3"
        );
        """
    }
}
