/// An asynchronous materialized view.
///
/// ```sql
/// CREATE MATERIALIZED VIEW mv (c1, c2) COMMENT "..." PARTITION BY dt DISTRIBUTED BY HASH(c1)
/// ORDER BY (c1) REFRESH ASYNC START("2024-01-01 00:00:00") EVERY(INTERVAL 1 DAY) PROPERTIES (...) AS SELECT ...
/// ```
public struct MaterializedView: Hashable, Sendable {
    /// The materialized view's name (unqualified).
    public var name: String
    /// The declared (or server-derived) column list; empty when none was given.
    public var columns: [ViewColumn]
    /// Comment; empty when none.
    public var comment: String
    /// Partition expressions (canonical SQL text), empty when unpartitioned.
    public var partitionBy: [String]
    /// DISTRIBUTED BY, when written.
    public var distribution: Distribution?
    /// ORDER BY columns, when written.
    public var orderBy: [String]?
    /// The REFRESH clause, when written.
    public var refresh: Refresh?
    /// PROPERTIES as written.
    public var properties: [String: String]
    /// Indexes declared in the column list.
    public var indexes: [TableIndex]
    /// The query, as tokens.
    public var query: QueryText

    /// Creates a materialized view.
    public init(name: String, columns: [ViewColumn] = [], comment: String = "", partitionBy: [String] = [],
                distribution: Distribution? = nil, orderBy: [String]? = nil, refresh: Refresh? = nil,
                properties: [String: String] = [:], indexes: [TableIndex] = [], query: QueryText) {
        self.name = name
        self.columns = columns
        self.comment = comment
        self.partitionBy = partitionBy
        self.distribution = distribution
        self.orderBy = orderBy
        self.refresh = refresh
        self.properties = properties
        self.indexes = indexes
        self.query = query
    }
}

/// `REFRESH [IMMEDIATE|DEFERRED] ASYNC|MANUAL|INCREMENTAL [START("...")] [EVERY(INTERVAL n UNIT)]`.
public struct Refresh: Hashable, Sendable {
    /// When the first refresh happens.
    public enum Moment: String, Hashable, Sendable { case immediate = "IMMEDIATE", deferred = "DEFERRED" }
    /// How refreshes are triggered.
    public enum Kind: String, Hashable, Sendable { case async = "ASYNC", manual = "MANUAL", incremental = "INCREMENTAL" }

    /// `IMMEDIATE`/`DEFERRED` when written.
    public var moment: Moment?
    /// The refresh kind; `nil` when the clause wrote only a moment (`REFRESH DEFERRED`).
    public var kind: Kind?
    /// `START("2023-07-01 10:00:00")` value.
    public var start: String?
    /// `EVERY(INTERVAL n UNIT)`: count and upper-cased unit.
    public var everyCount: Int?
    /// `EVERY` unit, upper-cased.
    public var everyUnit: String?

    /// Creates a refresh clause.
    public init(moment: Moment? = nil, kind: Kind?, start: String? = nil, everyCount: Int? = nil, everyUnit: String? = nil) {
        self.moment = moment
        self.kind = kind
        self.start = start
        self.everyCount = everyCount
        self.everyUnit = everyUnit
    }
}
