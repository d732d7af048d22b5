/// `ALTER TABLE [db.]t clause, clause, ...`.
///
/// ```sql
/// ALTER TABLE events ADD COLUMN utm_source VARCHAR(100) AFTER event_type, DROP COLUMN payload;
/// ```
public struct AlterTableStatement: Hashable, Sendable {
    /// The table's name.
    public var name: QualifiedNameClause
    /// The clauses, in written order.
    public var clauses: [AlterTableClause]

    /// Creates an ALTER TABLE statement.
    public init(name: QualifiedNameClause, clauses: [AlterTableClause]) {
        self.name = name
        self.clauses = clauses
    }
}

/// One clause of ALTER TABLE.
///
/// ```sql
/// ADD COLUMN c INT AFTER b | DROP COLUMN c | MODIFY COLUMN c BIGINT | RENAME COLUMN a TO b | RENAME t2
/// COMMENT = 'x' | SET ("k" = "v") | ORDER BY (a, b) | DISTRIBUTED BY HASH(a) | ADD PARTITION ... | DROP PARTITION p
/// ADD INDEX i (c) USING BITMAP | DROP INDEX i | SWAP WITH t2 | MODIFY PARTITION p SET ("k" = "v")
/// ```
public enum AlterTableClause: Hashable, Sendable {
    /// `ADD COLUMN c ... [FIRST | AFTER x]` or `ADD COLUMN (c1 ..., c2 ...)`.
    case addColumn(AddColumnClause)
    /// `DROP COLUMN c [FROM rollup]`.
    case dropColumn(DropColumnClause)
    /// `MODIFY COLUMN c type ... [FIRST | AFTER x]` or `MODIFY COLUMN c COMMENT '...'`.
    case modifyColumn(ModifyColumnClause)
    /// `RENAME COLUMN a TO b`.
    case renameColumn(from: String, to: String)
    /// `RENAME new_name`.
    case rename(String)
    /// `COMMENT = '...'` or `COMMENT '...'`.
    case comment(String)
    /// `SET ("k" = "v", ...)`.
    case set([PropertyClause])
    /// `ORDER BY (a, b)`.
    case orderBy([String])
    /// `[PARTITIONS (p1, p2)] DISTRIBUTED BY ...`; `partitions` is empty for the whole table.
    case distributedBy(DistributedByClause, partitions: [String])
    /// `ADD [TEMPORARY] PARTITION(S) ...`.
    case addPartition(AddPartitionClause)
    /// `DROP [TEMPORARY] PARTITION(S) [IF EXISTS] p [, p2] [FORCE]`.
    case dropPartition(DropPartitionClause)
    /// `MODIFY PARTITION p | (p1, p2) | (*) SET ("k" = "v")`; `partitions` is `["*"]` for all.
    case modifyPartition(partitions: [String], properties: [PropertyClause])
    /// `RENAME PARTITION p1 p2`.
    case renamePartition(from: String, to: String)
    /// `ADD INDEX i (c) USING ...`.
    case addIndex(IndexDefinitionClause)
    /// `DROP INDEX i`.
    case dropIndex(String)
    /// `SWAP WITH t2`.
    case swapWith(String)
    /// `ADD ROLLUP r (cols) [FROM base] [PROPERTIES (...)]` (a synchronous rollup; no effect on SHOW CREATE TABLE).
    case addRollup(name: String, columns: [String])
    /// `DROP ROLLUP r`.
    case dropRollup(String)
}

/// Where ADD/MODIFY COLUMN places the column.
///
/// ```sql
/// FIRST   |   AFTER c
/// ```
public enum ColumnPositionClause: Hashable, Sendable {
    /// `FIRST`.
    case first
    /// `AFTER column`.
    case after(String)
}

