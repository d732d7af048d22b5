import SchemaDiff

/// Renders `drift-report.json`: the CONTRACT.md shape, `format_version` 1, keys in a fixed order, pretty-printed,
/// absent optional fields written as explicit `null`. Documented by `schema/drift-report.schema.json`.
public enum JSONReport {
    /// The JSON text of `document`, ending in a newline.
    public static func render(_ document: DriftReportDocument) -> String {
        value(of: document).rendered(pretty: true) + "\n"
    }

    /// The report as a `JSONValue`, for embedding (the generic webhook payload).
    public static func value(of document: DriftReportDocument) -> JSONValue {
        .object([
            JSONMember("format_version", .int(document.formatVersion)),
            JSONMember("generated_at", .string(document.generatedAt)),
            JSONMember("head_revision", .optional(document.headRevision)),
            JSONMember("summary", value(of: document.summary)),
            JSONMember("environments", .array(document.environments.map(value(of:)))),
            JSONMember("notification_errors", .array(document.notificationErrors.map(JSONValue.string))),
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
            JSONMember("findings", .array(environment.findings.map(value(of:)))),
            JSONMember("not_compared", .array(environment.notCompared.map(value(of:)))),
            JSONMember("compared_objects", environment.comparedObjects.map { .array($0.map(JSONValue.string)) } ?? .null),
        ])
    }

    static func value(of finding: Finding) -> JSONValue {
        .object([
            JSONMember("kind", .string(finding.kind.rawValue)),
            JSONMember("severity", .string(finding.severity.rawValue)),
            JSONMember("status", .string(finding.status.rawValue)),
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
