/// What the live reader learned about a server besides its schema: the inputs of the operations checks.
public struct OperationalState: Hashable, Sendable {
    /// Rows of the version table (`version_num` values); `nil` when the table does not exist.
    public var versionRows: [String]?
    /// Why the version table could not be read (privileges), if so.
    public var versionTableProblem: String?
    /// Schema-change jobs from `SHOW ALTER TABLE COLUMN`.
    public var alterJobs: [AlterJobInfo]
    /// Alive and total backends, when readable.
    public var backendsAlive: Int?
    public var backendsTotal: Int?
    /// Materialized view health from `information_schema.materialized_views`.
    public var materializedViews: [MaterializedViewHealth]

    public init(versionRows: [String]? = nil, versionTableProblem: String? = nil, alterJobs: [AlterJobInfo] = [],
                backendsAlive: Int? = nil, backendsTotal: Int? = nil, materializedViews: [MaterializedViewHealth] = []) {
        self.versionRows = versionRows
        self.versionTableProblem = versionTableProblem
        self.alterJobs = alterJobs
        self.backendsAlive = backendsAlive
        self.backendsTotal = backendsTotal
        self.materializedViews = materializedViews
    }
}

/// One row of `SHOW ALTER TABLE COLUMN`.
public struct AlterJobInfo: Hashable, Sendable {
    public var database: String
    public var table: String
    /// PENDING, WAITING_TXN, RUNNING, FINISHED_REWRITING, FINISHED, CANCELLED.
    public var state: String
    public var message: String
    /// `CreateTime` as printed (`2024-01-31 10:00:00`).
    public var createTime: String?
    public var finishTime: String?

    public init(database: String, table: String, state: String, message: String = "", createTime: String? = nil,
                finishTime: String? = nil) {
        self.database = database
        self.table = table
        self.state = state
        self.message = message
        self.createTime = createTime
        self.finishTime = finishTime
    }

    /// Job states that are still working (StarRocks `AlterJobV2.JobState` minus the terminal FINISHED/CANCELLED).
    public static let activeStates: Set<String> = ["PENDING", "WAITING_TXN", "RUNNING", "FINISHED_REWRITING"]

    public var isActive: Bool { Self.activeStates.contains(state.uppercased()) }
}

/// An asynchronous MV's state.
public struct MaterializedViewHealth: Hashable, Sendable {
    public var database: String
    public var name: String
    public var isActive: Bool
    public var inactiveReason: String?
    public var lastRefreshState: String?
    public var lastRefreshError: String?

    public init(database: String, name: String, isActive: Bool, inactiveReason: String? = nil,
                lastRefreshState: String? = nil, lastRefreshError: String? = nil) {
        self.database = database
        self.name = name
        self.isActive = isActive
        self.inactiveReason = inactiveReason
        self.lastRefreshState = lastRefreshState
        self.lastRefreshError = lastRefreshError
    }
}
