import DriftReport
import Findings

/// Microsoft Teams payload: a `message` with one Adaptive Card (1.4) attachment — title, one fact per environment,
/// the most important findings, and a button to the full report. Kept well under Teams' ~28 KB message limit by
/// showing at most `maxFindings` findings.
enum TeamsPayload {
    static let cardContentType = "application/vnd.microsoft.card.adaptive"
    static let cardSchema = "http://adaptivecards.io/schemas/adaptive-card.json"
    static let cardVersion = "1.4"
    /// Findings shown over all environments; the rest are counted and pointed to.
    static let maxFindings = 30
    static let maxLineLength = 400

    static func build(_ document: DriftReportDocument, reportURL: String?) -> JSONValue {
        var body: [JSONValue] = []
        let failing = document.summary.drifted + document.summary.unreachable > 0
        body.append(text(SlackPayload.title(document), extra: [
            JSONMember("size", .string("Large")), JSONMember("weight", .string("Bolder")),
            JSONMember("color", .string(failing ? "Attention" : "Good")),
        ]))
        let head = document.headRevision.map { "Head revision \($0)" } ?? "No head revision"
        body.append(text("\(head) · generated \(document.generatedAt)", extra: [
            JSONMember("isSubtle", .bool(true)), JSONMember("spacing", .string("None")),
        ]))
        let facts: [JSONValue] = document.environments.map { environment in
            .object([JSONMember("title", .string(environment.name)),
                     JSONMember("value", .string(ChatSummary.cut(factValue(environment), maxLineLength)))])
        }
        if !facts.isEmpty {
            body.append(.object([JSONMember("type", .string("FactSet")), JSONMember("facts", .array(facts))]))
        }
        for warning in ChatSummary.previousWarnings(document) {
            body.append(text("Warning: " + warning, extra: [
                JSONMember("color", .string("Warning")), JSONMember("isSubtle", .bool(true)),
            ]))
        }
        var shown = 0
        var omitted = 0
        for environment in document.environments
        where !environment.findings.isEmpty || environment.memory?.resolved.isEmpty == false {
            let resolved = (environment.memory?.resolved ?? []).map { "[resolved] " + ChatSummary.resolvedText($0) }
            let lines = ChatSummary.ordered(environment).map { findingLine($0.finding, history: $0.history) } + resolved
            let room = max(0, maxFindings - shown)
            guard room > 0 else { omitted += lines.count; continue }
            body.append(text(environment.name, extra: [
                JSONMember("weight", .string("Bolder")), JSONMember("separator", .bool(true)),
            ]))
            for line in lines.prefix(room) {
                body.append(text(ChatSummary.cut(line, maxLineLength), extra: [
                    JSONMember("spacing", .string("Small")),
                ]))
            }
            shown += min(room, lines.count)
            omitted += max(0, lines.count - room)
        }
        if omitted > 0 {
            body.append(text("\(omitted) more finding\(omitted == 1 ? "" : "s") not shown; see "
                + (reportURL == nil ? "drift-report.md in the CI run." : "the full report."), extra: [
                JSONMember("isSubtle", .bool(true)),
            ]))
        }
        var content: [JSONMember] = [
            JSONMember("$schema", .string(cardSchema)),
            JSONMember("type", .string("AdaptiveCard")),
            JSONMember("version", .string(cardVersion)),
            JSONMember("msteams", .object([JSONMember("width", .string("Full"))])),
            JSONMember("body", .array(body)),
        ]
        if let reportURL {
            content.append(JSONMember("actions", .array([.object([
                JSONMember("type", .string("Action.OpenUrl")),
                JSONMember("title", .string("Full report")),
                JSONMember("url", .string(reportURL)),
            ])])))
        }
        return .object([
            JSONMember("type", .string("message")),
            JSONMember("summary", .string(SlackPayload.title(document))),
            JSONMember("attachments", .array([.object([
                JSONMember("contentType", .string(cardContentType)),
                JSONMember("contentUrl", .null),
                JSONMember("content", .object(content)),
            ])])),
        ])
    }

    static func factValue(_ environment: EnvironmentResult) -> String {
        let verdict = ChatSummary.verdict(environment)
        // verdict starts with "STATUS name: "; the fact title already names the environment.
        let prefix = "\(environment.status.rawValue.uppercased()) \(environment.name): "
        let rest = verdict.hasPrefix(prefix) ? String(verdict.dropFirst(prefix.count)) : verdict
        return "\(environment.status.rawValue.uppercased()) · \(rest)"
    }

    static func findingLine(_ finding: Finding, history: FindingHistory? = nil) -> String {
        var line = (history?.change == .new ? "NEW " : "")
            + "[\(finding.status.rawValue)] \(finding.kind.rawValue) (\(finding.severity.rawValue)) "
            + "\(finding.object): \(ChatSummary.flat(finding.message))"
        if finding.transient { line += " (possibly transient)" }
        if history?.change == .open, let tag = ChatSummary.changeTag(history) { line += " (\(tag))" }
        if let sides = ChatSummary.sides(finding, limit: 100) { line += " — " + sides }
        return line
    }

    /// An Adaptive Card TextBlock that wraps. Text is set as plain text: Teams' Markdown subset is not escaped here,
    /// so server text could format itself; it can never inject card elements, since it is a JSON string.
    static func text(_ value: String, extra: [JSONMember] = []) -> JSONValue {
        .object([JSONMember("type", .string("TextBlock")), JSONMember("text", .string(value)),
                 JSONMember("wrap", .bool(true))] + extra)
    }
}
