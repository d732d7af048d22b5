import Findings

/// Renders `drift-report.md`: one status line per environment first, then what changed since the previous run (new,
/// resolved, status changes) when there was one, then each checked environment's findings (unexplained drift, pending
/// migrations, operations; open ones with their "open since" date) with expected vs actual and the fix, then what was
/// not compared, then the environments that could not be checked with their error. Deterministic: same document,
/// same bytes.
public enum MarkdownReport {
    /// GitHub rejects a job summary (`$GITHUB_STEP_SUMMARY`) larger than 1 MiB.
    public static let gitHubStepSummaryLimit = 1_048_576

    /// The Markdown text of `document`, ending in a newline.
    public static func render(_ document: DriftReportDocument) -> String {
        blocks(document).joined(separator: "\n\n") + "\n"
    }

    /// The Markdown text of `document` in at most `maxBytes` UTF-8 bytes: when the whole report is larger, whole
    /// blocks (never half a code block) are kept from the start (status lines first) and a note says what was cut.
    public static func render(_ document: DriftReportDocument, maxBytes: Int) -> String {
        let all = blocks(document)
        let full = all.joined(separator: "\n\n") + "\n"
        guard full.utf8.count > maxBytes else { return full }
        let note = "_The report was cut here to fit in \(maxBytes) bytes; the full report is `drift-report.md` "
            + "(and `drift-report.json`) in the job's output._"
        var kept: [String] = []
        var size = note.utf8.count + 3
        for block in all {
            let cost = block.utf8.count + 2
            guard size + cost <= maxBytes else { break }
            kept.append(block)
            size += cost
        }
        kept.append(note)
        let text = kept.joined(separator: "\n\n") + "\n"
        return text.utf8.count <= maxBytes ? text : String(decoding: Array(text.utf8.prefix(maxBytes)), as: UTF8.self)
    }

