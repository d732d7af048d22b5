/// One revision of the migration history: its id, its parents and the DDL it applies.
///
/// ```sql
/// -- revision: 3f2a9c1b
/// -- down_revision: 1a2b3c4d
/// -- message: add marketing attribution columns
/// ALTER TABLE events ADD COLUMN utm_source VARCHAR(100);
/// ```
public struct Revision: Hashable, Sendable {
    /// The revision id (`3f2a9c1b`, `0001`).
    public var id: String
    /// The revisions this one follows (`down_revision`); empty for a root, two or more for a merge revision.
    public var parents: [String]
    /// The one-line description (`-- message:` or the Alembic docstring's first line); empty when none.
    public var message: String
    /// The file the revision comes from (a path as given to the loader).
    public var file: String
    /// The DDL of the revision, without its header; bookkeeping statements are blanked out (line numbers kept).
    public var sql: String
    /// The line of `file` on which `sql` starts (1-based), so errors point at the right place.
    public var firstLine: Int
    /// Alembic `branch_labels`; empty when none.
    public var branchLabels: [String]
    /// Alembic `depends_on`: revisions that must be applied first without being parents.
    public var dependsOn: [String]

    /// Creates a revision.
    public init(id: String, parents: [String], message: String = "", file: String, sql: String = "",
                firstLine: Int = 1, branchLabels: [String] = [], dependsOn: [String] = []) {
        self.id = id
        self.parents = parents
        self.message = message
        self.file = file
        self.sql = sql
        self.firstLine = firstLine
        self.branchLabels = branchLabels
        self.dependsOn = dependsOn
    }

    /// Whether this is a merge revision (more than one parent).
    public var isMerge: Bool { parents.count > 1 }
}

/// The version table a history creates for itself (Alembic's `alembic_version`), as the history declares it.
///
/// ```sql
/// CREATE TABLE alembic_version (id BIGINT NOT NULL AUTO_INCREMENT, version_num VARCHAR(32))
/// PRIMARY KEY (id) PROPERTIES("replication_num"="1");
/// ```
public struct VersionTableDefinition: Hashable, Sendable {
    /// The table name (`alembic_version`).
    public var name: String
    /// Its PROPERTIES as written (e.g. `replication_num`), so the replication-trap check can use them.
    public var properties: [String: String]
    /// The file that creates it.
    public var file: String
    /// The line of the CREATE TABLE statement.
    public var line: Int
    /// The statement text.
    public var sql: String

    /// Creates a version-table definition.
    public init(name: String, properties: [String: String], file: String, line: Int, sql: String) {
        self.name = name
        self.properties = properties
        self.file = file
        self.line = line
        self.sql = sql
    }
}

/// Where a history was read from.
public enum HistorySource: Hashable, Sendable {
    /// A directory of `.sql` files with `-- revision:` headers.
    case revisionFiles(directory: String)
    /// One `alembic upgrade ... --sql` output file.
    case alembicOfflineSQL(file: String)
    /// An Alembic `versions/` directory: the graph only, no DDL.
    case alembicVersions(directory: String)
    /// An Alembic `versions/` graph with the DDL taken from offline SQL.
    case alembicVersionsWithOfflineSQL(directory: String, file: String)
    /// One `.sql` file of plain DDL: a single-revision history.
    case plainSQL(file: String)
    /// Files given in memory (tests, the demo).
    case inMemory

    /// The directory or file to name in messages.
    public var displayName: String { displayPath }

    /// Whether the revisions carry DDL that can be replayed.
    public var hasDDL: Bool {
        if case .alembicVersions = self { return false }
        return true
    }
}
