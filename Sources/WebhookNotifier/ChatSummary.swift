import DriftReport
import Findings

/// Plain-text facts shared by the chat payloads: per-environment verdicts, finding lines and what changed since the
/// previous run.
enum ChatSummary {
    /// "DRIFT prod: 2 unexplained drift, 1 pending (revision abc, 1 behind head)".
    static func verdict(_ environment: EnvironmentResult) -> String {
        let status = environment.status.rawValue.uppercased()
        switch environment.status {
        case .unreachable, .error:
            return "\(status) \(environment.name): could not check: " + firstLine(environment.error ?? "no error recorded")
        case .clean, .drift:
            var text = "\(status) \(environment.name): " + counts(environment)
            if let revision = environment.revision {
                let behind = environment.revisionsBehind.map { $0 == 0 ? ", at head" : ", \($0) behind head" } ?? ""
                text += " (revision \(revision)\(behind))"
            }
            return text
        }
    }

    /// "2 unexplained drift, 1 pending, 1 operational, 3 not compared" or "no findings in N objects".
    static func counts(_ environment: EnvironmentResult) -> String {
        var parts: [String] = []
        for (status, label) in [(FindingStatus.drift, "unexplained drift"), (.pending, "pending"), (.operational, "operational")] {
            let count = environment.findings.filter { $0.status == status }.count
            if count > 0 { parts.append("\(count) \(label)") }
        }
        if parts.isEmpty { parts.append("no findings in \(environment.objectsCompared) objects") }
        if !environment.notCompared.isEmpty { parts.append("\(environment.notCompared.count) not compared") }
        return parts.joined(separator: ", ")
    }

    /// The findings worth a chat line, most important first: drift, then operational, then pending; new before open;
    /// errors first.
    static func ordered(_ environment: EnvironmentResult) -> [(finding: Finding, history: FindingHistory?)] {
        let statusRank: [FindingStatus: Int] = [.drift: 0, .operational: 1, .pending: 2]
        let items = environment.trackedFindings.map { (finding: $0.finding, history: $0.history) }
        return items.enumerated().sorted { left, right in
            let (l, r) = (left.element.finding, right.element.finding)
            if statusRank[l.status]! != statusRank[r.status]! { return statusRank[l.status]! < statusRank[r.status]! }
            let (lNew, rNew) = (left.element.history?.change == .new, right.element.history?.change == .new)
            if lNew != rNew { return lNew }
            if l.severity != r.severity { return l.severity > r.severity }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// "new" or "open since 2026-11-02"; nil without memory.
    static func changeTag(_ history: FindingHistory?) -> String? {
        switch history?.change {
        case .new?: return "new"
        case .open?: return "open since " + RunChanges.day(history?.firstSeen ?? "")
        case nil: return nil
        }
    }

    /// "property analytics.t.properties.replication_num: message (open since 2026-11-02)" for a resolved finding.
    static func resolvedText(_ finding: TrackedFinding) -> String {
        "\(finding.kind) \(finding.object): \(flat(finding.message)) (open since \(RunChanges.day(finding.firstSeen)))"
    }

    /// The warnings about previous reports (missing, unreadable, another format_version, ...).
    static func previousWarnings(_ document: DriftReportDocument) -> [String] {
        document.previousReports.flatMap(\.warnings).map { cut(flat($0), 500) }
    }

    /// A one-line summary of a finding's two sides: "expected X, actual Y" (each cut to `limit` characters).
    static func sides(_ finding: Finding, limit: Int = 120) -> String? {
        switch (finding.expected, finding.actual) {
        case (nil, nil): return nil
        case let (expected?, nil): return "expected " + cut(flat(expected), limit) + ", actual absent"
        case let (nil, actual?): return "expected absent, actual " + cut(flat(actual), limit)
        case let (expected?, actual?): return "expected " + cut(flat(expected), limit) + ", actual " + cut(flat(actual), limit)
        }
    }

    /// Line breaks folded to spaces.
    static func flat(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    static func firstLine(_ text: String) -> String {
        cut(text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "", 300)
    }

    /// `text` cut to at most `limit` characters, ending in an ellipsis when cut.
    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(0, limit - 1))) + "…"
    }
}
