import StarRocksClient

/// How LiveSchema treats a failed statement: a missing privilege makes the part "not checked", a missing table or
/// database is a fact about the server, a statement the server's parser rejects says what its version lacks (the
/// reader decides per statement whether that matters), anything else ends the read.
enum QueryFailure {
    case privilegeMissing(String)
    case unknownTable
    case unknownDatabase
    /// A syntax error (1064 that is not about a missing table): the server's version does not have the statement.
    case statementNotUnderstood
    case other

    /// Error numbers StarRocks uses for a table that does not exist (1064 in 3.x analysis errors with an
    /// "Unknown table" message, 5502 in 3.5+, MySQL's 1146/1051/1109).
    static let unknownTableNumbers: Set<Int> = [1064, 1146, 1051, 1109, 5502]
    /// ER_BAD_DB_ERROR.
    static let unknownDatabaseNumber = 1049
    /// ER_PARSE_ERROR: StarRocks' number for a statement its parser rejects.
    static let syntaxErrorNumber = 1064

    init(_ error: any Error) {
        guard let client = error as? ClientError, case .server(let errno, _, let message, _, _) = client else {
            self = .other
            return
        }
        let lower = message.lowercased()
        if client.isPrivilegeMissing || lower.hasPrefix("access denied") {
            self = .privilegeMissing(message)
        } else if errno == Self.unknownDatabaseNumber || lower.contains("unknown database") {
            self = .unknownDatabase
        } else if Self.unknownTableNumbers.contains(errno)
                    && (lower.contains("unknown table") || lower.contains("doesn't exist")
                        || lower.contains("not found") || lower.contains("does not exist")) {
            self = .unknownTable
        } else if errno == Self.syntaxErrorNumber {
            self = .statementNotUnderstood
        } else {
            self = .other
        }
    }
}
