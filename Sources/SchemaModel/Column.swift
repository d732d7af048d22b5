/// A column as its definition describes it.
///
/// ```sql
/// `v1` bigint(20) REPLACE NULL DEFAULT "0" COMMENT "last value"
/// ```
public struct Column: Hashable, Sendable {
    /// The column's name.
    public var name: String
    /// The type as written.
    public var type: ColumnType
    /// Aggregate function (`SUM`, `REPLACE`, ...), as written; only meaningful on AGGREGATE KEY tables.
    public var aggregate: AggregateFunction?
    /// `true` for `NULL`, `false` for `NOT NULL`, `nil` when the definition said neither.
    public var nullable: Bool?
    /// The DEFAULT clause, if any.
    public var defaultValue: ColumnDefault?
    /// `AUTO_INCREMENT`.
    public var isAutoIncrement: Bool
    /// Generated column expression (`AS (expr)`), as canonical SQL text.
    public var generatedExpression: String?
    /// Column comment; empty when none (`COMMENT ""` is the same as no comment).
    public var comment: String
    /// Declared with the `KEY` keyword (only in ALTER ... ADD COLUMN).
    public var isKeyMarked: Bool

    /// Creates a column.
    public init(name: String, type: ColumnType, aggregate: AggregateFunction? = nil, nullable: Bool? = nil,
                defaultValue: ColumnDefault? = nil, isAutoIncrement: Bool = false, generatedExpression: String? = nil,
                comment: String = "", isKeyMarked: Bool = false) {
        self.name = name
        self.type = type
        self.aggregate = aggregate
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.isAutoIncrement = isAutoIncrement
        self.generatedExpression = generatedExpression
        self.comment = comment
        self.isKeyMarked = isKeyMarked
    }
}

/// A column type as written, before normalization.
///
/// `int(11)` is `.scalar(name: "int", arguments: [11])`; `ARRAY<varchar(10)>` is `.array(.scalar("varchar", [10]))`.
public indirect enum ColumnType: Hashable, Sendable, CustomStringConvertible {
    /// A scalar type: lower-cased name plus numeric arguments (display width, length, precision/scale).
    case scalar(name: String, arguments: [Int])
    /// `ARRAY<T>`.
    case array(ColumnType)
    /// `MAP<K, V>`.
    case map(key: ColumnType, value: ColumnType)
    /// `STRUCT<name T, ...>`.
    case `struct`([StructField])

    /// A canonical spelling: lower-case, `name(a, b)`, `array<T>`, `map<K, V>`, `struct<n T, ...>`.
    public var description: String {
        switch self {
        case let .scalar(name, arguments):
            return arguments.isEmpty ? name : "\(name)(\(arguments.map(String.init).joined(separator: ", ")))"
        case let .array(element):
            return "array<\(element)>"
        case let .map(key, value):
            return "map<\(key), \(value)>"
        case let .struct(fields):
            return "struct<\(fields.map { "\($0.name) \($0.type)" }.joined(separator: ", "))>"
        }
    }
}

/// One field of a STRUCT type.
public struct StructField: Hashable, Sendable {
    /// The field name.
    public var name: String
    /// The field type.
    public var type: ColumnType
    /// Creates a struct field.
    public init(name: String, type: ColumnType) {
        self.name = name
        self.type = type
    }
}

/// Aggregate functions of AGGREGATE KEY value columns.
public enum AggregateFunction: String, Hashable, Sendable, Codable, CaseIterable {
    case sum = "SUM", min = "MIN", max = "MAX", replace = "REPLACE"
    case replaceIfNotNull = "REPLACE_IF_NOT_NULL", hllUnion = "HLL_UNION", bitmapUnion = "BITMAP_UNION"
    case percentileUnion = "PERCENTILE_UNION"
}

/// A column's DEFAULT clause.
public enum ColumnDefault: Hashable, Sendable, CustomStringConvertible {
    /// A literal, unquoted: `DEFAULT "0"` and `DEFAULT 0` are both `.literal("0")`.
    case literal(String)
    /// `DEFAULT CURRENT_TIMESTAMP`.
    case currentTimestamp
    /// `DEFAULT NULL`.
    case null
    /// `DEFAULT (expr)`, as canonical SQL text.
    case expression(String)

    /// The clause as printed: `"0"`, `CURRENT_TIMESTAMP`, `NULL`, `(expr)`.
    public var description: String {
        switch self {
        case .literal(let v): return "\"\(v)\""
        case .currentTimestamp: return "CURRENT_TIMESTAMP"
        case .null: return "NULL"
        case .expression(let e): return "(\(e))"
        }
    }
}
