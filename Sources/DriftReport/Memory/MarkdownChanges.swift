/// The Markdown for what changed since the previous run: the warnings about the previous report, the headline, the
/// new and resolved findings and the status changes (before the per-environment details), a phrase for each status
/// line, and the last known findings of an environment that could not be checked.
enum MarkdownChanges {
    static func blocks(_ document: DriftReportDocument) -> [String] {
        var blocks: [String] = []
        let warnings = document.previousReports.flatMap(\.warnings)
        if !warnings.isEmpty {
            blocks.append(warnings.map { "> **Warning**: " + MarkdownText.inline($0) }.joined(separator: "\n>\n"))
        }
        guard let changes = RunChanges(document) else { return blocks }
        blocks.append("## Since the previous run")
        var headline = MarkdownText.inline(changes.headline) + "."
        let compared = document.previousReports.compactMap { report in
            report.generatedAt.map { "\(MarkdownText.code(report.path)) of \(MarkdownText.inline($0))" }
        }
        if !compared.isEmpty { headline += " Compared with " + compared.joined(separator: ", ") + "." }
        blocks.append(headline)
        let statuses = changes.environments.compactMap { environment in
            environment.statusChange.map {
                "- \(MarkdownText.code(environment.name)): \($0.from.rawValue) → **\($0.to.rawValue)**"
            }
        }
        if !statuses.isEmpty {
            blocks.append("### Status changes (\(statuses.count))")
            blocks.append(statuses.joined(separator: "\n"))
        }
        if changes.newCount > 0 {
            blocks.append("### New (\(changes.newCount))")
            var lines: [String] = []
            for environment in changes.environments {
                for finding in environment.new {
                    lines.append("- \(MarkdownText.code(environment.name)) · **\(finding.kind.rawValue)** "
                        + "(\(finding.severity.rawValue), \(finding.status.rawValue)) \(MarkdownText.code(finding.object)): "
                        + MarkdownText.inline(finding.message))
                }
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        if changes.resolvedCount > 0 {
            blocks.append("### Resolved (\(changes.resolvedCount))")
            var lines: [String] = []
            for environment in changes.environments {
                for finding in environment.resolved {
                    lines.append("- \(MarkdownText.code(environment.name)) · " + line(finding))
                }
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks
    }

    /// "1 new, 2 resolved, was clean" or "no change since the previous run"; nil without memory.
    static func statusPhrase(_ environment: EnvironmentResult) -> String? {
        guard let changes = RunChanges.changes(environment) else { return nil }
        var parts: [String] = []
        if !changes.new.isEmpty { parts.append("\(changes.new.count) new") }
        if !changes.resolved.isEmpty { parts.append("\(changes.resolved.count) resolved") }
        if let status = changes.statusChange { parts.append("was \(status.from.rawValue)") }
        if changes.open > 0, let since = changes.oldestOpenSince {
            parts.append("\(changes.open) open since \(RunChanges.day(since))")
        }
        return parts.isEmpty ? "no change since the previous run" : parts.joined(separator: ", ")
    }

    /// The last known findings of an environment this run could not check.
    static func carriedOver(_ environment: EnvironmentResult) -> [String] {
        guard let carried = environment.memory?.carriedOver, !carried.isEmpty else { return [] }
        return [
            "Last known findings (\(carried.count)), kept from the last run that reached it; neither new nor resolved:",
            carried.map { "- " + line($0) }.joined(separator: "\n"),
        ]
    }

    /// "**property** (error, drift) `obj`: message (open since 2026-11-02, last seen 2026-11-26)".
    static func line(_ finding: TrackedFinding) -> String {
        "**\(MarkdownText.inline(finding.kind))** (\(MarkdownText.inline(finding.severity)), "
            + "\(MarkdownText.inline(finding.status))) \(MarkdownText.code(finding.object)): "
            + MarkdownText.inline(finding.message)
            + " (open since \(RunChanges.day(finding.firstSeen)), last seen \(RunChanges.day(finding.lastSeen)))"
    }
}
