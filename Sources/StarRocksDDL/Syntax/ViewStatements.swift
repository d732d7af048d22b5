/// `CREATE [OR REPLACE] VIEW`.
///
/// ```sql
/// CREATE OR REPLACE VIEW IF NOT EXISTS db.v (id COMMENT 'User ID', name) COMMENT 'Active users' SECURITY INVOKER
/// AS SELECT id, name FROM users WHERE is_active = 1;
/// ```
public struct CreateViewStatement: Hashable, Sendable {
    /// `OR REPLACE` was written.
    public var orReplace: Bool
    /// `IF NOT EXISTS` was written.
    public var ifNotExists: Bool
    /// The view's name.
    public var name: QualifiedNameClause
    /// The column list, empty when none was written.
    public var columns: [ViewColumnClause]
    /// `COMMENT`, if written.
    public var comment: String?
    /// `SECURITY NONE | INVOKER`, upper-cased, if written.
    public var security: String?
    /// The query after `AS`.
    public var query: QueryClause

    /// Creates a CREATE VIEW statement.
    public init(orReplace: Bool = false, ifNotExists: Bool = false, name: QualifiedNameClause,
                columns: [ViewColumnClause] = [], comment: String? = nil, security: String? = nil, query: QueryClause) {
        self.orReplace = orReplace
        self.ifNotExists = ifNotExists
        self.name = name
        self.columns = columns
        self.comment = comment
        self.security = security
        self.query = query
    }
}

/// One entry of a view's or materialized view's column list.
///
/// ```sql
/// `dt` COMMENT "day"
/// ```
public struct ViewColumnClause: Hashable, Sendable {
    /// The column name.
    public var name: String
    /// `COMMENT`, if written.
    public var comment: String?

    /// Creates a view column.
    public init(name: String, comment: String? = nil) {
        self.name = name
        self.comment = comment
    }
}

/// `ALTER VIEW v [(cols)] AS query`.
///
/// ```sql
/// ALTER VIEW v (a, b COMMENT "x") AS SELECT a, b FROM t;
/// ```
public struct AlterViewStatement: Hashable, Sendable {
    /// The view's name.
    public var name: QualifiedNameClause
    /// The new column list, empty when none was written.
    public var columns: [ViewColumnClause]
    /// `COMMENT`, if written.
    public var comment: String?
    /// `SECURITY NONE | INVOKER`, upper-cased, if written.
    public var security: String?
    /// The new query.
    public var query: QueryClause

    /// Creates an ALTER VIEW statement.
    public init(name: QualifiedNameClause, columns: [ViewColumnClause] = [], comment: String? = nil,
                security: String? = nil, query: QueryClause) {
        self.name = name
        self.columns = columns
        self.comment = comment
        self.security = security
        self.query = query
    }
}

/// `CREATE MATERIALIZED VIEW` (asynchronous, or synchronous when it has no REFRESH clause and one base table).
///
/// ```sql
/// CREATE MATERIALIZED VIEW IF NOT EXISTS mv (dt, cnt COMMENT "n") COMMENT "daily" PARTITION BY (dt)
/// DISTRIBUTED BY HASH(dt) BUCKETS 3 ORDER BY (dt) REFRESH DEFERRED ASYNC START("2024-01-01 00:00:00") EVERY(INTERVAL 1 DAY)
/// PROPERTIES ("replication_num" = "1") AS SELECT dt, count(*) AS cnt FROM t GROUP BY dt;
/// ```
public struct CreateMaterializedViewStatement: Hashable, Sendable {
    /// `IF NOT EXISTS` was written.
    public var ifNotExists: Bool
    /// The MV's name.
    public var name: QualifiedNameClause
    /// The column list, empty when none was written.
    public var columns: [ViewColumnClause]
    /// Inline `INDEX` definitions inside the column list.
    public var indexes: [IndexDefinitionClause]
    /// `COMMENT`, if written.
    public var comment: String?
    /// `PARTITION BY`, if written.
    public var partitionBy: PartitionByClause?
    /// `DISTRIBUTED BY`, if written.
    public var distributedBy: DistributedByClause?
    /// `ORDER BY (...)` columns, if written.
    public var orderBy: [String]?
    /// `REFRESH ...`, if written.
    public var refresh: RefreshClause?
    /// `PROPERTIES (...)` in written order.
    public var properties: [PropertyClause]
    /// The query after `AS`.
    public var query: QueryClause

