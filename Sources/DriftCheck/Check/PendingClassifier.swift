import Findings
import SchemaDiff

/// Splits the differences against the head into *pending* (explained by revisions the environment has not applied)
/// and *drift* (explained by no revision — what gates merges).
///
/// `headFindings` is `diff(expected at head, actual)`; `revisionFindings` is `diff(expected at the environment's own
/// revision, actual)`. A head finding that does not occur against the environment's revision means the server is
/// exactly where its recorded revision says for that object: the pending revisions explain the difference.
public enum PendingClassifier {
    /// Returns the head findings, each marked `.pending` (severity `pendingSeverity`) or left as `.drift`.
    public static func classify(headFindings: [Finding], revisionFindings: [Finding],
                                pendingSeverity: Severity = .warning, pendingRevisions: [String]) -> [Finding] {
        let atRevision = Set(revisionFindings.map(identity))
        return headFindings.map { finding in
            guard finding.status == .drift, !atRevision.contains(identity(finding)) else { return finding }
            var pending = finding
            pending.status = .pending
            pending.severity = min(finding.severity, pendingSeverity)
            let list = pendingRevisions.joined(separator: ", ")
            pending.message = finding.message + " (pending: applied by revision(s) \(list) not yet run here)"
            return pending
        }
    }

    /// Differences from the environment's own revision that the head does not have: the server already carries
    /// changes of pending revisions although its version table does not record them. One finding per object.
    public static func unrecordedChanges(headFindings: [Finding], revisionFindings: [Finding], recorded: String,
                                         pendingRevisions: [String], versionTable: String) -> [Finding] {
        let atHead = Set(headFindings.map(identity))
        var objects: [String] = []
        for finding in revisionFindings where finding.status == .drift && !atHead.contains(identity(finding)) {
            let object = finding.owner
            if !objects.contains(object) { objects.append(object) }
        }
        let pending = pendingRevisions.joined(separator: ", ")
        return objects.map { object in
            Finding(kind: .revisionNotRecorded, severity: FindingKind.revisionNotRecorded.defaultSeverity, object: object, expected: "as at revision \(recorded)",
                    actual: "as at head",
                    message: "\(object) already has changes of revision(s) \(pending), but \(versionTable) records \(recorded): the next migration run will fail on them",
                    fixNote: "if the changes were applied on purpose, record the revision (alembic stamp); otherwise look for a half-applied migration",
                    status: .drift)
        }
    }

    /// Two findings are the same difference when they concern the same object in the same way.
    static func identity(_ finding: Finding) -> String { "\(finding.kind.rawValue)|\(finding.object)" }
}
