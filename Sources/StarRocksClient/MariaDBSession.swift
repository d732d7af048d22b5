import CMariaDB
import Foundation

/// A failure reported by libmariadb: its error number, SQLSTATE and text, and how long the call took.
struct MariaDBFailure: Error {
    var errno: Int
    var sqlState: String
    var message: String
    var elapsedSeconds: Double
    /// The statement that failed while setting up a session (`USE catalog.db`), or `nil`.
    var setupStatement: String? = nil
}

/// One libmariadb connection handle. Not thread-safe: a `Connection` uses it only on its own worker thread.
/// This is the only type that touches C pointers; none leaves it.
final class MariaDBSession: @unchecked Sendable {
    /// The session's libmariadb handle; freed by `close()`.
    private var handle: UnsafeMutablePointer<MYSQL>?
    /// The version string the server sent in its handshake.
    let serverVersion: String
    /// The server's id for this connection (what `KILL` and `CONNECTION_ID()` use).
    let connectionID: UInt
    /// The TLS cipher in use, or `nil` on a plain connection.
    let tlsCipher: String?

    /// The character set requested at the handshake; values arrive as UTF-8.
    static let characterSet = "utf8mb4"

    /// Connects and logs in; `sent` is called for every statement sent while setting the session up.
    init(options: ConnectionOptions, sent: () -> Void) throws(MariaDBFailure) {
        let started = Date()
        guard let handle = mysql_init(nil) else {
            throw MariaDBFailure(errno: 2008, sqlState: "HY000", message: "out of memory", elapsedSeconds: 0)
        }
        var connected = false
        defer { if !connected { mysql_close(handle) } }
        Self.configure(handle, options)
        let database = options.nonDefaultCatalog == nil ? options.database : nil
        let password = options.password?.reveal()
        let result = password.withOptionalCString { passwordPointer in
            database.withOptionalCString { databasePointer in
                mysql_real_connect(handle, options.host, options.user, passwordPointer, databasePointer,
                                   UInt32(clamping: options.port), nil, 0)
            }
        }
        guard result != nil else {
            var failure = Self.failure(handle, since: started)
            if failure.errno == Int(DRIFT_CR_PLUGIN_NOT_ALLOWED) {
                // libmariadb's own text for this error names the plugin from a reused buffer; say what happened.
                failure.message = AuthenticationPolicy.refusedPluginMessage(options)
            } else if failure.errno == ServerErrorCode.tlsConnectionError
                        && (options.tls == .required || options.tls == .verifyCA) && !failure.message.contains("no credentials") {
                failure.message += " (tls: \(options.tls.rawValue))"
            }
            throw failure
        }
        let cipher = mysql_get_ssl_cipher(handle).map { String(cString: $0) }
        if cipher == nil && (options.tls == .required || options.tls == .verifyCA) {
            throw MariaDBFailure(errno: ServerErrorCode.tlsConnectionError, sqlState: "HY000",
                                 message: "tls is required, but the server does not offer it",
                                 elapsedSeconds: Date().timeIntervalSince(started))
        }
        self.handle = handle
        self.serverVersion = String(cString: mysql_get_server_info(handle))
        self.connectionID = UInt(mysql_thread_id(handle))
        self.tlsCipher = cipher
        connected = true  // from here on `self` owns the handle; deinit closes it if the rest fails
        if let catalog = options.nonDefaultCatalog {
            let use = options.database.map { "USE \(Self.quote(catalog)).\(Self.quote($0))" }
                ?? "SET CATALOG \(Self.quote(catalog))"
            sent()
            do {
                _ = try query(use) { _ in () }
            } catch {
                var failure = error
                failure.setupStatement = use
                throw failure
            }
        }
    }

    deinit { close() }

