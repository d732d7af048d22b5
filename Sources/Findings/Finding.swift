// Findings: what every check of the tool reports — a finding (kind, severity, the typed object and part it is about,
// both sides, the typed statements that fix it) and how much it matters. The differ, lint, the operations checks,
// the reports and the notifier all speak it; none of them needs another's code to do so. No I/O, no rendering.
import SchemaModel

/// How much a finding matters. `--fail-on` picks the lowest severity that fails the check.
public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Whether a difference is explained by a revision the environment has not applied yet.
public enum FindingStatus: String, Hashable, Sendable, Codable {
    /// Not explained by any revision: someone changed the server by hand, or a migration half-applied.
    case drift
    /// Explained by a revision between the environment's recorded revision and the head.
    case pending
    /// A health/operations observation (schema-change jobs, backends, MV state) rather than a schema difference.
    case operational
}

/// One difference between the expected and the actual schema (or one operational observation).
public struct Finding: Hashable, Sendable, Codable {
    /// What differs: `column_type`, `missing_table`, `property`, ...
    public var kind: FindingKind
    public var severity: Severity
    /// `db.table[.column]`, `db.table.properties.replication_num`, ...
    public var object: String
    /// The expected side, rendered for people; `nil` where there is none (an unexpected object).
    public var expected: String?
    /// The actual side, rendered for people; `nil` where there is none (a missing object).
    public var actual: String?
    /// One sentence a person understands.
    public var message: String
    /// A statement StarRocks accepts that makes actual match expected, or `nil` with `fixNote` saying why not.
    public var fixSQL: String?
    /// Why there is no in-place fix (key model, partition method, distribution method changes), or other advice.
    public var fixNote: String?
    /// drift / pending / operational.
    public var status: FindingStatus
    /// The object has a running schema-change job: the finding may be transient.
    public var transient: Bool
    /// The schema object the finding is about, typed (`object` is its rendering for people and reports); `nil` for
    /// findings about no single object (backends, the version table) and for findings read back from a report.
    public var objectName: ObjectName?
    /// The part of `objectName` the finding is about (a column, property, partition or index), when it is one.
    public var part: ObjectPart?
    /// The statements that make actual match expected, as typed data; `fixSQL` is their printed text. Empty where
    /// there is no in-place fix (and for findings read back from a report, which keep only `fix_sql`).
    public var fixes: [SchemaChange] = []

    public init(kind: FindingKind, severity: Severity, object: String, expected: String? = nil, actual: String? = nil,
                message: String, fixSQL: String? = nil, fixNote: String? = nil, status: FindingStatus = .drift,
                transient: Bool = false, objectName: ObjectName? = nil, part: ObjectPart? = nil,
                fixes: [SchemaChange] = []) {
        self.kind = kind
        self.severity = severity
        self.object = object
        self.expected = expected
        self.actual = actual
        self.message = message
        self.fixSQL = fixSQL ?? SchemaChange.sql(fixes)
        self.fixNote = fixNote
        self.status = status
        self.transient = transient
        self.objectName = objectName
        self.part = part
        self.fixes = fixes
    }

    /// `db.name` of the object the finding is about (`db` for a database finding): the typed name, or for a finding
    /// built without one (database-level findings, findings read back from a report) the first two parts of `object`.
    public var owner: String {
        if let objectName { return objectName.description }
        return object.split(separator: ".", omittingEmptySubsequences: false).prefix(2).joined(separator: ".")
    }

    enum CodingKeys: String, CodingKey {
        case kind, severity, object, expected, actual, message, status, transient
        case fixSQL = "fix_sql"
        case fixNote = "fix_note"
    }
}

/// The part of a schema object a finding is about.
public enum ObjectPart: Hashable, Sendable {
    /// A column, by name.
    case column(String)
    /// A property, by key (folded to lower case).
    case property(String)
    /// A partition, by name.
    case partition(String)
    /// An index, by name.
    case index(String)
}

/// An object the tool could not compare faithfully, with the reason. Never counted as clean.
public struct NotCompared: Hashable, Sendable, Codable {
    public var object: String
    public var reason: String
    public init(object: String, reason: String) {
        self.object = object
        self.reason = reason
    }
}
