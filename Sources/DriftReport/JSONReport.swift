import Findings

/// Renders `drift-report.json`: the README "Reports" shape, `format_version` 1, keys in a fixed order, pretty-printed,
/// absent optional fields written as explicit `null`. Documented by `schema/drift-report.schema.json`. The memory
/// fields (`finding_id`, `change`, `first_seen`, `previous_status`, `resolved`, `carried_over`, `previous_reports`,
/// `changes`) were added to version 1 as additive fields: see `DriftReportDocument.currentFormatVersion`.
public enum JSONReport {
    /// The JSON text of `document`, ending in a newline.
    public static func render(_ document: DriftReportDocument) -> String {
        value(of: document).rendered(pretty: true) + "\n"
    }

    /// The report as a `JSONValue`, for embedding (the generic webhook payload).
    public static func value(of document: DriftReportDocument) -> JSONValue {
        var members = [
            JSONMember("format_version", .int(document.formatVersion)),
            JSONMember("generated_at", .string(document.generatedAt)),
            JSONMember("head_revision", .optional(document.headRevision)),
            JSONMember("summary", value(of: document.summary)),
            JSONMember("environments", .array(document.environments.map(value(of:)))),
            JSONMember("notification_errors", .array(document.notificationErrors.map(JSONValue.string))),
            JSONMember("previous_reports", .array(document.previousReports.map(value(of:)))),
            JSONMember("changes", RunChanges(document).map(value(of:)) ?? .null),
        ]
        // Present only with `check --models` (an additive field of format_version 1).
        if let models = document.models { members.append(JSONMember("models", value(of: models))) }
        return .object(members)
    }

    static func value(of models: ModelsResult) -> JSONValue {
        .object([
            JSONMember("source", .string(models.source)),
            JSONMember("status", .string(models.status.rawValue)),
            JSONMember("error", .optional(models.error)),
            JSONMember("versions", .object(models.versions.sorted { $0.key < $1.key }
                .map { JSONMember($0.key, .string($0.value)) })),
            JSONMember("objects_compared", .int(models.objectsCompared)),
            JSONMember("findings", .array(models.findings.map {
                value(of: $0, id: "models/\($0.kind.rawValue)/\($0.object)", history: nil)
            })),
            JSONMember("not_compared", .array(models.notCompared.map(value(of:)))),
        ])
    }

    static func value(of previous: PreviousReportInfo) -> JSONValue {
        .object([
            JSONMember("path", .string(previous.path)),
            JSONMember("generated_at", .optional(previous.generatedAt)),
            JSONMember("warnings", .array(previous.warnings.map(JSONValue.string))),
        ])
    }

    static func value(of changes: RunChanges) -> JSONValue {
        .object([
            JSONMember("new", .int(changes.newCount)),
            JSONMember("open", .int(changes.openCount)),
            JSONMember("resolved", .int(changes.resolvedCount)),
            JSONMember("status_changes", .int(changes.statusChangeCount)),
            JSONMember("oldest_open_since", .optional(changes.oldestOpenSince)),
        ])
    }

    static func value(of tracked: TrackedFinding) -> JSONValue {
        .object([
            JSONMember("finding_id", .string(tracked.findingID)),
            JSONMember("kind", .string(tracked.kind)),
            JSONMember("severity", .string(tracked.severity)),
            JSONMember("status", .string(tracked.status)),
            JSONMember("object", .string(tracked.object)),
            JSONMember("message", .string(tracked.message)),
            JSONMember("first_seen", .string(tracked.firstSeen)),
            JSONMember("last_seen", .string(tracked.lastSeen)),
        ])
    }

    static func value(of summary: Summary) -> JSONValue {
        .object([
            JSONMember("environments", .int(summary.environments)),
            JSONMember("drifted", .int(summary.drifted)),
            JSONMember("unreachable", .int(summary.unreachable)),
            JSONMember("findings", .int(summary.findings)),
        ])
    }

    static func value(of environment: EnvironmentResult) -> JSONValue {
        .object([
            JSONMember("name", .string(environment.name)),
            JSONMember("status", .string(environment.status.rawValue)),
            JSONMember("revision", .optional(environment.revision)),
            JSONMember("revisions_behind", .optional(environment.revisionsBehind)),
            JSONMember("pending_revisions", .array(environment.pendingRevisions.map(JSONValue.string))),
            JSONMember("error", .optional(environment.error)),
            JSONMember("server_version", .optional(environment.serverVersion)),
            JSONMember("objects_compared", .int(environment.objectsCompared)),
            JSONMember("statements_sent", .int(environment.statementsSent)),
            JSONMember("duration_seconds", .double(environment.durationSeconds)),
            JSONMember("findings", .array(environment.trackedFindings.map { value(of: $0.finding, id: $0.id, history: $0.history) })),
            JSONMember("not_compared", .array(environment.notCompared.map(value(of:)))),
            JSONMember("compared_objects", environment.comparedObjects.map { .array($0.map(JSONValue.string)) } ?? .null),
            JSONMember("previous_status", .optional(environment.memory?.previousStatus?.rawValue)),
            JSONMember("resolved", environment.memory.map { .array($0.resolved.map(value(of:))) } ?? .null),
            JSONMember("carried_over", environment.memory.map { .array($0.carriedOver.map(value(of:))) } ?? .null),
        ])
    }

    /// A finding with its stable id and, when the run had a previous report, `change` and `first_seen` (else null).
    static func value(of finding: Finding, id: String, history: FindingHistory?) -> JSONValue {
        .object([
            JSONMember("finding_id", .string(id)),
            JSONMember("kind", .string(finding.kind.rawValue)),
            JSONMember("severity", .string(finding.severity.rawValue)),
            JSONMember("status", .string(finding.status.rawValue)),
            JSONMember("change", .optional(history?.change.rawValue)),
            JSONMember("first_seen", .optional(history?.firstSeen)),
            JSONMember("transient", .bool(finding.transient)),
            JSONMember("object", .string(finding.object)),
            JSONMember("expected", .optional(finding.expected)),
            JSONMember("actual", .optional(finding.actual)),
            JSONMember("message", .string(finding.message)),
            JSONMember("fix_sql", .optional(finding.fixSQL)),
            JSONMember("fix_note", .optional(finding.fixNote)),
        ])
    }

    static func value(of notCompared: NotCompared) -> JSONValue {
        .object([
            JSONMember("object", .string(notCompared.object)),
            JSONMember("reason", .string(notCompared.reason)),
        ])
    }
}
