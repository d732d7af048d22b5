import StarRocksClient

/// How LiveSchema treats a failed statement: a missing privilege makes the part "not checked", a missing table or
/// database is a fact about the server, anything else ends the read.
enum QueryFailure {
    case privilegeMissing(String)
    case unknownTable
    case unknownDatabase
    case other

    /// Error numbers StarRocks uses for a table that does not exist (1064 in 3.x analysis errors with an
    /// "Unknown table" message, 5502 in 3.5+, MySQL's 1146/1051/1109).
    static let unknownTableNumbers: Set<Int> = [1064, 1146, 1051, 1109, 5502]
    /// ER_BAD_DB_ERROR.
    static let unknownDatabaseNumber = 1049

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
        } else {
            self = .other
        }
    }
}
