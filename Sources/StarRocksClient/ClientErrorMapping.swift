/// Turns libmariadb failures into `ClientError`s that name the environment, the address and the statement.
enum ClientErrorMapping {
    /// How libmariadb 3.3 shows a refused TCP connection in CR_CONNECTION_ERROR's text: the OS errno in parentheses,
    /// ECONNREFUSED (111), or EINPROGRESS (115) when a connect timeout makes it connect without blocking.
    static let connectionRefusedMarkers = ["(111)", "(115)", "refused"]

    /// A failure while connecting and logging in.
    static func connectFailure(_ failure: MariaDBFailure, _ options: ConnectionOptions) -> ClientError {
        let environment = options.environment
        if let statement = failure.setupStatement, !ServerErrorCode.lostConnection.contains(failure.errno) {
            return statementFailure(failure, statement: statement, options)
        }
        switch failure.errno {
        case ServerErrorCode.accessDenied:
            return .authenticationFailed(user: options.user, address: options.address, message: failure.message,
                                         environment: environment)
        case ServerErrorCode.unknownHost:
            return .unknownHost(host: options.host, detail: failure.message, environment: environment)
        case ServerErrorCode.tlsConnectionError:
            return .tls(address: options.address, detail: failure.message, environment: environment)
        case ServerErrorCode.hostConnectionError, ServerErrorCode.socketConnectionError,
             ServerErrorCode.serverLost, ServerErrorCode.serverGone, ServerErrorCode.serverLostExtended:
            if failure.elapsedSeconds >= 0.9 * Double(max(1, options.connectTimeoutSeconds)) {
                return .timeout(phase: .connect, seconds: options.connectTimeoutSeconds, address: options.address,
                                statement: nil, environment: environment)
            }
            if connectionRefusedMarkers.contains(where: failure.message.lowercased().contains) {
                return .connectionRefused(address: options.address, detail: failure.message, environment: environment)
            }
            return .connectionFailed(errno: failure.errno, address: options.address, detail: failure.message,
                                     environment: environment)
        default:
            return .connectionFailed(errno: failure.errno, address: options.address, detail: failure.message,
                                     environment: environment)
        }
    }

    /// A failure of a statement on an open connection (not a lost connection).
    static func statementFailure(_ failure: MariaDBFailure, statement: String, _ options: ConnectionOptions)
        -> ClientError {
        .server(errno: failure.errno, sqlState: failure.sqlState, message: failure.message, statement: statement,
                environment: options.environment)
    }

    /// A lost connection that could not be restored; `reconnectFailure` is why the last reopening failed.
    static func lost(_ failure: MariaDBFailure, reconnectFailure: MariaDBFailure?, statement: String, attempts: Int,
                     _ options: ConnectionOptions) -> ClientError {
        var detail = failure.message
        if let reconnectFailure { detail += "; reconnecting failed: \(reconnectFailure.message)" }
        return .lostConnection(errno: failure.errno, address: options.address, statement: statement, detail: detail,
                               attempts: attempts, environment: options.environment)
    }

    /// Whether a failed reconnect is worth another try (the server may be restarting); a login error is not.
    static func mayRecover(_ failure: MariaDBFailure) -> Bool {
        [ServerErrorCode.hostConnectionError, ServerErrorCode.socketConnectionError, ServerErrorCode.serverLost,
         ServerErrorCode.serverGone, ServerErrorCode.serverLostExtended].contains(failure.errno)
    }

    /// libmariadb reports a read timeout as CR_SERVER_LOST; it is one when the wait lasted the whole timeout.
    static func isReadTimeout(_ failure: MariaDBFailure, _ options: ConnectionOptions) -> Bool {
        failure.errno == ServerErrorCode.serverLost
            && failure.elapsedSeconds >= 0.9 * Double(max(1, options.readTimeoutSeconds))
    }
}
