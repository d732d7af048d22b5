import Findings
import StarRocksDDL

/// The rules `lint` checks, with their stable ids (used in output and for suppression lists).
public enum LintRule: String, Hashable, Sendable, CaseIterable, Codable {
    /// Two schema-change ALTERs on one table in one revision: StarRocks runs one schema-change job per table.
    case oneSchemaChangePerTable = "one-schema-change-per-table"
    /// `DISTRIBUTED BY ... BUCKETS n`: omit BUCKETS for automatic bucketing.
    case hardCodedBuckets = "hard-coded-buckets"
    /// `"replication_num" = "3"`: use `${replication_num}` so dev (1 BE) and prod (3 BEs) stay apart.
    case hardCodedReplicationNum = "hard-coded-replication-num"
    /// A key model, partition method or distribution method change StarRocks cannot make in place.
    case changeNotInPlace = "change-not-in-place"
    /// `DROP COLUMN` of a column a view or materialized view still uses.
    case dropColumnUsedByView = "drop-column-used-by-view"

    /// One sentence saying what the rule checks (SARIF `shortDescription`, `lint --format json`).
    public var summary: String {
        switch self {
        case .oneSchemaChangePerTable:
            return "Two schema-change ALTERs on one table in one revision; StarRocks runs one schema-change job per table at a time."
        case .hardCodedBuckets:
            return "DISTRIBUTED BY ... BUCKETS n hard-codes the bucket count; omit BUCKETS for automatic bucketing."
        case .hardCodedReplicationNum:
            return "A literal replication_num; use ${replication_num} so environments with different backend counts stay apart."
        case .changeNotInPlace:
            return "A key model, partition method or distribution method change StarRocks cannot make in place."
        case .dropColumnUsedByView:
            return "DROP COLUMN of a column a view or materialized view still uses."
        }
    }

    /// The severity a finding of this rule has.
    public var severity: Severity {
        switch self {
        case .oneSchemaChangePerTable, .changeNotInPlace, .dropColumnUsedByView: return .error
        case .hardCodedBuckets, .hardCodedReplicationNum: return .warning
        }
    }
}

/// One lint finding: where, which rule, how bad, and the fix.
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
    /// The rule that fired.
    public var rule: LintRule
    /// How much it matters (`rule.severity`).
    public var severity: Severity
    /// file:line:column of the offending clause.
    public var location: SourceLocation
    /// The revision the statement belongs to.
    public var revision: String
    /// The object concerned: `db.table`.
    public var object: String
    /// What is wrong, lower-case.
    public var message: String
    /// What to do instead.
    public var fix: String

    /// Creates a finding with the rule's severity.
    public init(rule: LintRule, location: SourceLocation, revision: String, object: String, message: String,
                fix: String) {
        self.rule = rule
        self.severity = rule.severity
        self.location = location
        self.revision = revision
        self.object = object
        self.message = message
        self.fix = fix
    }

    /// `file:line:column: warning: message [rule] (revision r)` and the fix on the next line.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(rule.rawValue)] (revision \(revision))\n  fix: \(fix)"
    }
}
