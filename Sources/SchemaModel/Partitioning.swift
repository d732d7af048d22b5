/// How a table (or MV) is partitioned, as its DDL describes it.
public enum Partitioning: Hashable, Sendable {
    /// `PARTITION BY RANGE(col | expr) (PARTITION ... | START .. END .. EVERY ..)`.
    case range(RangePartitioning)
    /// `PARTITION BY LIST(c1, c2) (PARTITION p VALUES IN (...))`.
    case list(ListPartitioning)
    /// Expression (automatic) partitioning: `PARTITION BY date_trunc('day', k1)`, `PARTITION BY k1, k2`,
    /// `PARTITION BY (k1)`; partitions are created by the server at load time.
    case expression([String])
}

/// RANGE partitioning: the partition expressions plus the declared partitions and batches.
public struct RangePartitioning: Hashable, Sendable {
    /// Partition columns or expressions, canonical SQL text without backticks (`dt`, `from_unixtime(ts)`).
    public var expressions: [String]
    /// Explicit partitions in declaration order.
    public var partitions: [RangePartition]
    /// `START (..) END (..) EVERY (..)` batches in declaration order (the server expands them).
    public var batches: [RangeBatch]

    public init(expressions: [String], partitions: [RangePartition] = [], batches: [RangeBatch] = []) {
        self.expressions = expressions
        self.partitions = partitions
        self.batches = batches
    }
}

/// One RANGE partition: `PARTITION p1 VALUES LESS THAN ("2024-01-01")` or `VALUES [("a"), ("b"))`.
public struct RangePartition: Hashable, Sendable {
    public var name: String
    /// Lower bound values; `nil` for a `LESS THAN` partition (the previous upper bound, or the type minimum).
    public var lower: [String]?
    /// Upper bound values; `nil` means `MAXVALUE`.
    public var upper: [String]?
    /// Per-partition properties (`("replication_num" = "1")`).
    public var properties: [String: String]

    public init(name: String, lower: [String]?, upper: [String]?, properties: [String: String] = [:]) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.properties = properties
    }
}

/// `START ("2021-01-01") END ("2021-02-01") EVERY (INTERVAL 1 DAY)`; `unit` is nil for a numeric `EVERY (n)`.
public struct RangeBatch: Hashable, Sendable {
    public var start: String
    public var end: String
    public var every: Int
    public var unit: String?

    public init(start: String, end: String, every: Int, unit: String?) {
        self.start = start
        self.end = end
        self.every = every
        self.unit = unit
    }
}

/// LIST partitioning.
public struct ListPartitioning: Hashable, Sendable {
    /// Partition columns.
    public var columns: [String]
    /// Partitions in declaration order.
    public var partitions: [ListPartition]

    public init(columns: [String], partitions: [ListPartition] = []) {
        self.columns = columns
        self.partitions = partitions
    }
}

/// `PARTITION p1 VALUES IN ('a', 'b')` (one value tuple per entry; single-column tables have 1-element tuples).
public struct ListPartition: Hashable, Sendable {
    public var name: String
    public var values: [[String]]
    public var properties: [String: String]

    public init(name: String, values: [[String]], properties: [String: String] = [:]) {
        self.name = name
        self.values = values
        self.properties = properties
    }
}
