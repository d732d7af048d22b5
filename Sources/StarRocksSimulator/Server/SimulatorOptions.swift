/// How a simulator listens, authenticates and misbehaves on purpose.
public struct SimulatorOptions: Sendable {
    /// TCP port on 127.0.0.1; 0 picks a free one (`start()` returns it).
    public var port: UInt16
    /// The only user accepted.
    public var user: String
    /// That user's password (empty: no password). Never printed or logged.
    public var password: String
    /// Delay before every reply, in milliseconds.
    public var latencyMilliseconds: Int
    /// When set, every statement after the first N (counted over all connections) is answered by closing the
    /// connection.
    public var dropAfterStatements: Int?
    /// Statements matching this regular expression get StarRocks' 1227 "Access denied" error.
    public var denyPattern: String?
    /// When set, every statement received is appended to this file, one per line.
    public var logFile: String?
    /// `--writable`: DDL is applied to the in-memory catalog (see `WritableCatalog`); off, every write is rejected.
    public var writable: Bool
    /// How long a schema-change job created by a writable simulator runs, in milliseconds.
    public var jobMilliseconds: Int
    /// Statements matching this regular expression are rejected (fault injection for writable simulators).
    public var failStatementPattern: String?
    /// How many matching statements `failStatementPattern` rejects before the fault clears (`nil`: every one).
    public var failStatementCount: Int?
    /// Schema-change jobs of statements matching this regular expression end CANCELLED instead of FINISHED.
    public var cancelJobPattern: String?
    /// A second user accepted by a writable simulator, the only one allowed to write when set (the first user then
    /// gets StarRocks' privilege error on writes, like a read-only checking user).
    public var writerUser: String?
    /// The writer's password (empty: none). Never printed or logged.
    public var writerPassword: String
    /// How many matching jobs `cancelJobPattern` cancels (`nil`: every one).
    public var cancelJobCount: Int?
    /// Fault injection (writable): a matching statement is applied, then its connection is closed without a reply.
    public var loseReplyPattern: String?
    /// How many matching statements lose their reply (`nil`: every one).
    public var loseReplyCount: Int? = 1
    /// Fault injection (writable): after answering a matching statement every connection is closed and new ones are
    /// refused for `downMilliseconds`; then the same catalog and jobs are served.
    public var restartPattern: String?
    /// How many matching statements restart the server (`nil`: every one).
    public var restartCount: Int? = 1
    /// How long a restart refuses connections, in milliseconds.
    public var downMilliseconds = 2000
    /// Fault injection (writable): the job of a matching statement runs `slowJobMilliseconds` instead of
    /// `jobMilliseconds`.
    public var slowJobPattern: String?
    /// How many matching jobs run slow (`nil`: every one).
    public var slowJobCount: Int? = 1
    /// How long a slow job runs, in milliseconds.
    public var slowJobMilliseconds = 60_000

    /// Creates a value from its parts.
    public init(port: UInt16 = 0, user: String = "root", password: String = "", latencyMilliseconds: Int = 0,
                dropAfterStatements: Int? = nil, denyPattern: String? = nil, logFile: String? = nil,
                writable: Bool = false, jobMilliseconds: Int = 1000, failStatementPattern: String? = nil,
                failStatementCount: Int? = nil, cancelJobPattern: String? = nil, writerUser: String? = nil, writerPassword: String = "") {
        self.port = port
        self.user = user
        self.password = password
        self.latencyMilliseconds = latencyMilliseconds
        self.dropAfterStatements = dropAfterStatements
        self.denyPattern = denyPattern
        self.logFile = logFile
        self.writable = writable
        self.jobMilliseconds = jobMilliseconds
        self.failStatementPattern = failStatementPattern
        self.failStatementCount = failStatementCount
        self.cancelJobPattern = cancelJobPattern
        self.writerUser = writerUser
        self.writerPassword = writerPassword
    }
}

/// Why a simulator could not start.
public struct SimulatorStartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Lower-case message saying what to do.
    public var message: String

    /// Creates a value from its parts.
    public init(_ message: String) { self.message = message }

    /// The text shown to users.
    public var description: String { message }
}
