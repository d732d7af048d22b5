/// Error numbers from the MySQL protocol that the client treats specially (server and libmariadb client codes).
public enum ServerErrorCode {
    /// ER_DBACCESS_DENIED_ERROR: no access to a database.
    public static let databaseAccessDenied = 1044
    /// ER_ACCESS_DENIED_ERROR: wrong user or password.
    public static let accessDenied = 1045
    /// ER_TABLEACCESS_DENIED_ERROR: a table privilege is missing.
    public static let tableAccessDenied = 1142
    /// ER_COLUMNACCESS_DENIED_ERROR: a column privilege is missing.
    public static let columnAccessDenied = 1143
    /// ER_SPECIFIC_ACCESS_DENIED_ERROR: a global privilege is missing (e.g. for SHOW PROC).
    public static let specificAccessDenied = 1227
    /// StarRocks' ERR_ACCESS_DENIED (3.x privilege framework): "Access denied; you need (at least one of) the ... privilege".
    public static let starRocksAccessDenied = 5203
    /// CR_CONNECTION_ERROR: cannot connect through a local socket.
    public static let socketConnectionError = 2002
    /// CR_CONN_HOST_ERROR: cannot connect to the host (refused, unreachable, timed out).
    public static let hostConnectionError = 2003
    /// CR_UNKNOWN_HOST: the host name does not resolve.
    public static let unknownHost = 2005
    /// CR_SERVER_GONE_ERROR: "server has gone away" (the connection was already closed).
    public static let serverGone = 2006
    /// CR_SERVER_LOST: "lost connection to server during query" (also what a read timeout looks like).
    public static let serverLost = 2013
    /// CR_SSL_CONNECTION_ERROR: the TLS handshake or certificate check failed.
    public static let tlsConnectionError = 2026
    /// CR_SERVER_LOST_EXTENDED: lost connection at a given stage of the handshake.
    public static let serverLostExtended = 2055

    /// Errors that mean "the connection is gone": a fresh connection may succeed.
    public static let lostConnection: Set<Int> = [serverGone, serverLost, serverLostExtended]
    /// Errors that mean "you lack a privilege": the part that needed it is not checked, naming the grant.
    public static let privilegeMissing: Set<Int> = [
        databaseAccessDenied, tableAccessDenied, columnAccessDenied, specificAccessDenied, starRocksAccessDenied,
    ]
}
