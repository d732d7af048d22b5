/// Everything needed to open a connection to one StarRocks FE (or any MySQL-protocol server).
public struct ConnectionOptions: Sendable, Hashable {
    /// The StarRocks FE query port.
    public static let defaultPort = 9030
    /// The catalog a StarRocks session starts in; naming it costs no statement.
    public static let defaultCatalog = "default_catalog"

    /// Host name or IP address of the FE.
    public var host: String
    /// TCP port of the FE (the MySQL protocol port, 9030 by default).
    public var port: Int
    /// The user to log in as.
    public var user: String
    /// The password; `nil` logs in without one.
    public var password: Secret?
    /// The catalog to use; `nil` or `default_catalog` keeps the session's default.
    public var catalog: String?
    /// The database to use after logging in; `nil` selects none.
    public var database: String?
    /// Seconds to wait for the TCP connection and handshake.
    public var connectTimeoutSeconds: Int
    /// Seconds to wait for any reply from the server before giving up on a statement (MYSQL_OPT_READ_TIMEOUT).
    public var readTimeoutSeconds: Int
    /// Whether and how to use TLS.
    public var tls: TLSMode
    /// PEM file of the CA that signs the server certificate (used by `verify_ca`).
    public var caFile: String?
    /// Whether `mysql_clear_password` (the password as is, e.g. for LDAP users) may be used; it is honoured only
    /// when `tls` is `required` or `verify_ca`, so the password travels encrypted.
    public var allowCleartextPassword: Bool = false
    /// The environment name that every error message names (e.g. `prod`).
    public var environment: String?
    /// How many times a statement is retried on a fresh connection after the connection was lost (errors 2006/2013).
    public var maxRetries: Int
    /// Milliseconds to wait before the first retry; each further retry waits this much longer.
    public var retryBackoffMilliseconds: Int

    /// Options with the contract's defaults: 10 s to connect, 60 s to read, TLS when offered, 2 retries.
    public init(host: String, port: Int = ConnectionOptions.defaultPort, user: String, password: Secret? = nil,
                catalog: String? = nil, database: String? = nil, connectTimeoutSeconds: Int = 10,
                readTimeoutSeconds: Int = 60, tls: TLSMode = .preferred, caFile: String? = nil,
                environment: String? = nil, maxRetries: Int = 2, retryBackoffMilliseconds: Int = 100) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.catalog = catalog
        self.database = database
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.readTimeoutSeconds = readTimeoutSeconds
        self.tls = tls
        self.caFile = caFile
        self.environment = environment
        self.maxRetries = maxRetries
        self.retryBackoffMilliseconds = retryBackoffMilliseconds
    }

    /// The catalog to switch to after logging in, or `nil` when the session's default catalog is wanted.
    var nonDefaultCatalog: String? {
        guard let catalog, !catalog.isEmpty, catalog != Self.defaultCatalog else { return nil }
        return catalog
    }

    /// `host:port` as shown in messages.
    var address: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
