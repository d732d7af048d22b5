/// The one connection that may change a server: `upgrade` opens it as the environment's `upgrade.user` to run
/// migration statements and write the version table. Every other connection (`Connection`, `ConnectionPool`) stays
/// behind the read-only guard; this type is the only way past it, so a reader can never write by accident.
public final class SchemaWriter: Sendable {
    private let connection: Connection

    private init(connection: Connection) {
        self.connection = connection
    }

    /// Connects and logs in as the writer; throws `ClientError` like `Connection.open`.
    public static func open(_ options: ConnectionOptions) async throws -> SchemaWriter {
        SchemaWriter(connection: try await Connection.open(options))
    }

    /// What the writer connection was opened with.
    public var options: ConnectionOptions { connection.options }

    /// Runs one statement of any kind (DDL, DML on the version table). A write is sent once: a connection lost while
    /// it ran is an error, never a silent retry (the server may have applied it).
    @discardableResult
    public func execute(_ sql: String) async throws -> ResultSet {
        try await connection.executeUnguarded(sql)
    }

    /// Runs one read-only statement (polling `SHOW ALTER TABLE`, reading the version table); guarded and retried
    /// like `Connection.query`.
    public func query(_ sql: String) async throws -> ResultSet {
        try await connection.query(sql)
    }

    /// Statements sent so far.
    public var statementsSent: Int { connection.statementsSent }

    /// Closes the connection.
    public func close() async {
        await connection.close()
    }
}
