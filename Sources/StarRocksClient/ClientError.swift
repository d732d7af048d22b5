/// Every way talking to a server can fail. Messages are lower-case, name the environment and say what to do;
/// none ever contains a password.
public enum ClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered a statement with an error.
    case server(errno: Int, sqlState: String, message: String, statement: String, environment: String?)
    /// Nothing listens on the port (or a firewall rejects the connection).
    case connectionRefused(address: String, detail: String, environment: String?)
    /// The host name does not resolve.
    case unknownHost(host: String, detail: String, environment: String?)
    /// The server rejected the user or password (error 1045).
    case authenticationFailed(user: String, address: String, message: String, environment: String?)
    /// Connecting or waiting for a reply took longer than the configured timeout.
    case timeout(phase: TimeoutPhase, seconds: Int, address: String, statement: String?, environment: String?)
    /// The connection broke (errors 2006/2013) and could not be restored within the retry bound.
    case lostConnection(errno: Int, address: String, statement: String?, detail: String, attempts: Int,
                        environment: String?)
    /// TLS was required but could not be negotiated or verified.
    case tls(address: String, detail: String, environment: String?)
    /// Connecting failed for another reason (libmariadb error number and text).
    case connectionFailed(errno: Int, address: String, detail: String, environment: String?)
    /// The read-only guard refused a statement before it reached the network.
    case readOnlyViolation(statement: String, reason: String, environment: String?)
    /// A calibrate statement that could write outside the probe database it created (refused before sending).
    case outsideProbeDatabase(statement: String, reason: String, environment: String?)
    /// A `starrocks://` URL could not be used; `url` has any password removed.
    case invalidURL(url: String, reason: String)
    /// The connection or pool was closed before the statement ran.
    case closed(environment: String?)

    /// Which wait ran out.
    public enum TimeoutPhase: String, Sendable, Hashable {
        /// Opening the TCP connection and the handshake (`connect_timeout_s`).
        case connect
        /// Waiting for the server's reply to a statement (`read_timeout_s`).
        case read
    }

    /// The MySQL error number, when the failure has one.
    public var errno: Int? {
        switch self {
        case .server(let errno, _, _, _, _), .lostConnection(let errno, _, _, _, _, _),
             .connectionFailed(let errno, _, _, _):
            return errno
        case .authenticationFailed: return ServerErrorCode.accessDenied
        case .connectionRefused: return ServerErrorCode.hostConnectionError
        case .unknownHost: return ServerErrorCode.unknownHost
        case .tls: return ServerErrorCode.tlsConnectionError
        case .timeout(let phase, _, _, _, _):
            return phase == .read ? ServerErrorCode.serverLost : ServerErrorCode.hostConnectionError
        case .readOnlyViolation, .outsideProbeDatabase, .invalidURL, .closed: return nil
        }
    }

    /// The SQLSTATE the server sent with a statement error.
    public var sqlState: String? {
        if case .server(_, let sqlState, _, _, _) = self { return sqlState }
        return nil
    }

    /// Whether the server refused the statement for lack of a privilege (the part it serves is "not checked").
    public var isPrivilegeMissing: Bool {
        guard case .server(let errno, _, _, _, _) = self else { return false }
        return ServerErrorCode.privilegeMissing.contains(errno)
    }

    /// Whether the environment could not be reached at all (as opposed to a statement failing).
    public var isUnreachable: Bool {
        switch self {
        case .connectionRefused, .unknownHost, .timeout, .lostConnection, .tls, .connectionFailed: return true
        case .server, .authenticationFailed, .readOnlyViolation, .outsideProbeDatabase, .invalidURL, .closed: return false
        }
    }

    /// One line a user can act on.
    public var description: String {
        switch self {
        case let .server(errno, sqlState, message, statement, environment):
            return "\(prefix(environment))server error \(errno) (\(sqlState)): \(message) — in statement: "
                + Self.excerpt(statement)
        case let .connectionRefused(address, detail, environment):
            return "\(prefix(environment))connection to \(address) refused (\(detail)); check that the StarRocks FE "
                + "is running and that the url's host and port (the FE query port, usually 9030) are right"
        case let .unknownHost(host, detail, environment):
            return "\(prefix(environment))unknown host '\(host)' (\(detail)); check the host name in the url"
        case let .authenticationFailed(user, address, message, environment):
            return "\(prefix(environment))login as '\(user)' at \(address) failed (error 1045: \(message)); check the "
                + "user and the password in the variable its password_env names (connection.url and "
                + "connection.password_env; upgrade.user or calibrate.user and that block's password_env for those commands)"
        case let .timeout(phase, seconds, address, statement, environment):
            switch phase {
            case .connect:
                return "\(prefix(environment))connecting to \(address) timed out after \(seconds) s; check the host, "
                    + "the network path, or raise connect_timeout_s"
            case .read:
                return "\(prefix(environment))no reply from \(address) within \(seconds) s"
                    + (statement.map { " to statement: \(Self.excerpt($0))" } ?? "")
                    + "; the server may be overloaded, or raise read_timeout_s"
            }
        case let .lostConnection(errno, address, statement, detail, attempts, environment):
            let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
            return "\(prefix(environment))lost the connection to \(address) (error \(errno): \(detail)) after \(tries)"
                + (statement.map { " running statement: \(Self.excerpt($0))" } ?? "")
                + "; check that the FE is up and not restarting"
        case let .tls(address, detail, environment):
            return "\(prefix(environment))tls with \(address) failed: \(detail); check the tls mode and ca_file, "
                + "or use tls: preferred if the server has no certificate"
        case let .connectionFailed(errno, address, detail, environment):
            return "\(prefix(environment))cannot connect to \(address) (error \(errno): \(detail))"
        case let .readOnlyViolation(statement, reason, environment):
            return "\(prefix(environment))refused to send a statement that is not read-only (\(reason)): "
                + Self.excerpt(ReadOnlyGuard.redactingLiterals(statement))
                + "; the drift check only reads (SELECT, SHOW, DESCRIBE, EXPLAIN, session SET, USE)"
        case let .outsideProbeDatabase(statement, reason, environment):
            return "\(prefix(environment))refused to send a calibrate statement that could write outside its probe "
                + "database (\(reason)): " + Self.excerpt(ReadOnlyGuard.redactingLiterals(statement))
                + "; calibrate writes only inside the database it creates"
        case let .invalidURL(url, reason):
            return "invalid connection url '\(url)': \(reason)"
        case let .closed(environment):
            return "\(prefix(environment))the connection was closed before the statement ran"
        }
    }

    private func prefix(_ environment: String?) -> String {
        environment.map { "environment '\($0)': " } ?? ""
    }

    /// The statement on one line, cut at 300 characters, for messages.
    static func excerpt(_ statement: String) -> String {
        let oneLine = statement.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.joined(separator: " ")
        return oneLine.count > 300 ? String(oneLine.prefix(300)) + "…" : oneLine
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
