import LiveSchema

/// What the live reader learned about a server besides its schema: the inputs of the operations checks.
public struct OperationalState: Hashable, Sendable {
    /// Rows of the version table (`version_num` values); `nil` when the table does not exist.
    public var versionRows: [String]?
    /// Why the version table could not be read (privileges), if so.
    public var versionTableProblem: String?
    /// Schema-change jobs from `SHOW ALTER TABLE COLUMN` (LiveSchema's rows, used as they are).
    public var alterJobs: [AlterJob]
    /// Alive and total backends, when readable.
    public var backendsAlive: Int?
    public var backendsTotal: Int?
    /// Materialized view health from `information_schema.materialized_views`.
    public var materializedViews: [MVStatus]

    public init(versionRows: [String]? = nil, versionTableProblem: String? = nil, alterJobs: [AlterJob] = [],
                backendsAlive: Int? = nil, backendsTotal: Int? = nil, materializedViews: [MVStatus] = []) {
        self.versionRows = versionRows
        self.versionTableProblem = versionTableProblem
        self.alterJobs = alterJobs
        self.backendsAlive = backendsAlive
        self.backendsTotal = backendsTotal
        self.materializedViews = materializedViews
    }
}

extension AlterJob {
    /// Job states that are still working (StarRocks `AlterJobV2.JobState` minus the terminal FINISHED/CANCELLED).
    public static let activeStates: Set<String> = ["PENDING", "WAITING_TXN", "RUNNING", "FINISHED_REWRITING"]

    /// The job still holds the table: StarRocks runs one schema-change job per table at a time.
    public var isActive: Bool { Self.activeStates.contains(state.uppercased()) }
}
