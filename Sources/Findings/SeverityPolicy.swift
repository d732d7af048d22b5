/// An environment's `severity:` map: per finding kind, the severity that replaces `FindingKind.defaultSeverity`, or
/// `ignore` to drop the kind from the result. Applied once to every finding of an environment (schema, revision and
/// operations findings alike), after the pending/drift classification.
///
/// ```yaml
/// severity: {column_comment: warning, partition_window_ending: ignore}
/// ```
public struct SeverityPolicy: Hashable, Sendable {
    /// What one kind becomes.
    public enum Level: Hashable, Sendable {
        case severity(Severity)
        case ignore

        /// `error`, `warning`, `info` or `ignore`; `nil` for anything else.
        public init?(configValue: String) {
            if configValue == "ignore" {
                self = .ignore
            } else if let severity = Severity(rawValue: configValue) {
                self = .severity(severity)
            } else {
                return nil
            }
        }
    }

    /// Per-kind levels; kinds not listed keep their default severity.
    public var levels: [FindingKind: Level]

    /// Creates a policy.
    public init(_ levels: [FindingKind: Level] = [:]) {
        self.levels = levels
    }

    /// The findings with overridden severities, ignored kinds removed. A pending finding never rises above the
    /// severity its classification gave it (pending differences are explained by revisions not yet run).
    public func apply(_ findings: [Finding]) -> [Finding] {
        guard !levels.isEmpty else { return findings }
        return findings.compactMap { finding in
            switch levels[finding.kind] {
            case nil: return finding
            case .ignore: return nil
            case .severity(let severity)?:
                var copy = finding
                copy.severity = finding.status == .pending ? min(severity, finding.severity) : severity
                return copy
            }
        }
    }
}