    /// Runs `sql` and decodes each non-NULL value with `decode` (given the exact bytes, per `mysql_fetch_lengths`).
    func query<Cell>(_ sql: String, decode: (UnsafeRawBufferPointer) -> Cell) throws(MariaDBFailure)
        -> (columns: [String], rows: [[Cell?]]) {
        let started = Date()
        guard let handle else {
            throw MariaDBFailure(errno: ServerErrorCode.serverGone, sqlState: "HY000", message: "connection closed",
                                 elapsedSeconds: 0)
        }
        var text = sql
        let rc = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { mysql_real_query(handle, $0.baseAddress, UInt(bytes.count)) }
        }
        guard rc == 0 else { throw Self.failure(handle, since: started) }
        defer { drainMoreResults(handle) }
        guard let result = mysql_store_result(handle) else {
            if mysql_field_count(handle) == 0 { return ([], []) }
            throw Self.failure(handle, since: started)
        }
        defer { mysql_free_result(result) }
        let width = Int(mysql_num_fields(result))
        var columns: [String] = []
        columns.reserveCapacity(width)
        if let fields = mysql_fetch_fields(result) {
            for i in 0..<width {
                let field = fields[i]
                columns.append(String(decoding: UnsafeRawBufferPointer(start: field.name, count: Int(field.name_length)),
                                      as: UTF8.self))
            }
        }
        var rows: [[Cell?]] = []
        rows.reserveCapacity(Int(mysql_num_rows(result)))
        while let row = mysql_fetch_row(result) {
            guard let lengths = mysql_fetch_lengths(result) else { break }
            var cells: [Cell?] = []
            cells.reserveCapacity(width)
            for i in 0..<width {
                if let value = row[i] {
                    cells.append(decode(UnsafeRawBufferPointer(start: value, count: Int(lengths[i]))))
                } else {
                    cells.append(nil)
                }
            }
            rows.append(cells)
        }
        if mysql_errno(handle) != 0 { throw Self.failure(handle, since: started) }
        return (columns, rows)
    }

    /// Closes the connection and frees the handle; safe to call twice.
    func close() {
        if let handle { mysql_close(handle) }
        handle = nil
    }

    /// `name` as a backticked identifier.
    static func quote(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    private static func configure(_ handle: UnsafeMutablePointer<MYSQL>, _ options: ConnectionOptions) {
        var connectTimeout = UInt32(clamping: max(1, options.connectTimeoutSeconds))
        var readTimeout = UInt32(clamping: max(1, options.readTimeoutSeconds))
        var protocolTCP = UInt32(MYSQL_PROTOCOL_TCP.rawValue)
        mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        mysql_options(handle, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
        mysql_options(handle, MYSQL_OPT_WRITE_TIMEOUT, &readTimeout)
        mysql_options(handle, MYSQL_OPT_PROTOCOL, &protocolTCP)
        mysql_options(handle, MYSQL_SET_CHARSET_NAME, characterSet)
        // Never let a server ask for a local file (LOAD DATA LOCAL INFILE); the client only reads from servers.
        var noLocalFiles: UInt32 = 0
        mysql_options(handle, MYSQL_OPT_LOCAL_INFILE, &noLocalFiles)
        // Only authentication plugins that never send the password in clear text, whatever the server asks for.
        _ = drift_set_string_option(handle, MARIADB_OPT_RESTRICTED_AUTH,
                                    AuthenticationPolicy.allowedPlugins(options).joined(separator: ","))
        switch options.tls {
        case .disabled:
            break
        case .preferred:
            mysql_ssl_set(handle, nil, nil, nil, nil, nil)
        case .required, .verifyCA:
            // MYSQL_OPT_SSL_ENFORCE asks for TLS, but libmariadb 3.3 still falls back to plain TCP (and sends the
            // login packet) when the server offers no TLS, unless the certificate is verified. The TLS guard
            // plugin, the first authentication step, refuses before any credential is written (see shim.h).
            var yes: my_bool = 1
            mysql_options(handle, MYSQL_OPT_SSL_ENFORCE, &yes)
            if options.tls == .verifyCA {
                mysql_ssl_set(handle, nil, nil, options.caFile, nil, nil)
                mysql_options(handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes)
                if let caFile = options.caFile { mysql_options(handle, MYSQL_OPT_SSL_CA, caFile) }
            } else {
                mysql_ssl_set(handle, nil, nil, nil, nil, nil)
            }
            if AuthenticationPolicy.tlsGuardRegistered {
                _ = drift_set_string_option(handle, MYSQL_DEFAULT_AUTH, DRIFT_TLS_GUARD_PLUGIN)
            }
        }
    }

    private func drainMoreResults(_ handle: UnsafeMutablePointer<MYSQL>) {
        while mysql_more_results(handle) != 0 && mysql_next_result(handle) == 0 {
            if let extra = mysql_store_result(handle) { mysql_free_result(extra) }
        }
    }

    private static func failure(_ handle: UnsafeMutablePointer<MYSQL>, since started: Date) -> MariaDBFailure {
        MariaDBFailure(errno: Int(mysql_errno(handle)), sqlState: String(cString: mysql_sqlstate(handle)),
                       message: String(cString: mysql_error(handle)),
                       elapsedSeconds: Date().timeIntervalSince(started))
    }
}

extension Optional where Wrapped == String {
    /// Calls `body` with a C string for the value, or with `nil`.
    fileprivate func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case .some(let text): return text.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}
