import Foundation
import MigrationHistory
import MigrationLint
import SchemaDiff

/// `lint`: offline checks of a migration history for pull requests.
public enum LintRunner {
    /// Lint findings rendered as `file:line:column: severity [rule] message` lines, and the outcome at `failOn`.
    public static func run(migrationsPath: String, failOn: Severity = .error) throws -> (output: String, outcome: Outcome) {
        let history: MigrationHistory
        do {
            history = try MigrationHistory.load(path: migrationsPath)
        } catch {
            throw DriftCheckError("\(error)")
        }
        let findings: [LintFinding]
        do {
            findings = try lint(history)
        } catch {
            throw DriftCheckError("\(error)")
        }
        var lines = findings.map { finding in
            "\(finding.description)"
        }
        let failing = findings.contains { $0.severity >= failOn }
        lines.append("\(history.orderedRevisions.count) revision(s) linted: \(findings.filter { $0.severity == .error }.count) error(s), \(findings.filter { $0.severity == .warning }.count) warning(s)")
        return (lines.joined(separator: "\n") + "\n", failing ? .drift : .clean)
    }
}
