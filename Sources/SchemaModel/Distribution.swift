/// `DISTRIBUTED BY HASH(a, b) [BUCKETS n]` or `DISTRIBUTED BY RANDOM [BUCKETS n]`.
public struct Distribution: Hashable, Sendable {
    /// HASH or RANDOM.
    public enum Method: Hashable, Sendable {
        case hash(columns: [String])
        case random
    }

    public var method: Method
    /// Explicit bucket count; `nil` when BUCKETS was omitted (automatic bucketing).
    public var buckets: Int?

    public init(method: Method, buckets: Int? = nil) {
        self.method = method
        self.buckets = buckets
    }
}

/// An index: `INDEX idx (c) USING BITMAP COMMENT 'x'`.
public struct TableIndex: Hashable, Sendable {
    public var name: String
    public var columns: [String]
    /// `BITMAP`, `GIN`, `NGRAMBF`, ... upper-cased.
    public var type: String
    public var comment: String
    public var properties: [String: String]

    public init(name: String, columns: [String], type: String = "BITMAP", comment: String = "",
                properties: [String: String] = [:]) {
        self.name = name
        self.columns = columns
        self.type = type
        self.comment = comment
        self.properties = properties
    }
}
