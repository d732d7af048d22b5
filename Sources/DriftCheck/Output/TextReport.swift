import DriftReport
import Findings

/// Plain-text rendering of one environment's result, for terminals (`diff --format text`).
public enum TextReport {
    public static func render(_ result: EnvironmentResult) -> String {
        var lines: [String] = []
        lines.append("\(result.name): \(verdict(result)) — \(result.findings.count) finding(s), \(result.objectsCompared) object(s) compared, \(result.notCompared.count) not compared")
        if let error = result.error { lines.append("  error: \(error)") }
        for finding in result.findings {
            let flags = [finding.status == .drift ? nil : finding.status.rawValue, finding.transient ? "transient" : nil]
                .compactMap { $0 }
            let flagText = flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"
            lines.append("")
            lines.append("\(finding.severity.rawValue.uppercased()) \(finding.kind.rawValue) \(finding.object)\(flagText)")
            lines.append("  \(finding.message)")
            if let expected = finding.expected { lines.append("  expected: \(expected)") }
            if let actual = finding.actual { lines.append("  actual:   \(actual)") }
            if let fix = finding.fixSQL { lines.append("  fix:      \(fix.replacingOccurrences(of: "\n", with: "\n            "))") }
            if let note = finding.fixNote { lines.append("  note:     \(note)") }
        }
        if !result.notCompared.isEmpty {
            lines.append("")
            lines.append("not compared:")
            for item in result.notCompared { lines.append("  \(item.object): \(item.reason)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "no drift" only when there is nothing at all to show; a clean result with findings says what they are
    /// ("clean — 1 pending, 2 info"), so a summary line never reads "no drift" above a list of findings.
    static func verdict(_ result: EnvironmentResult) -> String {
        guard result.status == .clean else { return result.status.rawValue }
        if result.findings.isEmpty { return result.notCompared.isEmpty ? "no drift" : "no drift in what was compared" }
        var parts: [String] = []
        let pending = result.findings.filter { $0.status == .pending }.count
        if pending > 0 { parts.append("\(pending) pending") }
        for severity in Severity.allCases.reversed() {
            let count = result.findings.filter { $0.status != .pending && $0.severity == severity }.count
            if count > 0 { parts.append("\(count) \(severity.rawValue) below the gate") }
        }
        return "clean — " + parts.joined(separator: ", ")
    }
}
