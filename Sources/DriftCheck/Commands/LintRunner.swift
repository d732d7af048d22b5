import Findings
import Foundation
import MigrationHistory
import MigrationLint

/// `lint`: offline checks of a migration history for pull requests.
public enum LintRunner {
    /// Lint findings rendered as `file:line:column: severity [rule] message` lines, and the outcome at `failOn`.
    /// With `GITHUB_ACTIONS=true`, text output also carries one `::error file=...,line=...::` annotation per finding.
    public static func run(migrationsPath: String, failOn: Severity = .error, format: LintFormat = .text,
                           annotations: Bool) throws
        -> (output: String, outcome: Outcome, annotations: [String]) {
        let history: MigrationHistory
        history = try MigrationHistory.load(path: migrationsPath)
        let findings: [LintFinding]
        findings = try lint(history)
        let failing = findings.contains { $0.severity >= failOn }
        let base = FileManager.default.currentDirectoryPath
        var annotationLines: [String] = []
        if annotations {
            annotationLines = findings.map { finding in
                LintRendering.annotation(severity: finding.severity,
                                         file: LintRendering.relativePath(finding.location.file, to: base),
                                         line: finding.location.line, column: finding.location.column,
                                         title: "starrocks-drift lint: \(finding.rule.rawValue)",
                                         message: "\(finding.message); fix: \(finding.fix)")
            }
        }
        switch format {
        case .json:
            return (LintRendering.json(findings, revisions: history.orderedRevisions.count, relativeTo: base),
                    failing ? .drift : .clean, annotationLines)
        case .sarif:
            return (LintRendering.sarif(findings, relativeTo: base), failing ? .drift : .clean, annotationLines)
        case .text:
            break
        }
        var lines = findings.map { finding in
            "\(finding.description)"
        }

        lines.append("\(history.orderedRevisions.count) revision(s) linted: \(findings.filter { $0.severity == .error }.count) error(s), \(findings.filter { $0.severity == .warning }.count) warning(s)")
        return (lines.joined(separator: "\n") + "\n", failing ? .drift : .clean, annotationLines)
    }
}