    /// Creates a CREATE MATERIALIZED VIEW statement.
    public init(ifNotExists: Bool = false, name: QualifiedNameClause, columns: [ViewColumnClause] = [],
                indexes: [IndexDefinitionClause] = [], comment: String? = nil, partitionBy: PartitionByClause? = nil,
                distributedBy: DistributedByClause? = nil, orderBy: [String]? = nil, refresh: RefreshClause? = nil,
                properties: [PropertyClause] = [], query: QueryClause) {
        self.ifNotExists = ifNotExists
        self.name = name
        self.columns = columns
        self.indexes = indexes
        self.comment = comment
        self.partitionBy = partitionBy
        self.distributedBy = distributedBy
        self.orderBy = orderBy
        self.refresh = refresh
        self.properties = properties
        self.query = query
    }
}

/// The refresh scheme of a materialized view.
///
/// ```sql
/// REFRESH DEFERRED ASYNC START("2023-07-01 10:00:00") EVERY(INTERVAL 1 DAY)
/// ```
public struct RefreshClause: Hashable, Sendable {
    /// `IMMEDIATE` or `DEFERRED`.
    public enum Moment: String, Hashable, Sendable { case immediate = "IMMEDIATE", deferred = "DEFERRED" }
    /// `ASYNC`, `MANUAL` or `INCREMENTAL`.
    public enum Kind: String, Hashable, Sendable { case async = "ASYNC", manual = "MANUAL", incremental = "INCREMENTAL" }

    /// `IMMEDIATE`/`DEFERRED` when written.
    public var moment: Moment?
    /// The refresh kind; `nil` when only a moment was written.
    public var kind: Kind?
    /// `START("...")` value, quote-free.
    public var start: String?
    /// `EVERY(INTERVAL n UNIT)`.
    public var every: IntervalClause?

    /// Creates a refresh clause.
    public init(moment: Moment? = nil, kind: Kind? = nil, start: String? = nil, every: IntervalClause? = nil) {
        self.moment = moment
        self.kind = kind
        self.start = start
        self.every = every
    }
}

/// `ALTER MATERIALIZED VIEW`.
///
/// ```sql
/// ALTER MATERIALIZED VIEW mv REFRESH ASYNC EVERY(INTERVAL 1 HOUR);
/// ALTER MATERIALIZED VIEW mv SET ("mv_rewrite_staleness_second" = "3600");
/// ALTER MATERIALIZED VIEW mv RENAME mv2;
/// ALTER MATERIALIZED VIEW mv ACTIVE;
/// ```
public struct AlterMaterializedViewStatement: Hashable, Sendable {
    /// The MV's name.
    public var name: QualifiedNameClause
    /// What the statement changes.
    public var action: AlterMaterializedViewClause

    /// Creates an ALTER MATERIALIZED VIEW statement.
    public init(name: QualifiedNameClause, action: AlterMaterializedViewClause) {
        self.name = name
        self.action = action
    }
}

/// The change an ALTER MATERIALIZED VIEW makes.
///
/// ```sql
/// REFRESH MANUAL   |   SET ("k" = "v")   |   RENAME mv2   |   ACTIVE   |   INACTIVE   |   SWAP WITH mv2
/// COMMENT "daily totals"
/// ```
public enum AlterMaterializedViewClause: Hashable, Sendable {
    /// `COMMENT "text"` (the comment SHOW CREATE MATERIALIZED VIEW prints).
    case comment(String)
    /// `REFRESH ...`.
    case refresh(RefreshClause)
    /// `SET ("k" = "v", ...)`.
    case set([PropertyClause])
    /// `RENAME new_name`.
    case rename(String)
    /// `ACTIVE`.
    case active
    /// `INACTIVE`.
    case inactive
    /// `SWAP WITH other`.
    case swapWith(String)
}
