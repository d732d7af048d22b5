import Foundation

/// A connection to one StarRocks FE (or any MySQL-protocol server) that only ever sends read-only statements.
///
/// Every libmariadb call runs on the connection's own thread (never on the Swift concurrency pool), one at a time;
/// the async API waits for it without blocking a task thread. A connection lost mid-statement (errors 2006/2013) is
/// reopened and the statement retried, up to `options.maxRetries` times; a read timeout is never retried.
public final class Connection: QueryRunning, @unchecked Sendable {
    /// What this connection was opened with.
    public let options: ConnectionOptions

    private let worker: BlockingWorker
    /// The live libmariadb session; touched only on `worker`'s thread.
    private var session: MariaDBSession?
    private let counters = Locked(Counters())

    private struct Counters {
        var statementsSent = 0
        var reconnects = 0
        var serverVersion: String?
        var connectionID: UInt?
        var tlsCipher: String?
        var closed = false
    }

    private init(options: ConnectionOptions) {
        self.options = options
        self.worker = BlockingWorker(name: "starrocks-client \(options.environment ?? options.address)")
    }

    deinit {
        let session = self.session
        worker.stop { session?.close() }
    }

    /// Connects and logs in; throws `ClientError` (refused, unknown host, authentication, timeout, TLS, ...).
    public static func open(_ options: ConnectionOptions) async throws -> Connection {
        let connection = Connection(options: options)
        do {
            try await connection.worker.run { try connection.openSessionForCaller() }
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// Runs one read-only statement and returns its rows as text (UTF-8). Refused statements never reach the server.
    public func query(_ sql: String) async throws -> ResultSet {
        let result = try await run(sql) { session throws(MariaDBFailure) in
            try session.query(sql) { String(decoding: $0, as: UTF8.self) }
        }
        return ResultSet(columns: result.columns, rows: result.rows)
    }

    /// Runs one read-only statement and returns its values as the exact bytes the server sent.
    public func queryBytes(_ sql: String) async throws -> BinaryResultSet {
        let result = try await run(sql) { session throws(MariaDBFailure) in
            try session.query(sql) { [UInt8]($0) }
        }
        return BinaryResultSet(columns: result.columns, rows: result.rows)
    }

    /// Statements sent to the server so far, including retries and session setup (`USE`), for reports and benchmarks.
    public var statementsSent: Int { counters.withLock { $0.statementsSent } }

    /// How many times the connection was reopened after it was lost.
    public var reconnects: Int { counters.withLock { $0.reconnects } }

    /// The server's version string from the handshake (StarRocks reports a MySQL-compatible version here).
    public var serverVersion: String? { counters.withLock { $0.serverVersion } }

    /// The server's id for the current session (`CONNECTION_ID()`), or `nil` while disconnected.
    public var connectionID: UInt? { counters.withLock { $0.connectionID } }

    /// The TLS cipher of the current session, or `nil` when the connection is not encrypted.
    public var tlsCipher: String? { counters.withLock { $0.tlsCipher } }

    /// Closes the connection and ends its thread; later statements fail with `ClientError.closed`.
    public func close() async {
        let alreadyClosed = counters.withLock { counters -> Bool in
            defer { counters.closed = true }
            return counters.closed
        }
        guard !alreadyClosed else { return }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            worker.stop { [self] in
                session?.close()
                session = nil
                done.resume()
            }
        }
    }

    /// Runs one statement of any kind, past the read-only guard. Only `SchemaWriter` (the `upgrade` subcommand's
    /// writer connection) and `ProbeWriter` (`calibrate`'s, behind `ProbeGuard`) call this; a write is never retried
    /// on a new connection (it may have been applied).
    func executeUnguarded(_ sql: String) async throws -> ResultSet {
        let result = try await run(sql, guarded: false) { session throws(MariaDBFailure) in
            try session.query(sql) { String(decoding: $0, as: UTF8.self) }
        }
        return ResultSet(columns: result.columns, rows: result.rows)
    }

    private func run<T: Sendable>(_ sql: String, guarded: Bool = true,
                                  _ body: @escaping @Sendable (MariaDBSession) throws(MariaDBFailure) -> T)
        async throws -> T {
        if guarded { try ReadOnlyGuard.check(sql, environment: options.environment) }
        guard !counters.withLock({ $0.closed }) else { throw ClientError.closed(environment: options.environment) }
        do {
            return try await worker.run { [self] in try withRetry(sql, retries: guarded ? options.maxRetries : 0, body) }
        } catch ClientError.closed(nil) {
            throw ClientError.closed(environment: options.environment)
        }
    }

    /// Runs `body` on the current session, reopening it after a lost connection within the retry bound.
    /// Called on the worker thread only.
    private func withRetry<T>(_ sql: String, retries: Int,
                              _ body: (MariaDBSession) throws(MariaDBFailure) -> T) throws -> T {
        var attempts = 0
        var lost: MariaDBFailure?
        while true {
            attempts += 1
            let current: MariaDBSession
            do {
                current = try currentSession()
            } catch {
                guard let lost else { throw ClientErrorMapping.connectFailure(error, options) }
                if attempts <= retries && ClientErrorMapping.mayRecover(error) {
                    backOff(attempts)
                    continue
                }
                throw ClientErrorMapping.lost(lost, reconnectFailure: error, statement: sql, attempts: attempts, options)
            }
            counters.withLock { $0.statementsSent += 1 }
            do {
                return try body(current)
            } catch {
                guard ServerErrorCode.lostConnection.contains(error.errno) else {
                    throw ClientErrorMapping.statementFailure(error, statement: sql, options)
                }
                dropSession()
                if ClientErrorMapping.isReadTimeout(error, options) {
                    throw ClientError.timeout(phase: .read, seconds: options.readTimeoutSeconds,
                                              address: options.address, statement: sql,
                                              environment: options.environment)
                }
                guard attempts <= retries else {
                    throw ClientErrorMapping.lost(error, reconnectFailure: nil, statement: sql, attempts: attempts,
                                                  options)
                }
                lost = error
                counters.withLock { $0.reconnects += 1 }
                backOff(attempts)
            }
        }
    }

    /// The open session, connecting first when there is none. Worker thread only.
    private func currentSession() throws(MariaDBFailure) -> MariaDBSession {
        if let session { return session }
        let opened = try MariaDBSession(options: options) { counters.withLock { $0.statementsSent += 1 } }
        session = opened
        counters.withLock {
            $0.serverVersion = opened.serverVersion
            $0.connectionID = opened.connectionID
            $0.tlsCipher = opened.tlsCipher
        }
        return opened
    }

    /// The first connect, with its failure mapped for the caller. Worker thread only.
    private func openSessionForCaller() throws {
        do {
            _ = try currentSession()
        } catch {
            throw ClientErrorMapping.connectFailure(error, options)
        }
    }

    private func dropSession() {
        session?.close()
        session = nil
        counters.withLock { $0.connectionID = nil }
    }

    private func backOff(_ attempt: Int) {
        let milliseconds = max(0, options.retryBackoffMilliseconds) * attempt
        if milliseconds > 0 { Thread.sleep(forTimeInterval: Double(milliseconds) / 1000) }
    }
}
