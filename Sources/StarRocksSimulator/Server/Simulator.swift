import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A StarRocks FE **simulator**: a loopback MySQL-protocol server that serves a catalog of verbatim StarRocks
/// `SHOW CREATE` output, for tests, demos and benchmarks. It is not StarRocks and never claims to be.
///
/// One thread per connection; `start()` returns the port, `stop()` closes everything.
public final class Simulator: @unchecked Sendable {
    /// The catalog as served by a read-only simulator.
    private let staticIndex: CatalogIndex
    /// The catalog of a `--writable` simulator; `nil` when read-only.
    private let writable: WritableCatalog?
    /// Why the writable catalog could not be set up (reported by `start()`).
    private let setupError: SimulatorStartError?
    /// Listening, authentication and fault options.
    public let options: SimulatorOptions

    private let lock = NSLock()
    private var listener: Int32 = -1
    private var clients: Set<Int32> = []
    private var stopped = false
    private var nextConnectionID: UInt32 = 1
    private var log: StatementLog?
    private var deny: NSRegularExpression?
    private var boundPort: UInt16?
    /// A restart fault fired: close everything once the reply is out (`restartIfRequested`).
    private var restartRequested = false

    /// Creates a value from its parts.
    public init(catalog: SimulatorCatalog, options: SimulatorOptions = SimulatorOptions()) {
        staticIndex = CatalogIndex(catalog)
        self.options = options
        if options.writable {
            do {
                writable = try WritableCatalog(catalog, options: options)
                setupError = nil
            } catch {
                writable = nil
                setupError = error
            }
        } else {
            writable = nil
            setupError = nil
        }
    }

    /// The catalog as served now.
    var index: CatalogIndex { writable?.current() ?? staticIndex }

    deinit { stop() }

    /// The port it listens on, once started.
    public var port: UInt16? {
        lock.lock()
        defer { lock.unlock() }
        return boundPort
    }

    /// Every write a writable simulator accepted and applied, in order (empty when read-only).
    public var appliedWrites: [String] { writable?.applied ?? [] }

    /// Every statement received so far (COM_QUERY texts and in-process `reply(to:)` calls), in order.
    public var statementLog: [String] { log?.all ?? [] }

    /// Binds 127.0.0.1 (`options.port`, 0 = a free port), starts accepting, and returns the port.
    @discardableResult
    public func start() throws(SimulatorStartError) -> UInt16 {
        try prepare()
        let (descriptor, port) = try bindListener(on: options.port)
        lock.lock()
        listener = descriptor
        boundPort = port
        stopped = false
        lock.unlock()
        startAccepting(descriptor)
        return port
    }

    /// Binds and listens on 127.0.0.1:`port`; returns the socket and the port bound.
    private func bindListener(on port: UInt16) throws(SimulatorStartError) -> (Int32, UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SimulatorStartError("cannot create a socket: \(Self.errnoText())") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            let reason = Self.errnoText()
            close(descriptor)
            throw SimulatorStartError("cannot listen on 127.0.0.1:\(port): \(reason); choose another --port "
                + "or 0 for a free one")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

    private func startAccepting(_ descriptor: Int32) {
        let thread = Thread { [self] in acceptLoop(descriptor) }
        thread.name = "starrocks-sim accept"
        thread.start()
    }

    /// After a restart fault's reply went out: closes every connection and the listener, refuses connections for
    /// `downMilliseconds`, then listens on the same port again. The catalog and the jobs are kept (jobs keep
    /// running on the wall clock meanwhile), as an FE that restarts or loses its leadership comes back with them.
    /// Returns whether the restart happened (the caller's connection is closed too).
    func restartIfRequested() -> Bool {
        lock.lock()
        guard restartRequested, !stopped, let port = boundPort else {
            lock.unlock()
            return false
        }
        restartRequested = false
        lock.unlock()
        closeListenerAndClients()
        let down = writable?.faults.downMilliseconds ?? 0
        let thread = Thread { [self] in
            usleep(UInt32(max(0, down)) * 1000)
            for _ in 0..<50 {
                lock.lock()
                let done = stopped
                lock.unlock()
                if done { return }
                if let (again, _) = try? bindListener(on: port) {
                    lock.lock()
                    if stopped {
                        lock.unlock()
                        close(again)
                        return
                    }
                    listener = again
                    lock.unlock()
                    startAccepting(again)
                    return
                }
                usleep(100_000)
            }
        }
        thread.name = "starrocks-sim restart"
        thread.start()
        return true
    }

    /// Stops listening and closes every connection.
    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        closeListenerAndClients()
    }

