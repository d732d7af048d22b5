import Findings
import MigrationHistory
import SchemaModel

/// Where an environment stands in the revision history, from the rows of its version table.
struct RevisionPosition: Sendable {
    /// The recorded revision (several joined with ", ").
    var revision: String?
    /// Revisions not yet applied, oldest first; `nil` when unknown.
    var pending: [String]?
    /// The recorded revisions to replay for the pending-vs-drift split (empty: no split possible).
    var comparisonRevisions: [String] = []
    var findings: [Finding]

    static func locate(rows: [String]?, problem: String?, table: ObjectName, history: MigrationHistory) -> RevisionPosition {
        let object = table.description
        if let problem {
            return RevisionPosition(findings: [Finding(
                kind: .versionTableMissing, severity: .warning, object: object,
                message: "the version table \(object) could not be read (\(problem)); the environment's revision is unknown, so every difference is reported as drift",
                fixSQL: "GRANT SELECT ON TABLE \(object) TO USER <drift user>;", status: .operational)])
        }
        guard let rows, !rows.isEmpty else {
            let missing = rows == nil
            return RevisionPosition(findings: [Finding(
                kind: .versionTableMissing, severity: .error, object: object, expected: history.head,
                actual: missing ? "no version table" : "no rows",
                message: missing
                    ? "the version table \(object) does not exist: this environment was never migrated with this history (or the table was dropped)"
                    : "the version table \(object) is empty: no revision is recorded",
                fixNote: "apply the migrations, or record the revision the schema is at (alembic stamp <revision>)",
                status: .operational)])
        }
        let unknown = rows.filter { !history.isKnown($0) }
        if !unknown.isEmpty {
            return RevisionPosition(revision: rows.joined(separator: ", "), findings: [Finding(
                kind: .revisionUnknown, severity: .error, object: object, expected: history.head,
                actual: unknown.joined(separator: ", "),
                message: "revision \(unknown.joined(separator: ", ")) recorded in \(object) is not in the migration history: a branch that was never merged was applied here",
                fixNote: "merge the branch that contains \(unknown.joined(separator: ", ")) into the history, or migrate the environment back to a known revision",
                status: .drift)])
        }
        var findings: [Finding] = []
        let pending: [String]
        do {
            pending = try (rows.count == 1 ? history.pending(from: rows[0]) : history.pending(fromAll: rows)).map(\.id)
        } catch {
            return RevisionPosition(revision: rows.joined(separator: ", "), findings: [Finding(
                kind: .revisionUnknown, severity: .error, object: object, actual: rows.joined(separator: ", "),
                message: "cannot place the recorded revision in the history: \(error)", status: .drift)])
        }
        if rows.count > 1 {
            findings.append(Finding(
                kind: .versionTableRows, severity: .warning, object: object, actual: rows.joined(separator: ", "),
                message: "the version table \(object) has \(rows.count) rows (\(rows.joined(separator: ", "))): branches were applied separately and never merged here",
                fixNote: "apply the merge revision so one row remains", status: .operational))
        }
        if !pending.isEmpty {
            let described = pending.map { id in
                let message = history.revision(id)?.message ?? ""
                return message.isEmpty ? id : "\(id) (\(message))"
            }
            findings.append(Finding(
                kind: .revisionBehind, severity: .warning, object: object, expected: history.head,
                actual: rows.joined(separator: ", "),
                message: "\(pending.count) revision(s) behind head \(history.head): pending \(described.joined(separator: ", "))",
                fixNote: "run the pending migrations", status: .pending))
        }
        return RevisionPosition(revision: rows.joined(separator: ", "), pending: pending,
                                comparisonRevisions: rows, findings: findings)
    }
}
