/// The connection `calibrate` writes with: every statement passes `ProbeGuard` for the probe database before it is
/// sent, so nothing outside that database can be created, changed or dropped. Reads go through the read-only guard.
public final class ProbeWriter: Sendable {
    private let connection: Connection
    /// Where this writer may write.
    public let scope: ProbeGuard.Scope

    private init(connection: Connection, scope: ProbeGuard.Scope) {
        self.connection = connection
        self.scope = scope
    }

    /// Connects and logs in as the calibrate user; throws `ClientError` like `Connection.open`.
    public static func open(_ options: ConnectionOptions, scope: ProbeGuard.Scope) async throws -> ProbeWriter {
        ProbeWriter(connection: try await Connection.open(options), scope: scope)
    }

    /// Runs one statement that `ProbeGuard` allows for `scope`; anything else throws
    /// `ClientError.outsideProbeDatabase` without reaching the server. A write is sent once, never retried.
    @discardableResult
    public func execute(_ sql: String) async throws -> ResultSet {
        try ProbeGuard.check(sql, scope: scope, environment: connection.options.environment)
        return try await connection.executeUnguarded(sql)
    }

    /// Runs one read-only statement; guarded and retried like `Connection.query`.
    public func query(_ sql: String) async throws -> ResultSet {
        try await connection.query(sql)
    }

    /// Closes the connection.
    public func close() async {
        await connection.close()
    }
}