    /// Closes the listening socket and shuts every open connection down (a stop, or the first half of a restart).
    private func closeListenerAndClients() {
        lock.lock()
        let descriptor = listener
        listener = -1
        let open = clients
        lock.unlock()
        if descriptor >= 0 {
            shutdown(descriptor, Int32(SHUT_RDWR))
            close(descriptor)
        }
        for client in open { shutdown(client, Int32(SHUT_RDWR)) }
    }

    /// Answers `sql` in-process, as a connection whose current database is `database` would get it (logged, deny
    /// pattern and latency applied; `dropAfterStatements` answers with a lost-connection error).
    public func reply(to sql: String, database: String? = nil) -> SimulatorReply {
        do { try prepare() } catch { return .error(SimulatedServerError(number: 1105, sqlState: "HY000", message: error.message)) }
        var session = SessionContext(database: database, user: options.user)
        return answer(sql, session: &session) ?? .error(SimulatedServerError(
            number: 2013, sqlState: "HY000", message: "Lost connection to server during query (starrocks-sim fault injection)"))
    }

    // MARK: - internals

    /// Opens the log and compiles the deny pattern once.
    private func prepare() throws(SimulatorStartError) {
        if let setupError { throw setupError }
        lock.lock()
        defer { lock.unlock() }
        if log == nil { log = try StatementLog(path: options.logFile) }
        if deny == nil, let pattern = options.denyPattern {
            do { deny = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
                throw SimulatorStartError("--deny pattern `\(pattern)` is not a valid regular expression; fix it")
            }
        }
    }

    /// The reply to one statement, or `nil` when the connection must be dropped (fault injection).
    func answer(_ sql: String, session: inout SessionContext) -> SimulatorReply? {
        let count = log?.record(sql) ?? 0
        if let limit = options.dropAfterStatements, count > limit { return nil }
        delay()
        if let deny, deny.firstMatch(in: sql, range: NSRange(sql.startIndex..., in: sql)) != nil {
            return .error(Self.denied(sql))
        }
        if let writable, let reply = writable.write(sql, session: session) {
            if writable.faults.restartsAfter(sql) {
                lock.lock()
                restartRequested = true
                lock.unlock()
            }
            // Both on one statement: applied, reply lost, and the server goes away.
            if writable.faults.losesReply(sql) { return nil }
            return reply
        }
        return StatementRouter(index: index).reply(to: sql, session: &session)
    }

    /// Records a login in the statement log (writable simulators only: tests see which user connected).
    func noteLogin(_ user: String) {
        guard options.writable else { return }
        _ = log?.record("-- login: \(user)")
    }

    /// Sleeps `latencyMilliseconds`.
    func delay() {
        if options.latencyMilliseconds > 0 { usleep(UInt32(options.latencyMilliseconds) * 1000) }
    }

    /// The privilege error for a denied statement (OPERATE on SYSTEM for backends, else SELECT on the object).
    static func denied(_ sql: String) -> SimulatedServerError {
        let tokens = StatementTokenizer.tokens(sql)
        if tokens.contains(where: { $0.isWord("BACKENDS") || $0.isWord("PROC") }) {
            return ServerErrors.privilegeDenied(privilege: "OPERATE", on: "SYSTEM")
        }
        var target = "ANY TABLE"
        if let at = tokens.lastIndex(where: { $0.isWord("FROM") || $0.isWord("TABLE") || $0.isWord("VIEW") }),
           at + 1 < tokens.count, tokens[at + 1].isName {
            var name = tokens[at + 1].text
            var next = at + 2
            while next + 1 < tokens.count, tokens[next].text == ".", tokens[next + 1].isName {
                name += "." + tokens[next + 1].text
                next += 2
            }
            target = "TABLE \(name)"
        }
        return ServerErrors.privilegeDenied(privilege: "SELECT", on: target)
    }

    private func acceptLoop(_ descriptor: Int32) {
        while true {
            let client = accept(descriptor, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            lock.lock()
            if stopped {
                lock.unlock()
                close(client)
                return
            }
            clients.insert(client)
            let id = nextConnectionID
            nextConnectionID &+= 1
            lock.unlock()
            var noDelay: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in
                SimulatorSession(simulator: self, descriptor: client, connectionID: id).run()
                lock.lock()
                clients.remove(client)
                lock.unlock()
                close(client)
            }
            thread.stackSize = 4 << 20
            thread.name = "starrocks-sim connection \(id)"
            thread.start()
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
