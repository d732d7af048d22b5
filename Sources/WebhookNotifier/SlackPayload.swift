import DriftReport
import Findings

/// Slack incoming-webhook payload: a plain `text` fallback and Block Kit `blocks`, within Slack's limits
/// (at most 50 blocks, section text at most 3000 characters, header text at most 150). What does not fit is cut
/// with a pointer to the full report.
enum SlackPayload {
    /// Slack's limits (Block Kit reference).
    static let maxBlocks = 50
    static let maxSectionText = 3000
    static let maxHeaderText = 150
    /// Longest single finding line, so one finding never fills a section alone.
    static let maxLineLength = 700

    static func build(_ document: DriftReportDocument, reportURL: String?) -> JSONValue {
        var blocks: [JSONValue] = []
        blocks.append(header(title(document)))
        let verdicts = document.environments.map(verdictLine)
        var truncated = false
        let summaryTexts = pack(verdicts.isEmpty ? ["No environments were checked."] : verdicts)
        for text in summaryTexts where blocks.count < maxBlocks - 2 { blocks.append(section(text)) }
        truncated = truncated || summaryTexts.count > blocks.count - 1
        let head = document.headRevision.map { "head revision \(code($0))" } ?? "no head revision"
        blocks.append(context("\(head) · generated \(escape(document.generatedAt))"))
        let warnings = ChatSummary.previousWarnings(document)
        if !warnings.isEmpty {
            blocks.append(context(warnings.map { ":warning: " + escape($0) }.joined(separator: "\n")))
        }
        var omitted = 0
        for environment in document.environments
        where !environment.findings.isEmpty || environment.memory?.resolved.isEmpty == false {
            let lines = ["*\(escape(environment.name))*: \(escape(ChatSummary.counts(environment)))"]
                + ChatSummary.ordered(environment).map { findingLine($0.finding, history: $0.history) }
                + (environment.memory?.resolved ?? []).map(resolvedLine)
            let texts = pack(lines)
            for (index, text) in texts.enumerated() {
                guard blocks.count < maxBlocks - 1 else {
                    // Count the findings in the sections that did not fit.
                    omitted += texts[index...].reduce(0) { $0 + $1.split(separator: "\n").filter { $0.hasPrefix("•") }.count }
                    truncated = true
                    break
                }
                blocks.append(section(text))
            }
        }
        if let tail = tail(truncated: truncated, omitted: omitted, reportURL: reportURL) {
            blocks.append(section(tail))
        }
        return .object([
            JSONMember("text", .string(fallback(document))),
            JSONMember("blocks", .array(blocks)),
        ])
    }

    /// "StarRocks drift: <what changed>" when the run was compared with a previous one, else the verdict counts.
    static func title(_ document: DriftReportDocument) -> String {
        if let changes = RunChanges(document) {
            return ChatSummary.cut("StarRocks drift: \(changes.headline)", maxHeaderText)
        }
        let summary = document.summary
        var parts: [String] = []
        if summary.drifted > 0 { parts.append("\(summary.drifted) drifted") }
        if summary.unreachable > 0 { parts.append("\(summary.unreachable) not checked") }
        let verdict = parts.isEmpty ? "all \(summary.environments) clean" : parts.joined(separator: ", ")
        return ChatSummary.cut("StarRocks drift: \(verdict)", maxHeaderText)
    }

    /// The notification text (also what Slack shows where blocks cannot be rendered).
    static func fallback(_ document: DriftReportDocument) -> String {
        let verdicts = document.environments.map { ChatSummary.verdict($0) }.joined(separator: "; ")
        return ChatSummary.cut(title(document) + (verdicts.isEmpty ? "" : " — " + verdicts), maxSectionText)
    }