/// `ADD COLUMN c type ... [FIRST | AFTER x] [TO rollup]` or `ADD COLUMN (c1 type, c2 type)`.
///
/// ```sql
/// ADD COLUMN v6 varchar(200) DEFAULT "0" AFTER v3
/// ADD COLUMN (c1 INT, c2 INT)
/// ```
public struct AddColumnClause: Hashable, Sendable {
    /// The added columns (one unless the parenthesized form was used).
    public var columns: [ColumnDefinitionClause]
    /// The columns were written in parentheses.
    public var isParenthesized: Bool
    /// `FIRST` / `AFTER c`, if written (single-column form only).
    public var position: ColumnPositionClause?
    /// `TO rollup` / `IN rollup`, if written.
    public var rollup: String?
    /// `PROPERTIES (...)` after the column, if written.
    public var properties: [PropertyClause]

    /// Creates an ADD COLUMN clause.
    public init(columns: [ColumnDefinitionClause], isParenthesized: Bool = false,
                position: ColumnPositionClause? = nil, rollup: String? = nil, properties: [PropertyClause] = []) {
        self.columns = columns
        self.isParenthesized = isParenthesized
        self.position = position
        self.rollup = rollup
        self.properties = properties
    }
}

/// `DROP COLUMN c [FROM rollup]`.
///
/// ```sql
/// DROP COLUMN v4
/// ```
public struct DropColumnClause: Hashable, Sendable {
    /// The column name.
    public var name: String
    /// `FROM rollup`, if written.
    public var rollup: String?

    /// Creates a DROP COLUMN clause.
    public init(name: String, rollup: String? = nil) {
        self.name = name
        self.rollup = rollup
    }
}

/// `MODIFY COLUMN`: a full new definition, or only a comment.
///
/// ```sql
/// MODIFY COLUMN k BIGINT KEY NOT NULL FIRST
/// MODIFY COLUMN k COMMENT 'k'
/// ```
public enum ModifyColumnClause: Hashable, Sendable {
    /// A new definition, with an optional new position and rollup.
    case definition(ColumnDefinitionClause, position: ColumnPositionClause?, rollup: String?)
    /// `MODIFY COLUMN c COMMENT '...'`: only the comment changes.
    case comment(column: String, comment: String)
}

/// `ADD [TEMPORARY] PARTITION [IF NOT EXISTS] p VALUES ... | ADD PARTITIONS START .. END .. EVERY ..`,
/// with an optional distribution and properties.
///
/// ```sql
/// ADD PARTITION p3 VALUES LESS THAN ("30") DISTRIBUTED BY RANDOM BUCKETS 20
/// ADD PARTITIONS START ("2024-01-01") END ("2024-02-01") EVERY (INTERVAL 1 DAY)
/// ```
public struct AddPartitionClause: Hashable, Sendable {
    /// `TEMPORARY` was written.
    public var isTemporary: Bool
    /// The partition or batch added.
    public var element: PartitionElementClause
    /// `DISTRIBUTED BY ...` for the new partitions, if written.
    public var distributedBy: DistributedByClause?
    /// Trailing `PROPERTIES (...)` or `("k" = "v")` after the partition, if written.
    public var properties: [PropertyClause]

    /// Creates an ADD PARTITION clause.
    public init(isTemporary: Bool = false, element: PartitionElementClause, distributedBy: DistributedByClause? = nil,
                properties: [PropertyClause] = []) {
        self.isTemporary = isTemporary
        self.element = element
        self.distributedBy = distributedBy
        self.properties = properties
    }
}

/// `DROP [TEMPORARY] PARTITION [IF EXISTS] p [FORCE]` or `DROP PARTITIONS [IF EXISTS] p1, p2 [FORCE]`.
///
/// ```sql
/// DROP PARTITION IF EXISTS p20240101 FORCE
/// ```
public struct DropPartitionClause: Hashable, Sendable {
    /// `TEMPORARY` was written.
    public var isTemporary: Bool
    /// `IF EXISTS` was written.
    public var ifExists: Bool
    /// The partition names.
    public var names: [String]
    /// `FORCE` was written.
    public var force: Bool

    /// Creates a DROP PARTITION clause.
    public init(isTemporary: Bool = false, ifExists: Bool = false, names: [String], force: Bool = false) {
        self.isTemporary = isTemporary
        self.ifExists = ifExists
        self.names = names
        self.force = force
    }
}
