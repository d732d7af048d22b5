/// `PARTITION BY` of a table or materialized view.
///
/// ```sql
/// PARTITION BY RANGE(dt) (PARTITION p1 VALUES LESS THAN ("2024-01-01"), START ("2024-01-01") END ("2024-02-01") EVERY (INTERVAL 1 DAY))
/// PARTITION BY LIST(city) (PARTITION p1 VALUES IN ('a', 'b'))
/// PARTITION BY date_trunc('day', k1)
/// PARTITION BY (a, b)
/// ```
public enum PartitionByClause: Hashable, Sendable {
    /// `RANGE(expr, ...) (...)`.
    case range(RangePartitionClause)
    /// `LIST(col, ...) (...)`.
    case list(ListPartitionClause)
    /// Expression (automatic) partitioning: a comma-separated list of columns or expressions.
    case expression(ExpressionPartitionClause)
}

/// `PARTITION BY RANGE(...)` with its partitions and batches.
///
/// ```sql
/// PARTITION BY RANGE(from_unixtime_ms(create_time)) (START ("2021-01-01") END ("2021-01-10") EVERY (INTERVAL 1 DAY))
/// ```
public struct RangePartitionClause: Hashable, Sendable {
    /// Partition columns or expressions (`dt`, `from_unixtime(ts)`).
    public var expressions: [ExpressionClause]
    /// Partitions and batches in written order (only `.range` and `.batch` elements).
    public var elements: [PartitionElementClause]

    /// Creates a RANGE partitioning clause.
    public init(expressions: [ExpressionClause], elements: [PartitionElementClause] = []) {
        self.expressions = expressions
        self.elements = elements
    }
}

/// `PARTITION BY LIST(...)` with its partitions.
///
/// ```sql
/// PARTITION BY LIST(dt, city) (PARTITION p1 VALUES IN (('2022-04-15', 'a'), ('2022-04-15', 'b')))
/// ```
public struct ListPartitionClause: Hashable, Sendable {
    /// Partition columns.
    public var columns: [String]
    /// Partitions in written order (only `.list` elements).
    public var elements: [PartitionElementClause]

    /// Creates a LIST partitioning clause.
    public init(columns: [String], elements: [PartitionElementClause] = []) {
        self.columns = columns
        self.elements = elements
    }
}

/// Expression partitioning: `PARTITION BY a, date_trunc('day', b)` or `PARTITION BY (a, b)`.
///
/// ```sql
/// PARTITION BY substring(k4, 1, 5), `k3`, date_trunc('month', k1)
/// ```
public struct ExpressionPartitionClause: Hashable, Sendable {
    /// The partition expressions in order.
    public var expressions: [ExpressionClause]
    /// The list was written inside one pair of parentheses: `PARTITION BY (a, b)`.
    public var isParenthesized: Bool
    /// Initial partitions created with the table (grammar `PARTITION BY functionCall '(' rangePartitionDesc, ... ')'`
    /// and `PARTITION BY (a, b) '(' listPartitionDesc, ... ')'`). The server creates them and prints only the
    /// expression in SHOW CREATE, so they carry no schema meaning beyond the first partitions.
    ///
    /// ```sql
    /// PARTITION BY date_trunc('day', dt) (START ("2022-06-01") END ("2022-06-05") EVERY (INTERVAL 1 day))
    /// ```
    public var initialPartitions: [PartitionElementClause]

    /// Creates an expression partitioning clause.
    public init(expressions: [ExpressionClause], isParenthesized: Bool = false,
                initialPartitions: [PartitionElementClause] = []) {
        self.expressions = expressions
        self.isParenthesized = isParenthesized
        self.initialPartitions = initialPartitions
    }
}

/// One element of a partition list or of ALTER TABLE ADD PARTITION(S).
///
/// ```sql
/// PARTITION p1 VALUES LESS THAN ("2024-01-01")
/// PARTITION p1 VALUES IN ('a')
/// START ("2024-01-01") END ("2024-02-01") EVERY (INTERVAL 1 DAY)
/// ```
public enum PartitionElementClause: Hashable, Sendable {
    /// A single RANGE partition.
    case range(RangePartitionDefinitionClause)
    /// A single LIST partition.
    case list(ListPartitionDefinitionClause)
    /// A `START .. END .. EVERY ..` batch.
    case batch(RangeBatchClause)
}

/// One value in a partition bound: a quote-free literal or `MAXVALUE`.
///
/// ```sql
/// "2024-01-01"   -128   MAXVALUE
/// ```
public enum PartitionValueClause: Hashable, Sendable {
    /// A literal, quote-free (a leading `-` is kept).
    case value(String)
    /// `MAXVALUE`.
    case maxValue
}

/// The bound of a RANGE partition.
///
/// ```sql
/// VALUES LESS THAN ("2024-01-01")    VALUES LESS THAN MAXVALUE    VALUES [("2024-01-01"), ("2024-01-02"))
/// ```
public enum RangeBoundClause: Hashable, Sendable {
    /// `VALUES LESS THAN (v, ...)`; bare `MAXVALUE` is `[.maxValue]`.
    case lessThan([PartitionValueClause])
    /// `VALUES [(lower, ...), (upper, ...))`.
    case fixed(lower: [PartitionValueClause], upper: [PartitionValueClause])
}

/// One RANGE partition.
///
/// ```sql
/// PARTITION IF NOT EXISTS p1 VALUES [("2021-01-01"), ("2021-01-02")) ("replication_num" = "1")
/// ```
public struct RangePartitionDefinitionClause: Hashable, Sendable {
    /// `IF NOT EXISTS` was written.
    public var ifNotExists: Bool
    /// The partition name.
    public var name: String
    /// The partition bound.
    public var bound: RangeBoundClause
    /// Per-partition properties in written order.
    public var properties: [PropertyClause]

    /// Creates a RANGE partition definition.
    public init(ifNotExists: Bool = false, name: String, bound: RangeBoundClause, properties: [PropertyClause] = []) {
        self.ifNotExists = ifNotExists
        self.name = name
        self.bound = bound
        self.properties = properties
    }
}

/// One LIST partition; every entry of `values` is one value tuple (one element per partition column).
///
/// ```sql
/// PARTITION p1 VALUES IN (('2022-04-15', 'guangdong'), ('2022-04-15', 'tianjin')) ("replication_num" = "1")
/// ```
public struct ListPartitionDefinitionClause: Hashable, Sendable {
    /// `IF NOT EXISTS` was written.
    public var ifNotExists: Bool
    /// The partition name.
    public var name: String
    /// Value tuples; `VALUES IN ('a', 'b')` is `[["a"], ["b"]]`.
    public var values: [[String]]
    /// Per-partition properties in written order.
    public var properties: [PropertyClause]

    /// Creates a LIST partition definition.
    public init(ifNotExists: Bool = false, name: String, values: [[String]], properties: [PropertyClause] = []) {
        self.ifNotExists = ifNotExists
        self.name = name
        self.values = values
        self.properties = properties
    }
}

/// A batch of RANGE partitions.
///
/// ```sql
/// START ("2021-01-01") END ("2021-01-10") EVERY (INTERVAL 1 DAY)
/// START ("1") END ("100") EVERY (10)
/// ```
public struct RangeBatchClause: Hashable, Sendable {
    /// The START value, quote-free.
    public var start: String
    /// The END value, quote-free.
    public var end: String
    /// The EVERY step.
    public var every: IntervalClause

    /// Creates a batch.
    public init(start: String, end: String, every: IntervalClause) {
        self.start = start
        self.end = end
        self.every = every
    }
}
