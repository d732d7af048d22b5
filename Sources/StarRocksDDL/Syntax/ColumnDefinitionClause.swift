/// One column definition of CREATE TABLE or ALTER TABLE ADD/MODIFY COLUMN.
///
/// ```sql
/// `v1` bigint(20) REPLACE NULL DEFAULT "0" COMMENT "last value"
/// `id` BIGINT NOT NULL AUTO_INCREMENT
/// `g` datetime NULL AS date_trunc('day', `event_day`) COMMENT ""
/// ```
public struct ColumnDefinitionClause: Hashable, Sendable {
    /// The column name.
    public var name: String
    /// The type as written.
    public var type: ColumnTypeClause
    /// `KEY` was written after the type (ALTER TABLE ... ADD/MODIFY COLUMN c INT KEY).
    public var isKey: Bool
    /// Aggregate function name, upper-cased (`SUM`, `REPLACE`, `REPLACE_IF_NOT_NULL`, `HLL_UNION`, ...).
    public var aggregate: String?
    /// `true` for `NULL`, `false` for `NOT NULL`, `nil` when neither was written.
    public var nullable: Bool?
    /// The DEFAULT clause, if written.
    public var defaultValue: ColumnDefaultClause?
    /// `AUTO_INCREMENT` was written.
    public var isAutoIncrement: Bool
    /// Generated column expression (`AS (expr)` or `AS expr`), without the outer parentheses.
    public var generatedExpression: ExpressionClause?
    /// `COMMENT`, if written (`COMMENT ""` is `""`, not `nil`).
    public var comment: String?

    /// Creates a column definition.
    public init(name: String, type: ColumnTypeClause, isKey: Bool = false, aggregate: String? = nil,
                nullable: Bool? = nil, defaultValue: ColumnDefaultClause? = nil, isAutoIncrement: Bool = false,
                generatedExpression: ExpressionClause? = nil, comment: String? = nil) {
        self.name = name
        self.type = type
        self.isKey = isKey
        self.aggregate = aggregate
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.isAutoIncrement = isAutoIncrement
        self.generatedExpression = generatedExpression
        self.comment = comment
    }
}

/// A column type as written.
///
/// ```sql
/// int(11)   DECIMAL(10, 2)   varchar(65533)   ARRAY<int(11)>   MAP<INT, STRING>   STRUCT<a INT, b VARCHAR(10)>
/// ```
public indirect enum ColumnTypeClause: Hashable, Sendable, CustomStringConvertible {
    /// A scalar type: the name exactly as written (case kept) and its numeric arguments.
    case scalar(name: String, arguments: [Int])
    /// `ARRAY<T>` (either case).
    case array(ColumnTypeClause)
    /// `MAP<K, V>` (either case).
    case map(key: ColumnTypeClause, value: ColumnTypeClause)
    /// `STRUCT<name T, ...>` (either case).
    case `struct`([StructFieldClause])

    /// Printed spelling: the scalar name as written with `(a, b)`, and `ARRAY<T>`, `MAP<K, V>`, `STRUCT<n T, ...>`.
    public var description: String {
        switch self {
        case let .scalar(name, arguments):
            return arguments.isEmpty ? name : name + "(" + arguments.map(String.init).joined(separator: ", ") + ")"
        case let .array(element):
            return "ARRAY<\(element)>"
        case let .map(key, value):
            return "MAP<\(key), \(value)>"
        case let .struct(fields):
            return "STRUCT<" + fields.map { field in
                "\(SQLQuoting.backticked(field.name)) \(field.type)"
                    + (field.comment.map { " COMMENT " + SQLQuoting.doubleQuoted($0) } ?? "")
            }.joined(separator: ", ") + ">"
        }
    }
}

/// One field of a STRUCT type.
///
/// ```sql
/// city VARCHAR(64)
/// ```
public struct StructFieldClause: Hashable, Sendable {
    /// The field name.
    public var name: String
    /// The field type.
    public var type: ColumnTypeClause
    /// The field comment, if written.
    public var comment: String?

    /// Creates a struct field.
    public init(name: String, type: ColumnTypeClause, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}

/// A column's DEFAULT clause.
///
/// ```sql
/// DEFAULT "0"    DEFAULT 0    DEFAULT CURRENT_TIMESTAMP    DEFAULT (uuid())    DEFAULT NULL
/// ```
public enum ColumnDefaultClause: Hashable, Sendable {
    /// A string or numeric literal, quote-free (`DEFAULT '1'` and `DEFAULT 1` are both `"1"`; a sign is kept).
    case literal(String)
    /// `DEFAULT NULL`.
    case null
    /// `DEFAULT CURRENT_TIMESTAMP` (also `current_timestamp()`).
    case currentTimestamp
    /// `DEFAULT (expr)`, without the outer parentheses.
    case expression(ExpressionClause)
}

/// An index definition: inline in CREATE TABLE, in ALTER TABLE ADD INDEX, or in CREATE INDEX.
///
/// ```sql
/// INDEX gin_id4 (`id4`) USING GIN("parser" = "none") COMMENT ''
/// ```
public struct IndexDefinitionClause: Hashable, Sendable {
    /// The index name.
    public var name: String
    /// Indexed columns.
    public var columns: [String]
    /// `USING` type upper-cased (`BITMAP`, `GIN`, `NGRAMBF`), if written.
    public var type: String?
    /// Index properties, in written order.
    public var properties: [PropertyClause]
    /// `COMMENT`, if written.
    public var comment: String?

    /// Creates an index definition.
    public init(name: String, columns: [String], type: String? = nil, properties: [PropertyClause] = [],
                comment: String? = nil) {
        self.name = name
        self.columns = columns
        self.type = type
        self.properties = properties
        self.comment = comment
    }
}
