/// `DISTRIBUTED BY HASH(a, b) [BUCKETS n]` or `DISTRIBUTED BY RANDOM [BUCKETS n]`.
public struct Distribution: Hashable, Sendable {
    /// HASH or RANDOM.
    public enum Method: Hashable, Sendable {
        case hash(columns: [String])
        case random
    }

    /// HASH over columns, or RANDOM.
    public var method: Method
    /// Explicit bucket count; `nil` when BUCKETS was omitted (automatic bucketing).
    public var buckets: Int?

    /// Creates a distribution.
    public init(method: Method, buckets: Int? = nil) {
        self.method = method
        self.buckets = buckets
    }
}

/// An index: `INDEX idx (c) USING BITMAP COMMENT 'x'`.
public struct TableIndex: Hashable, Sendable {
    /// The index name.
    public var name: String
    /// Indexed columns.
    public var columns: [String]
    /// `BITMAP`, `GIN`, `NGRAMBF`, ... upper-cased.
    public var type: String
    /// Index comment; empty when none.
    public var comment: String
    /// Index properties (`"parser" = "none"`).
    public var properties: [String: String]

    /// Creates an index.
    public init(name: String, columns: [String], type: String = "BITMAP", comment: String = "",
                properties: [String: String] = [:]) {
        self.name = name
        self.columns = columns
        self.type = type
        self.comment = comment
        self.properties = properties
    }
}