    static func verdictLine(_ environment: EnvironmentResult) -> String {
        let status = "*\(environment.status.rawValue.uppercased())*"
        let line: String
        switch environment.status {
        case .unreachable, .error:
            line = "\(status) \(code(environment.name)): could not check: "
                + escape(ChatSummary.firstLine(environment.error ?? "no error recorded"))
        case .clean, .drift:
            var text = "\(status) \(code(environment.name)): \(escape(ChatSummary.counts(environment)))"
            if let revision = environment.revision {
                let behind = environment.revisionsBehind.map { $0 == 0 ? ", at head" : ", \($0) behind head" } ?? ""
                text += " (revision \(code(revision))\(behind))"
            }
            line = text
        }
        return "• " + ChatSummary.cut(line, maxLineLength)
    }

    static func findingLine(_ finding: Finding, history: FindingHistory? = nil) -> String {
        let change = history?.change == .new ? "*NEW* " : ""
        var line = "• \(change)[\(finding.status.rawValue)] *\(finding.kind.rawValue)* (\(finding.severity.rawValue)) "
            + "\(code(finding.object)): \(escape(ChatSummary.flat(finding.message)))"
        if finding.transient { line += " _(possibly transient)_" }
        if history?.change == .open, let tag = ChatSummary.changeTag(history) { line += " _(\(tag))_" }
        if finding.expected != nil || finding.actual != nil {
            let side: (String?) -> String = { $0.map { code(ChatSummary.cut($0, 100)) } ?? "absent" }
            line += " — expected \(side(finding.expected)), actual \(side(finding.actual))"
        }
        return ChatSummary.cut(line, maxLineLength)
    }

    /// "• *RESOLVED* *property* `object`: message (open since 2026-11-02)".
    static func resolvedLine(_ finding: TrackedFinding) -> String {
        ChatSummary.cut("• *RESOLVED* *\(escape(finding.kind))* \(code(finding.object)): "
            + "\(escape(ChatSummary.flat(finding.message))) (open since \(RunChanges.day(finding.firstSeen)))", maxLineLength)
    }

    static func tail(truncated: Bool, omitted: Int, reportURL: String?) -> String? {
        let link = reportURL.map { "<\(escapeLink($0))|full report>" }
        if truncated {
            let more = omitted > 0 ? "\(omitted) more finding\(omitted == 1 ? "" : "s") not shown" : "message truncated"
            return "_\(more); see \(link ?? "drift-report.md in the CI run") for everything._"
        }
        return link.map { "See the \($0) for expected vs actual and the fix SQL." }
    }

    /// Joins lines into section texts of at most `maxSectionText` characters each.
    static func pack(_ lines: [String]) -> [String] {
        var texts: [String] = []
        var current = ""
        for line in lines {
            let candidate = current.isEmpty ? line : current + "\n" + line
            if candidate.count <= maxSectionText {
                current = candidate
            } else {
                if !current.isEmpty { texts.append(current) }
                current = ChatSummary.cut(line, maxSectionText)
            }
        }
        if !current.isEmpty { texts.append(current) }
        return texts
    }

    static func header(_ text: String) -> JSONValue {
        .object([JSONMember("type", .string("header")),
                 JSONMember("text", .object([JSONMember("type", .string("plain_text")), JSONMember("text", .string(text))]))])
    }

    static func section(_ text: String) -> JSONValue {
        .object([JSONMember("type", .string("section")),
                 JSONMember("text", .object([JSONMember("type", .string("mrkdwn")), JSONMember("text", .string(text))]))])
    }

    static func context(_ text: String) -> JSONValue {
        .object([JSONMember("type", .string("context")),
                 JSONMember("elements", .array([.object([JSONMember("type", .string("mrkdwn")),
                                                         JSONMember("text", .string(text))])]))])
    }

    /// Slack's three control characters escaped (`&`, `<`, `>`).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A code span; Slack has no escape for a backtick inside one, so backticks become a look-alike (ˋ).
    static func code(_ text: String) -> String {
        "`" + escape(ChatSummary.flat(text)).map { $0 == "`" ? "ˋ" : String($0) }.joined() + "`"
    }

    /// A URL inside `<url|label>`: `|` and `>` would end it early, so they are percent-encoded.
    static func escapeLink(_ url: String) -> String {
        url.map { $0 == "|" ? "%7C" : $0 == ">" ? "%3E" : $0 == "<" ? "%3C" : String($0) }.joined()
    }
}
