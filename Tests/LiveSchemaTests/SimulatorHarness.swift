import Foundation
import LiveSchema
import StarRocksClient
import StarRocksSimulator
import Testing

/// A started simulator plus a connection pool to it, for LiveSchema tests over the real wire.
struct SimulatorHarness {
    static let user = "drift_reader"
    static let password = "live-schema-test-password"

    let simulator: Simulator
    let pool: ConnectionPool

    init(_ catalog: SimulatorCatalog, latencyMilliseconds: Int = 0, dropAfter: Int? = nil, deny: String? = nil,
         poolSize: Int = 4) throws {
        simulator = Simulator(catalog: catalog, options: SimulatorOptions(
            user: Self.user, password: Self.password, latencyMilliseconds: latencyMilliseconds,
            dropAfterStatements: dropAfter, denyPattern: deny))
        let port = try simulator.start()
        let options = ConnectionOptions(host: "127.0.0.1", port: Int(port), user: Self.user,
                                        password: Secret(Self.password), connectTimeoutSeconds: 5,
                                        readTimeoutSeconds: 10, tls: .preferred, environment: "sim", maxRetries: 1,
                                        retryBackoffMilliseconds: 10)
        pool = ConnectionPool(options: options, size: poolSize)
    }

    func reader() -> LiveSchemaReader { LiveSchemaReader(runner: pool, maxConcurrency: 4, grantee: "'drift_reader'@'%'") }

    func shutDown() async {
        await pool.close()
        simulator.stop()
    }

    /// Statements LiveSchema itself sent (the log minus the client's session set-up: SET/USE).
    var readStatements: [String] {
        simulator.statementLog.filter { !Self.isSessionSetup($0) }
    }

    static func isSessionSetup(_ sql: String) -> Bool {
        let upper = sql.trimmingCharacters(in: .whitespaces).uppercased()
        return (upper.hasPrefix("SET ") && !upper.hasPrefix("SET GLOBAL") && !upper.hasPrefix("SET PASSWORD"))
            || upper.hasPrefix("USE ")
    }

    /// Whether `sql` only reads (SELECT / SHOW, or session set-up).
    static func isRead(_ sql: String) -> Bool {
        let upper = sql.trimmingCharacters(in: .whitespaces).uppercased()
        return upper.hasPrefix("SELECT ") || upper.hasPrefix("SHOW ") || isSessionSetup(sql)
    }
}
