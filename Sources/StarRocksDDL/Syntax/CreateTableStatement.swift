/// `CREATE TABLE`, in its column-list, `LIKE` and CTAS forms.
///
/// ```sql
/// CREATE TABLE IF NOT EXISTS db.t (k INT NOT NULL, v VARCHAR(10), INDEX i (v) USING BITMAP)
/// ENGINE=OLAP PRIMARY KEY(k) COMMENT "t" PARTITION BY RANGE(k) (...) DISTRIBUTED BY HASH(k) BUCKETS 3
/// ORDER BY(v) PROPERTIES ("replication_num" = "1");
/// CREATE TABLE t2 LIKE t;
/// CREATE TABLE t4 PARTITION BY date_trunc('day', d) DISTRIBUTED BY RANDOM PROPERTIES ("replication_num" = "1") LIKE t;
/// CREATE TABLE t3 PRIMARY KEY(k) AS SELECT * FROM t;
/// ```
public struct CreateTableStatement: Hashable, Sendable {
    /// `IF NOT EXISTS` was written.
    public var ifNotExists: Bool
    /// The table's name.
    public var name: QualifiedNameClause
    /// Column definitions in order (empty for `LIKE` and for CTAS without a column list).
    public var columns: [ColumnDefinitionClause]
    /// Inline `INDEX` definitions in order.
    public var indexes: [IndexDefinitionClause]
    /// `ENGINE=...` as written.
    public var engine: String?
    /// The key clause, if written.
    public var key: KeyClause?
    /// Table `COMMENT`, if written.
    public var comment: String?
    /// `PARTITION BY ...`, if written.
    public var partitionBy: PartitionByClause?
    /// `DISTRIBUTED BY ...`, if written.
    public var distributedBy: DistributedByClause?
    /// `ORDER BY (...)` columns, if written.
    public var orderBy: [String]?
    /// `PROPERTIES (...)` in written order (empty when absent).
    public var properties: [PropertyClause]
    /// `LIKE source`, for the copy form (3.2+: with its own `partitionBy`, `distributedBy` and `properties`, which
    /// replace the source's partitioning and distribution and are merged over its properties).
    public var like: QualifiedNameClause?
    /// `AS query`, for CTAS.
    public var asQuery: QueryClause?

    /// Creates a CREATE TABLE statement.
    public init(ifNotExists: Bool = false, name: QualifiedNameClause, columns: [ColumnDefinitionClause] = [],
                indexes: [IndexDefinitionClause] = [], engine: String? = nil, key: KeyClause? = nil,
                comment: String? = nil, partitionBy: PartitionByClause? = nil,
                distributedBy: DistributedByClause? = nil, orderBy: [String]? = nil,
                properties: [PropertyClause] = [], like: QualifiedNameClause? = nil, asQuery: QueryClause? = nil) {
        self.ifNotExists = ifNotExists
        self.name = name
        self.columns = columns
        self.indexes = indexes
        self.engine = engine
        self.key = key
        self.comment = comment
        self.partitionBy = partitionBy
        self.distributedBy = distributedBy
        self.orderBy = orderBy
        self.properties = properties
        self.like = like
        self.asQuery = asQuery
    }
}

/// The key clause of a table.
///
/// ```sql
/// PRIMARY KEY(k1, k2)
/// ```
public struct KeyClause: Hashable, Sendable {
    /// The four key models.
    public enum Model: String, Hashable, Sendable, CaseIterable {
        case duplicate = "DUPLICATE", aggregate = "AGGREGATE", unique = "UNIQUE", primary = "PRIMARY"
    }

    /// The key model.
    public var model: Model
    /// Key column names in order.
    public var columns: [String]

    /// Creates a key clause.
    public init(model: Model, columns: [String]) {
        self.model = model
        self.columns = columns
    }
}

/// `DISTRIBUTED BY HASH(a, b) [BUCKETS n]` or `DISTRIBUTED BY RANDOM [BUCKETS n]`.
///
/// ```sql
/// DISTRIBUTED BY HASH(`k1`) BUCKETS 10
/// ```
public struct DistributedByClause: Hashable, Sendable {
    /// HASH over columns, or RANDOM.
    public enum Method: Hashable, Sendable {
        /// `HASH(c1, c2)`.
        case hash([String])
        /// `RANDOM`.
        case random
    }

    /// The distribution method.
    public var method: Method
    /// `BUCKETS n` when written.
    public var buckets: Int?

    /// Creates a distribution clause.
    public init(method: Method, buckets: Int? = nil) {
        self.method = method
        self.buckets = buckets
    }
}
