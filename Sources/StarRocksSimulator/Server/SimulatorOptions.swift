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

    /// Creates a value from its parts.
    public init(port: UInt16 = 0, user: String = "root", password: String = "", latencyMilliseconds: Int = 0,
                dropAfterStatements: Int? = nil, denyPattern: String? = nil, logFile: String? = nil) {
        self.port = port
        self.user = user
        self.password = password
        self.latencyMilliseconds = latencyMilliseconds
        self.dropAfterStatements = dropAfterStatements
        self.denyPattern = denyPattern
        self.logFile = logFile
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
