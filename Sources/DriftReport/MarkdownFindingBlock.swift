import Findings

/// The Markdown for a list of findings: one heading per object (in order of first appearance), then per finding its
/// kind and severity, whether it is new or open since when, the message, expected vs actual and the suggested fix.
enum MarkdownFindingBlock {
    /// Values longer than this, or spanning lines, are shown in fenced blocks instead of a table.
    static let tableValueLimit = 120

    static func render(_ findings: [(finding: Finding, history: FindingHistory?)]) -> [String] {
        var order: [String] = []
        var byObject: [String: [(finding: Finding, history: FindingHistory?)]] = [:]
        for item in findings {
            if byObject[item.finding.object] == nil { order.append(item.finding.object) }
            byObject[item.finding.object, default: []].append(item)
        }
        var blocks: [String] = []
        for object in order {
            blocks.append("#### \(MarkdownText.code(object))")
            for item in byObject[object] ?? [] {
                blocks.append(contentsOf: render(item.finding, history: item.history))
            }
        }
        return blocks
    }

    static func render(_ finding: Finding, history: FindingHistory? = nil) -> [String] {
        var blocks: [String] = []
        var headline = "**\(finding.kind.rawValue)** (\(finding.severity.rawValue))"
        switch history?.change {
        case .new?: headline += " · **new**"
        case .open?: headline += " · open since \(RunChanges.day(history?.firstSeen ?? ""))"
        case nil: break
        }
        if finding.transient { headline += " · **possibly transient**" }
        headline += ": " + MarkdownText.inline(finding.message)
        blocks.append(headline)
        if finding.transient {
            blocks.append("> A schema-change job is running on this table; check again after it finishes.")
        }
        blocks.append(contentsOf: sides(finding))
        if let sql = finding.fixSQL {
            blocks.append("Suggested fix:")
            blocks.append(MarkdownText.fenced(sql, language: "sql"))
        }
        if let note = finding.fixNote {
            blocks.append("> **\(finding.fixSQL == nil ? "No in-place fix" : "Note")**: " + MarkdownText.inline(note))
        }
        return blocks
    }

    /// Expected vs actual: a two-row table for short single-line values, fenced blocks otherwise.
    static func sides(_ finding: Finding) -> [String] {
        if finding.expected == nil && finding.actual == nil { return [] }
        let values = [finding.expected, finding.actual].compactMap { $0 }
        let fitsTable = values.allSatisfy { !$0.contains(where: \.isNewline) && $0.count <= tableValueLimit }
        if fitsTable {
            return [[
                "| | |",
                "|---|---|",
                "| Expected | \(finding.expected.map(MarkdownText.cellCode) ?? "_absent_") |",
                "| Actual | \(finding.actual.map(MarkdownText.cellCode) ?? "_absent_") |",
            ].joined(separator: "\n")]
        }
        var blocks: [String] = []
        for (label, value) in [("Expected", finding.expected), ("Actual", finding.actual)] {
            if let value {
                blocks.append("\(label):")
                blocks.append(MarkdownText.fenced(value))
            } else {
                blocks.append("\(label): _absent_")
            }
        }
        return blocks
    }
}
