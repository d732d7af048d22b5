import SchemaModel

/// Everything read from one server: the actual catalog plus the operational state around it.
public struct LiveSnapshot: Hashable, Sendable {
    /// The actual schema, parsed with the same parser and lowering as the migrations side.
    public var catalog: Catalog
    /// `SELECT current_version()`, e.g. `3.3.2-a1b2c3d`; `nil` when it could not be read.
    public var serverVersion: String?
    /// The version table's revisions, one per row; `nil` when the table does not exist (or was not asked for).
    public var versionRows: [String]?
    /// `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE` rows of every database read.
    public var alterJobs: [AlterJob]
    /// Alive and total backends; `nil` when not readable.
    public var backends: BackendCount?
    /// Refresh health of every asynchronous materialized view.
    public var materializedViewStatus: [MVStatus]
    /// Parts that could not be read for lack of a privilege, each with the GRANT that fixes it.
    public var notChecked: [NotCheckedPart]
    /// Objects whose SHOW CREATE text the parser rejected (reported, not fatal).
    public var unparseable: [UnparseableObject]
    /// Databases asked for that the server does not have.
    public var missingDatabases: [String]
    /// How many statements the read sent.
    public var statementsSent: Int

    /// A snapshot; the reader fills it in.
    public init(catalog: Catalog = Catalog(), serverVersion: String? = nil, versionRows: [String]? = nil,
                alterJobs: [AlterJob] = [], backends: BackendCount? = nil, materializedViewStatus: [MVStatus] = [],
                notChecked: [NotCheckedPart] = [], unparseable: [UnparseableObject] = [],
                missingDatabases: [String] = [], statementsSent: Int = 0) {
        self.catalog = catalog
        self.serverVersion = serverVersion
        self.versionRows = versionRows
        self.alterJobs = alterJobs
        self.backends = backends
        self.materializedViewStatus = materializedViewStatus
        self.notChecked = notChecked
        self.unparseable = unparseable
        self.missingDatabases = missingDatabases
        self.statementsSent = statementsSent
    }
}

/// One row of a `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE` job list.
public struct AlterJob: Hashable, Sendable {
    /// The list the job is in: a column schema change, a rollup, or an optimize job (a distribution change).
    public var kind: SchemaChangeJobKind
    /// The database the job's table is in.
    public var database: String
    /// The table being changed (`TableName`).
    public var table: String
    /// `PENDING`, `WAITING_TXN`, `RUNNING`, `FINISHED`, `CANCELLED`, `FINISHED_REWRITING`.
    public var state: String
    /// The server's message (`Msg`), often empty.
    public var msg: String
    /// `CreateTime` as printed.
    public var createTime: String?
    /// `FinishTime` as printed; `nil` while unfinished.
    public var finishTime: String?

    /// A job row.
    public init(database: String, table: String, state: String, msg: String, createTime: String?, finishTime: String?,
                kind: SchemaChangeJobKind = .column) {
        self.kind = kind
        self.database = database
        self.table = table
        self.state = state
        self.msg = msg
        self.createTime = createTime
        self.finishTime = finishTime
    }
}

/// Alive and total backends (`SHOW BACKENDS`).
public struct BackendCount: Hashable, Sendable {
    /// Backends whose `Alive` is true.
    public var alive: Int
    /// All backends listed.
    public var total: Int

    /// A count.
    public init(alive: Int, total: Int) {
        self.alive = alive
        self.total = total
    }
}

/// Refresh health of one asynchronous materialized view (`information_schema.materialized_views`).
public struct MVStatus: Hashable, Sendable {
    /// The MV's database.
    public var database: String
    /// The MV's name.
    public var name: String
    /// `IS_ACTIVE`.
    public var isActive: Bool
    /// `nil` or empty when active.
    public var inactiveReason: String?
    /// `SUCCESS`, `FAILED`, `SKIPPED`, ... or `nil` when never refreshed.
    public var lastRefreshState: String?
    /// `LAST_REFRESH_ERROR_MESSAGE`.
    public var lastRefreshError: String?

    /// A status row.
    public init(database: String, name: String, isActive: Bool, inactiveReason: String?, lastRefreshState: String?,
                lastRefreshError: String?) {
        self.database = database
        self.name = name
        self.isActive = isActive
        self.inactiveReason = inactiveReason
        self.lastRefreshState = lastRefreshState
        self.lastRefreshError = lastRefreshError
    }
}

/// A part of the actual state that was not read because a privilege is missing.
public struct NotCheckedPart: Hashable, Sendable {
    /// What was not read: `backends`, `version table`, `<db> objects`, `<db> materialized views`,
    /// `<db> schema-change jobs`, `server version`, or `<db>.<object>` for one object's SHOW CREATE.
    public var part: String
    /// The server's refusal, lower-case summary first.
    public var reason: String
    /// The GRANT statement that makes the part readable.
    public var grantToAdd: String

    /// The part name for `SHOW BACKENDS`.
    public static let backends = "backends"
    /// The part name for the version table.
    public static let versionTable = "version table"
    /// The part name for a database's object list (`SHOW FULL TABLES`).
    public static func objects(of database: String) -> String { "\(database) objects" }

    /// A part not checked.
    public init(part: String, reason: String, grantToAdd: String) {
        self.part = part
        self.reason = reason
        self.grantToAdd = grantToAdd
    }
}

/// An object whose SHOW CREATE text did not parse.
public struct UnparseableObject: Hashable, Sendable {
    /// The object whose text did not parse.
    public var object: ObjectName
    /// The parse or replay error, with line, column and caret.
    public var error: String

    /// An unparseable object.
    public init(object: ObjectName, error: String) {
        self.object = object
        self.error = error
    }
}
