/// An asynchronous materialized view.
///
/// ```sql
/// CREATE MATERIALIZED VIEW mv (c1, c2) COMMENT "..." PARTITION BY dt DISTRIBUTED BY HASH(c1)
/// ORDER BY (c1) REFRESH ASYNC START("2024-01-01 00:00:00") EVERY(INTERVAL 1 DAY) PROPERTIES (...) AS SELECT ...
/// ```
public struct MaterializedView: Hashable, Sendable {
    public var name: String
    public var columns: [ViewColumn]
    public var comment: String
    /// Partition expressions (canonical SQL text), empty when unpartitioned.
    public var partitionBy: [String]
    public var distribution: Distribution?
    public var orderBy: [String]?
    public var refresh: Refresh?
    public var properties: [String: String]
    public var indexes: [TableIndex]
    public var query: QueryText

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
    public enum Moment: String, Hashable, Sendable { case immediate = "IMMEDIATE", deferred = "DEFERRED" }
    public enum Kind: String, Hashable, Sendable { case async = "ASYNC", manual = "MANUAL", incremental = "INCREMENTAL" }

    /// `IMMEDIATE`/`DEFERRED` when written.
    public var moment: Moment?
    /// The refresh kind; `nil` when the clause wrote only a moment (`REFRESH DEFERRED`).
    public var kind: Kind?
    /// `START("2023-07-01 10:00:00")` value.
    public var start: String?
    /// `EVERY(INTERVAL n UNIT)`: count and upper-cased unit.
    public var everyCount: Int?
    public var everyUnit: String?

    public init(moment: Moment? = nil, kind: Kind?, start: String? = nil, everyCount: Int? = nil, everyUnit: String? = nil) {
        self.moment = moment
        self.kind = kind
        self.start = start
        self.everyCount = everyCount
        self.everyUnit = everyUnit
    }
}
