/// The errors a StarRocks 3.x FE sends, as the simulator reproduces them (numbers, SQLSTATEs and message shapes
/// from StarRocks output; see docs/starrocks-behaviour.md#error-texts and the corpus' errors.tsv).
enum ServerErrors {
    /// ER_ACCESS_DENIED_ERROR: wrong user or password at connect.
    static let accessDeniedNumber: UInt16 = 1045
    /// ER_SPECIFIC_ACCESS_DENIED_ERROR: a privilege is missing.
    static let privilegeDeniedNumber: UInt16 = 1227
    /// StarRocks' generic analysis/syntax error number (3.x).
    static let analysisErrorNumber: UInt16 = 1064
    /// ER_BAD_DB_ERROR.
    static let unknownDatabaseNumber: UInt16 = 1049
    /// ER_NO_DB_ERROR.
    static let noDatabaseNumber: UInt16 = 1046
    /// ER_UNKNOWN_SYSTEM_VARIABLE.
    static let unknownVariableNumber: UInt16 = 1193
    /// ER_UNKNOWN_COM_ERROR.
    static let unknownCommandNumber: UInt16 = 1047

    /// `ERROR 1045 (28000): Access denied for user 'u' (using password: YES)`.
    static func accessDenied(user: String, usedPassword: Bool) -> SimulatedServerError {
        SimulatedServerError(number: accessDeniedNumber, sqlState: "28000",
                             message: "Access denied for user '\(user)' (using password: \(usedPassword ? "YES" : "NO"))")
    }

    /// `ERROR 1227 (42000): Access denied; you need (at least one of) the SELECT privilege(s) on TABLE t for this
    /// operation. ...` (StarRocks 3.x RBAC wording).
    static func privilegeDenied(privilege: String, on object: String) -> SimulatedServerError {
        SimulatedServerError(number: privilegeDeniedNumber, sqlState: "42000",
                             message: "Access denied; you need (at least one of) the \(privilege) privilege(s) on "
                                + "\(object) for this operation. Please ask the admin to grant permission(s) or try "
                                + "activating existing roles using <set [default] role>. Current role(s): NONE. "
                                + "Inactivated role(s): NONE.")
    }

    /// `ERROR 1064 (HY000): Getting analyzing error. Detail message: <detail>.`
    static func analysis(_ detail: String) -> SimulatedServerError {
        SimulatedServerError(number: analysisErrorNumber, sqlState: "HY000",
                             message: "Getting analyzing error. Detail message: \(detail).")
    }

    /// `Unknown table 'db.t'` (3.x: 1064 HY000 analysis error).
    static func unknownTable(database: String, name: String) -> SimulatedServerError {
        analysis("Unknown table '\(database).\(name)'")
    }

    /// `ERROR 1049 (42000): Unknown database 'db'`.
    /// MySQL/StarRocks ERROR 1050 (`ErrorCode.ERR_TABLE_EXISTS_ERROR`): a CREATE of a name already taken.
    static let tableExistsNumber: UInt16 = 1050

    /// `ERROR 1050 (42S01): Table 'x' already exists`.
    static func tableExists(_ name: String) -> SimulatedServerError {
        SimulatedServerError(number: tableExistsNumber, sqlState: "42S01", message: "Table '\(name)' already exists")
    }

    static func unknownDatabase(_ name: String) -> SimulatedServerError {
        SimulatedServerError(number: unknownDatabaseNumber, sqlState: "42000", message: "Unknown database '\(name)'")
    }

    /// `ERROR 1046 (3D000): No database selected`.
    static let noDatabaseSelected = SimulatedServerError(number: noDatabaseNumber, sqlState: "3D000",
                                                         message: "No database selected")

    /// `ERROR 1064 (HY000): Getting syntax error at line 1, column C. Detail message: Unexpected input 'x', ...`
    static func syntax(near token: String, line: Int = 1, column: Int = 0) -> SimulatedServerError {
        SimulatedServerError(number: analysisErrorNumber, sqlState: "HY000",
                             message: "Getting syntax error at line \(line), column \(column). Detail message: "
                                + "Unexpected input '\(token)', the most similar input is {a legal identifier}.")
    }

    /// A write the simulator does not apply, shaped as an analysis error (and logged).
    static func writeRejected(_ verb: String) -> SimulatedServerError {
        analysis("\(verb.uppercased()) is not supported by starrocks-sim, a read-only StarRocks simulator; the "
            + "statement was not applied")
    }

    /// `ERROR 1193 (HY000): Unknown system variable 'x'`.
    static func unknownVariable(_ name: String) -> SimulatedServerError {
        SimulatedServerError(number: unknownVariableNumber, sqlState: "HY000", message: "Unknown system variable '\(name)'")
    }

    /// An unknown column in a simulated SELECT.
    static func unknownColumn(_ name: String) -> SimulatedServerError {
        analysis("Column '\(name)' cannot be resolved")
    }
}