    static func blocks(_ document: DriftReportDocument) -> [String] {
        var blocks: [String] = ["# StarRocks drift report"]
        let statusLines = document.environments.map(statusLine) + (document.models.map { [MarkdownModels.statusLine($0)] } ?? [])
        if statusLines.isEmpty {
            blocks.append("No environments were selected, so nothing was checked.")
        } else {
            blocks.append(statusLines.joined(separator: "\n"))
        }
        blocks.append(overview(document))
        blocks.append(contentsOf: MarkdownChanges.blocks(document))
        let checked = document.environments.filter { $0.status == .clean || $0.status == .drift }
        for environment in checked {
            blocks.append(contentsOf: environmentBlocks(environment, headRevision: document.headRevision))
        }
        if let models = document.models { blocks.append(contentsOf: MarkdownModels.blocks(models)) }
        let unchecked = document.environments.filter { $0.status == .unreachable || $0.status == .error }
        if !unchecked.isEmpty {
            blocks.append("## Not checked")
            blocks.append("These environments could not be checked; they are never reported as clean.")
            for environment in unchecked {
                blocks.append("### \(MarkdownText.code(environment.name)): \(environment.status.rawValue)")
                blocks.append(MarkdownText.fenced(environment.error ?? "no error message was recorded"))
                blocks.append(contentsOf: MarkdownChanges.carriedOver(environment))
            }
        }
        if !document.notificationErrors.isEmpty {
            blocks.append("## Notification failed")
            blocks.append(document.notificationErrors.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n"))
        }
        return blocks
    }

    /// `- **DRIFT** `prod`: 2 unexplained drift, 1 pending · revision `abc` (1 behind head)`.
    static func statusLine(_ environment: EnvironmentResult) -> String {
        let marker = "**\(environment.status.rawValue.uppercased())**"
        let name = MarkdownText.code(environment.name)
        switch environment.status {
        case .unreachable, .error:
            let reason = environment.error.map { MarkdownText.inline(firstLine($0, limit: 160)) } ?? "no error recorded"
            let change = MarkdownChanges.statusPhrase(environment).map { " · " + $0 } ?? ""
            return "- \(marker) \(name): could not check: \(reason)\(change)"
        case .clean, .drift:
            var parts = [counts(environment)]
            if let revision = revisionPhrase(environment) { parts.append(revision) }
            if let change = MarkdownChanges.statusPhrase(environment) { parts.append(change) }
            return "- \(marker) \(name): " + parts.joined(separator: " · ")
        }
    }

    /// "2 unexplained drift, 1 pending, 1 operational (1 possibly transient), 3 not compared" or "no findings in N objects".
    static func counts(_ environment: EnvironmentResult) -> String {
        let findings = environment.findings
        var parts: [String] = []
        let drift = findings.filter { $0.status == .drift }.count
        let pending = findings.filter { $0.status == .pending }.count
        let operational = findings.filter { $0.status == .operational }.count
        if drift > 0 { parts.append("\(drift) unexplained drift") }
        if pending > 0 { parts.append("\(pending) pending") }
        if operational > 0 { parts.append("\(operational) operational") }
        var text = parts.isEmpty
            ? "no findings in \(plural(environment.objectsCompared, "object"))"
            : parts.joined(separator: ", ")
        let transient = findings.filter(\.transient).count
        if transient > 0 { text += " (\(transient) possibly transient)" }
        if !environment.notCompared.isEmpty { text += ", \(environment.notCompared.count) not compared" }
        return text
    }

    /// "revision `abc` (2 behind head)", "revision `abc` (at head)", "revision unknown" or nil when nothing is known.
    static func revisionPhrase(_ environment: EnvironmentResult) -> String? {
        let behind: String? = environment.revisionsBehind.map { $0 == 0 ? "at head" : "\($0) behind head" }
        switch (environment.revision, behind) {
        case let (revision?, behind?): return "revision \(MarkdownText.code(revision)) (\(behind))"
        case let (revision?, nil): return "revision \(MarkdownText.code(revision))"
        case let (nil, behind?): return "revision unknown (\(behind))"
        case (nil, nil): return nil
        }
    }

    static func overview(_ document: DriftReportDocument) -> String {
        let summary = document.summary
        var parts: [String] = []
        parts.append(document.headRevision.map { "Head revision \(MarkdownText.code($0))" } ?? "No head revision")
        parts.append("generated \(MarkdownText.inline(document.generatedAt))")
        parts.append(plural(summary.environments, "environment") + ", \(summary.drifted) drifted, "
            + "\(summary.unreachable) not checked, " + plural(summary.findings, "finding"))
        return parts.joined(separator: " · ")
    }

    static func environmentBlocks(_ environment: EnvironmentResult, headRevision: String?) -> [String] {
        var blocks = ["## \(MarkdownText.code(environment.name)): \(environment.status.rawValue)"]
        blocks.append(environmentFacts(environment, headRevision: headRevision))
        let sections: [(FindingStatus, String, String)] = [
            (.drift, "Unexplained drift",
             "Not explained by any revision (changed by hand, or a migration half-applied). This is what fails the check."),
            (.pending, "Pending migrations",
             "Explained by revisions this environment has not applied yet; applying them resolves these."),
            (.operational, "Operations", "Health of the server and its schema-change jobs, backends and views."),
        ]
        let tracked = environment.trackedFindings
        for (status, title, explanation) in sections {
            let findings = tracked.filter { $0.finding.status == status }.map { ($0.finding, $0.history) }
            guard !findings.isEmpty else { continue }
            blocks.append("### \(title) (\(findings.count))")
            blocks.append(explanation)
            blocks.append(contentsOf: MarkdownFindingBlock.render(findings))
        }
        if environment.findings.isEmpty {
            blocks.append("No differences: the actual schema matches the expected schema.")
        }
        if !environment.notCompared.isEmpty {
            blocks.append("### Not compared (\(environment.notCompared.count))")
            blocks.append("These objects could not be compared faithfully; they are not counted as clean.")
            var table = ["| Object | Reason |", "|---|---|"]
            for item in environment.notCompared {
                table.append("| \(MarkdownText.cellCode(item.object)) | \(MarkdownText.inline(item.reason)) |")
            }
            blocks.append(table.joined(separator: "\n"))
        }
        return blocks
    }

    static func environmentFacts(_ environment: EnvironmentResult, headRevision: String?) -> String {
        var sentences: [String] = []
        switch (environment.revision, environment.revisionsBehind) {
        case (let revision?, 0?):
            sentences.append("Revision \(MarkdownText.code(revision)), at head.")
        case (let revision?, let behind?):
            let head = headRevision.map { " \(MarkdownText.code($0))" } ?? ""
            sentences.append("Revision \(MarkdownText.code(revision)), \(behind) behind head\(head).")
        case (let revision?, nil):
            sentences.append("Revision \(MarkdownText.code(revision)).")
        case (nil, _):
            sentences.append("Revision unknown.")
        }
        if !environment.pendingRevisions.isEmpty {
            let list = environment.pendingRevisions.map(MarkdownText.code).joined(separator: ", ")
            sentences.append("Pending revisions: \(list).")
        }
        if let version = environment.serverVersion {
            sentences.append("Server \(MarkdownText.code(version)).")
        }
        sentences.append("\(plural(environment.objectsCompared, "object")) compared in "
            + "\(seconds(environment.durationSeconds)) (\(plural(environment.statementsSent, "statement")) sent).")
        return sentences.joined(separator: " ")
    }

    /// "1 object", "3 objects".
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Seconds with one decimal, without Foundation: "0.0 s", "12.3 s".
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "? s" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    /// The first line of `text`, cut at `limit` characters with an ellipsis.
    static func firstLine(_ text: String, limit: Int) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return line.count > limit ? String(line.prefix(limit)) + "…" : line
    }
}
