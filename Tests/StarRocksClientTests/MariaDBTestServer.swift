import DriftTestSupport
import Foundation
import StarRocksClient
import Testing

/// A throwaway MariaDB on loopback, started through `scripts/mariadb-test-server.sh` when it is not already answering.
enum MariaDBTestServer {
    /// The port of the shared test server (overridable with DRIFT_MARIADB_PORT, like the script).
    static let port = Int(ProcessInfo.processInfo.environment["DRIFT_MARIADB_PORT"] ?? "") ?? 33306
    /// The port of the second server that the crash test kills.
    static let crashPort = port + 1
    /// The shared server's directory (data, logs), as the script chooses it.
    static let directory = ProcessInfo.processInfo.environment["DRIFT_MARIADB_DIR"]
        ?? "/tmp/starrocks-drift-mariadb-\(port)"

    /// The directory of the server on `port`: the shared one, or a separate one for the crash test's server.
    static func directory(port: Int) -> String {
        port == self.port ? directory : "/tmp/starrocks-drift-mariadb-\(port)"
    }
    /// The user the script creates (a throwaway test credential).
    static let user = "drift_test"
    /// The password the script gives `user`.
    static let password = Secret("drift-test-pw")
    /// The database the script creates.
    static let database = "drift_test"

    /// The directory that holds Package.swift, found from this file's path.
    static let repositoryRoot = RepositoryPaths.root

    /// Options for the test user on `port`.
    static func options(port: Int = MariaDBTestServer.port, password: Secret? = MariaDBTestServer.password,
                        readTimeout: Int = 30) -> ConnectionOptions {
        ConnectionOptions(host: "127.0.0.1", port: port, user: user, password: password, database: database,
                          connectTimeoutSeconds: 5, readTimeoutSeconds: readTimeout, tls: .disabled,
                          environment: "mariadb-test")
    }

    /// A connection to the shared test server, starting it first if needed.
    static func connect(readTimeout: Int = 30) async throws -> Connection {
        try script("start", port: port)
        return try await Connection.open(options(readTimeout: readTimeout))
    }

    /// Runs the start script with `argument` for the server on `port`; returns its output.
    @discardableResult
    static func script(_ argument: String, port: Int) throws -> String {
        let script = repositoryRoot.appendingPathComponent("scripts/mariadb-test-server.sh")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw TestServerError(message: "missing \(script.path)")
        }
        let outcome = try Command.run(["bash", script.path, argument],
                                      extraEnvironment: ["DRIFT_MARIADB_PORT": String(port),
                                                         "DRIFT_MARIADB_DIR": directory(port: port)])
        guard outcome.status == 0 else {
            throw TestServerError(message: "scripts/mariadb-test-server.sh \(argument) (port \(port)) failed: "
                + outcome.output)
        }
        return outcome.output
    }

    /// A fresh table name, so tests never depend on each other's data.
    static func uniqueName(_ stem: String) -> String {
        "\(stem)_\(UInt32.random(in: 0...UInt32.max))"
    }
}

/// The test server could not be started; the message says how.
struct TestServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
