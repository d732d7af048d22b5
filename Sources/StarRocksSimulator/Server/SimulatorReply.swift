/// What the simulator answers to one statement.
public enum SimulatorReply: Hashable, Sendable {
    /// An OK packet (statements without a result set: SET, USE, ...).
    case ok
    /// A text result set.
    case resultSet(SimulatedResultSet)
    /// An ERR packet shaped like StarRocks'.
    case error(SimulatedServerError)
}

/// A text result set: column names and rows (`nil` is SQL NULL, sent as 0xFB).
public struct SimulatedResultSet: Hashable, Sendable {
    /// Column names, exactly as the real server titles them.
    public var columns: [String]
    /// Row values as text.
    public var rows: [[String?]]

    /// Creates a value from its parts.
    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// An error as a StarRocks FE sends it: error number, SQLSTATE and message.
public struct SimulatedServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The MySQL error number (e.g. 1064).
    public var number: UInt16
    /// The five-character SQLSTATE (e.g. `HY000`).
    public var sqlState: String
    /// The message text.
    public var message: String

    /// Creates a value from its parts.
    public init(number: UInt16, sqlState: String, message: String) {
        self.number = number
        self.sqlState = sqlState
        self.message = message
    }

    /// `ERROR 1064 (HY000): message`, as the mysql client prints it.
    public var description: String { "ERROR \(number) (\(sqlState)): \(message)" }
}
