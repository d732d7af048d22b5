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

    func validate() throws {
        guard tables > 0, databases > 0, connections > 0, latencyMs >= 0 else {
            throw ValidationError("--tables, --databases and --connections must be positive, --latency-ms 0 or more")
        }
    }

    func run() async throws {
        var served: [String: [String: String]] = [:]
        for index in 0..<tables {
            let database = "bench_\(index % databases)"
            served[database, default: [:]]["t\(index)"] = Self.tableText(name: "t\(index)")
        }
        let simulator = Simulator(catalog: SimulatorCatalog(databases: served),
                                  options: SimulatorOptions(latencyMilliseconds: latencyMs))
        let port = try simulator.start()
        defer { simulator.stop() }
        let pool = ConnectionPool(options: ConnectionOptions(host: "127.0.0.1", port: Int(port), user: "root",
                                                             tls: .disabled, environment: "bench"),
                                  size: connections)
        let reader = LiveSchemaReader(runner: pool, maxConcurrency: connections)
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = try await reader.read(databases: served.keys.sorted(), versionTable: "alembic_version")
        let elapsed = clock.now - start
        await pool.close()
        let read = snapshot.catalog.databases.values.reduce(0) { $0 + $1.tables.count }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perDatabase = Double(snapshot.statementsSent - tables) / Double(databases)
        print("introspect: \(tables) tables in \(databases) database(s), latency \(latencyMs) ms, \(connections) "
            + "connections")
        print(String(format: "  time: %.2f s (%.0f tables/s)", seconds, Double(tables) / seconds))
        print("  statements sent: \(snapshot.statementsSent) (\(tables) SHOW CREATE + "
            + String(format: "%.1f", perDatabase) + " per database incl. per-server ones)")
        print("  tables read: \(read); unparseable: \(snapshot.unparseable.count); server log: "
            + "\(simulator.statementLog.count) statements incl. connection set-up")
        if read != tables || !snapshot.unparseable.isEmpty {
            throw ValidationError("the read did not return every table; the benchmark is invalid")
        }
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
