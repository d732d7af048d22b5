/// What a simulated FE reports besides object DDL: version, version-table rows, backends, schema-change jobs and
/// MV health. Read from `DIR/state.yaml` or built in memory.
public struct SimulatorState: Hashable, Sendable {
    /// What `SELECT current_version()` returns (e.g. `3.3.2`).
    public var serverVersion: String
    /// The migration version table; `nil` when there is none (a SELECT on it is an "Unknown table" error).
    public var versionTable: VersionTableState?
    /// Alive and total backends, as `SHOW BACKENDS` lists them.
    public var backendsAlive: Int
    /// All backends listed (alive or not).
    public var backendsTotal: Int
    /// Schema-change jobs listed by `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE`.
    public var alterJobs: [SimulatedAlterJob]
    /// Refresh status of materialized views (others report active and a successful last refresh).
    public var materializedViews: [SimulatedMaterializedViewStatus]
    /// `shared_nothing` or `shared_data` (`SELECT @@run_mode`).
    public var runMode: String
    /// The FE's `default_replication_num`.
    public var defaultReplicationNum: Int
    /// How this server's `SHOW CREATE` text differs from the simulator's printer (writable simulators).
    public var printer: PrinterQuirks

    /// StarRocks version a simulator reports when not told otherwise.
    public static let defaultServerVersion = "3.3.2"

    /// Creates a value from its parts.
    public init(serverVersion: String = SimulatorState.defaultServerVersion, versionTable: VersionTableState? = nil,
                backendsAlive: Int = 1, backendsTotal: Int = 1, alterJobs: [SimulatedAlterJob] = [],
                materializedViews: [SimulatedMaterializedViewStatus] = [], runMode: String = "shared_nothing",
                defaultReplicationNum: Int = 3, printer: PrinterQuirks = PrinterQuirks()) {
        self.serverVersion = serverVersion
        self.versionTable = versionTable
        self.backendsAlive = backendsAlive
        self.backendsTotal = backendsTotal
        self.alterJobs = alterJobs
        self.materializedViews = materializedViews
        self.runMode = runMode
        self.defaultReplicationNum = defaultReplicationNum
        self.printer = printer
    }
}

/// The version table (`alembic_version` by default): its rows, column name and whether it exists at all.
public struct VersionTableState: Hashable, Sendable {
    /// The table's name.
    public var table: String
    /// The database holding it; `nil` means every database of the catalog answers for it.
    public var database: String?
    /// The column holding the revision (`version_num`).
    public var column: String
    /// The recorded revisions, one row each (several rows are possible after a merge gone wrong).
    public var revisions: [String]
    /// Adds a leading integer `id` column (1, 2, ...) as some teams' version tables have.
    public var hasIDColumn: Bool
    /// False simulates a missing table even though it is configured.
    public var exists: Bool

    /// Creates a value from its parts.
    public init(table: String = "alembic_version", database: String? = nil, column: String = "version_num",
                revisions: [String], hasIDColumn: Bool = false, exists: Bool = true) {
        self.table = table
        self.database = database
        self.column = column
        self.revisions = revisions
        self.hasIDColumn = hasIDColumn
        self.exists = exists
    }
}

/// One `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE` row.
public struct SimulatedAlterJob: Hashable, Sendable {
    /// The database; `nil` lists the job under every database holding `table`.
    public var database: String?
    /// The table's name.
    public var table: String
    /// `PENDING`, `WAITING_TXN`, `RUNNING`, `FINISHED`, `CANCELLED` or `FINISHED_REWRITING`.
    public var state: String
    /// The `Msg` column.
    public var message: String
    /// The `CreateTime` column.
    public var createTime: String
    /// `nil` prints `NULL`.
    public var finishTime: String?
    /// The `JobId` column.
    public var jobID: Int
    /// A rollup / synchronous MV job (`SHOW ALTER TABLE ROLLUP`) rather than a column job.
    public var isRollup: Bool
    /// The rollup's name (`RollupIndexName`) for a rollup job.
    public var rollupName: String
    /// An optimize job (`SHOW ALTER TABLE OPTIMIZE`: a distribution change) rather than a column job.
    public var isOptimize: Bool
    /// The `Operation` column of an optimize job (the clause that started it).
    public var operation: String

    /// Creates a value from its parts.
    public init(database: String? = nil, table: String, state: String, message: String = "",
                createTime: String = "2026-01-01 00:00:00", finishTime: String? = nil, jobID: Int = 0,
                isRollup: Bool = false, rollupName: String = "", isOptimize: Bool = false, operation: String = "") {
        self.database = database
        self.table = table
        self.state = state
        self.message = message
        self.createTime = createTime
        self.finishTime = finishTime
        self.jobID = jobID
        self.isRollup = isRollup
        self.rollupName = rollupName
        self.isOptimize = isOptimize
        self.operation = operation
    }
}

/// Refresh health of one materialized view, as `information_schema.materialized_views` reports it.
public struct SimulatedMaterializedViewStatus: Hashable, Sendable {
    /// The database; `nil` matches the MV in any database.
    public var database: String?
    /// The object's name.
    public var name: String
    /// `IS_ACTIVE`.
    public var isActive: Bool
    /// `INACTIVE_REASON` (empty when active).
    public var inactiveReason: String
    /// `SUCCESS`, `FAILED`, `SKIPPED`, `RUNNING`, ... or `nil` (never refreshed).
    public var lastRefreshState: String?
    /// `LAST_REFRESH_ERROR_MESSAGE`.
    public var lastRefreshErrorMessage: String

    /// Creates a value from its parts.
    public init(database: String? = nil, name: String, isActive: Bool = true, inactiveReason: String = "",
                lastRefreshState: String? = "SUCCESS", lastRefreshErrorMessage: String = "") {
        self.database = database
        self.name = name
        self.isActive = isActive
        self.inactiveReason = inactiveReason
        self.lastRefreshState = lastRefreshState
        self.lastRefreshErrorMessage = lastRefreshErrorMessage
    }
}
