/// A bounded set of connections to one server, opened lazily, shared by concurrent tasks.
///
/// At most `size` connections exist; a task that finds them all busy waits for one. Every statement goes through
/// the read-only guard of the connection that runs it.
public final class ConnectionPool: QueryRunning, @unchecked Sendable {
    /// The options every connection is opened with.
    public let options: ConnectionOptions
    /// The most connections the pool opens.
    public let size: Int

    private let state = Locked(State())

    private struct State {
        var all: [Connection] = []
        var idle: [Connection] = []
        var opening = 0
        var waiters: [CheckedContinuation<Lease, Error>] = []
        var closed = false
    }

    /// What a waiting task receives: a free connection, or the right to open one (after an open failed).
    private enum Lease: Sendable {
        case connection(Connection)
        case openSlot
    }

    /// A pool of up to `size` (at least 1) connections opened with `options`.
    public init(options: ConnectionOptions, size: Int) {
        self.options = options
        self.size = max(1, size)
    }

    /// Runs one read-only statement on a free connection.
    public func query(_ sql: String) async throws -> ResultSet {
        try await withConnection { try await $0.query(sql) }
    }

    /// Lends a connection to `body` and takes it back afterwards.
    public func withConnection<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        defer { release(connection) }
        return try await body(connection)
    }

    /// Opens one connection now (if none is open yet), so bad credentials or an unreachable host fail fast.
    public func warmUp() async throws {
        try await withConnection { _ in }
    }

    /// Statements sent by all the pool's connections.
    public var statementsSent: Int {
        state.withLock { $0.all }.reduce(0) { $0 + $1.statementsSent }
    }

    /// Connections opened so far.
    public var openConnections: Int { state.withLock { $0.all.count } }

    /// The server version reported by any open connection.
    public var serverVersion: String? {
        state.withLock { $0.all }.lazy.compactMap(\.serverVersion).first
    }

    /// Closes every connection; waiting and later statements fail with `ClientError.closed`.
    public func close() async {
        let (connections, waiters) = state.withLock { state -> ([Connection], [CheckedContinuation<Lease, Error>]) in
            state.closed = true
            defer { state.waiters = []; state.idle = [] }
            return (state.all, state.waiters)
        }
        for waiter in waiters { waiter.resume(throwing: ClientError.closed(environment: options.environment)) }
        for connection in connections { await connection.close() }
    }

    private func acquire() async throws -> Connection {
        enum Next { case use(Connection), open, wait }
        let next = try state.withLock { state throws -> Next in
            guard !state.closed else { throw ClientError.closed(environment: options.environment) }
            if let connection = state.idle.popLast() { return .use(connection) }
            if state.all.count + state.opening < size {
                state.opening += 1
                return .open
            }
            return .wait
        }
        switch next {
        case .use(let connection):
            return connection
        case .open:
            return try await openCounted()
        case .wait:
            let lease = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Lease, Error>) in
                let closed = state.withLock { state -> Bool in
                    if state.closed { return true }
                    if let connection = state.idle.popLast() {
                        continuation.resume(returning: .connection(connection))
                    } else if state.all.count + state.opening < size {
                        state.opening += 1
                        continuation.resume(returning: .openSlot)
                    } else {
                        state.waiters.append(continuation)
                    }
                    return false
                }
                if closed { continuation.resume(throwing: ClientError.closed(environment: options.environment)) }
            }
            switch lease {
            case .connection(let connection): return connection
            case .openSlot: return try await openCounted()
            }
        }
    }

    /// Opens a connection for a slot already reserved in `state.opening`.
    private func openCounted() async throws -> Connection {
        do {
            let connection = try await Connection.open(options)
            state.withLock {
                $0.opening -= 1
                $0.all.append(connection)
            }
            return connection
        } catch {
            let waiter = state.withLock { state -> CheckedContinuation<Lease, Error>? in
                state.opening -= 1
                guard !state.waiters.isEmpty else { return nil }
                state.opening += 1
                return state.waiters.removeFirst()
            }
            waiter?.resume(returning: .openSlot)
            throw error
        }
    }

    private func release(_ connection: Connection) {
        let waiter = state.withLock { state -> CheckedContinuation<Lease, Error>? in
            if state.closed { return nil }
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.idle.append(connection)
            return nil
        }
        waiter?.resume(returning: .connection(connection))
    }
}
