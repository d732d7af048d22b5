/// An OLAP table as its DDL describes it.
///
/// ```sql
/// CREATE TABLE events (event_id BIGINT NOT NULL, ...) DUPLICATE KEY(event_id)
/// PARTITION BY RANGE(event_date) (...) DISTRIBUTED BY HASH(event_id) ORDER BY(...) PROPERTIES (...)
/// ```
public struct Table: Hashable, Sendable {
    /// The table's name (unqualified).
    public var name: String
    /// Columns in physical order.
    public var columns: [Column]
    /// The key model and key columns; `nil` when the DDL had no key clause (the server then infers DUPLICATE KEY).
    public var key: TableKey?
    /// Table comment; empty when none.
    public var comment: String
    /// Partitioning; `nil` for an unpartitioned table.
    public var partitioning: Partitioning?
    /// Distribution; `nil` when the DDL had no DISTRIBUTED BY clause.
    public var distribution: Distribution?
    /// Explicit sort key (`ORDER BY`); `nil` when none was given (the sort key is then the key columns).
    public var orderBy: [String]?
    /// Inline and created indexes, in declaration order.
    public var indexes: [TableIndex]
    /// PROPERTIES as written (keys as written; compare through `Normalize`).
    public var properties: [String: String]
    /// `ENGINE=...` when given (`OLAP` on every server output).
    public var engine: String?
    /// The query of a `CREATE TABLE ... AS SELECT` (CTAS): the column list is then unknown (`columns` holds only the
    /// columns the statement declared, usually none) and the table's columns cannot be compared.
    public var definedByQuery: QueryText?

    /// Creates a table.
    public init(name: String, columns: [Column] = [], key: TableKey? = nil, comment: String = "",
                partitioning: Partitioning? = nil, distribution: Distribution? = nil, orderBy: [String]? = nil,
                indexes: [TableIndex] = [], properties: [String: String] = [:], engine: String? = nil,
                definedByQuery: QueryText? = nil) {
        self.name = name
        self.columns = columns
        self.key = key
        self.comment = comment
        self.partitioning = partitioning
        self.distribution = distribution
        self.orderBy = orderBy
        self.indexes = indexes
        self.properties = properties
        self.engine = engine
        self.definedByQuery = definedByQuery
    }

    /// The column called `name` (StarRocks column names are case-insensitive).
    public func column(named name: String) -> Column? {
        columns.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The position of the column called `name`.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name.lowercased() == name.lowercased() }
    }
}

/// The four StarRocks key models.
public enum KeyModel: String, Hashable, Sendable, Codable, CaseIterable {
    case duplicate = "DUPLICATE"
    case aggregate = "AGGREGATE"
    case unique = "UNIQUE"
    case primary = "PRIMARY"
}

/// A key clause: `PRIMARY KEY(k1, k2)`.
public struct TableKey: Hashable, Sendable {
    /// The key model.
    public var model: KeyModel
    /// Key column names in clause order.
    public var columns: [String]

    /// Creates a key clause.
    public init(model: KeyModel, columns: [String]) {
        self.model = model
        self.columns = columns
    }
}
