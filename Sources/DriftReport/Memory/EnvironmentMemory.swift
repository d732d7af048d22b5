/// Whether a finding was already reported by the previous run.
public enum FindingChange: String, Hashable, Sendable, Codable {
    /// Not in the previous run's findings.
    case new
    /// Reported by the previous run too (still open).
    case open
}

/// A current finding's place in the run-to-run memory.
public struct FindingHistory: Hashable, Sendable {
    /// `generated_at` of the first run that reported it, carried forward from run to run.
    public var firstSeen: String
    public var change: FindingChange

    public init(firstSeen: String, change: FindingChange) {
        self.firstSeen = firstSeen
        self.change = change
    }
}

/// A finding remembered from an earlier run: one that is gone now (`resolved`), or the last known findings of an
/// environment this run could not check (`carried_over`). Kind, severity and status are kept as text so a report
/// written by a newer version (with kinds this one does not know) can still be read.
public struct TrackedFinding: Hashable, Sendable, Codable {
    public var findingID: String
    public var kind: String
    public var severity: String
    public var status: String
    public var object: String
    public var message: String
    /// `generated_at` of the first run that reported it.
    public var firstSeen: String
    /// `generated_at` of the last run that reported it.
    public var lastSeen: String

    public init(findingID: String, kind: String, severity: String, status: String, object: String, message: String,
                firstSeen: String, lastSeen: String) {
        self.findingID = findingID
        self.kind = kind
        self.severity = severity
        self.status = status
        self.object = object
        self.message = message
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    enum CodingKeys: String, CodingKey {
        case kind, severity, status, object, message
        case findingID = "finding_id"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
    }
}

/// What one environment's findings are compared with the previous run: `nil` on an `EnvironmentResult` when the
/// check ran without `--previous`.
public struct EnvironmentMemory: Hashable, Sendable {
    /// The environment's status in the previous report; `nil` when it was not in it.
    public var previousStatus: EnvironmentStatus?
    /// Per current finding (by `finding_id`): first seen, new or open.
    public var history: [String: FindingHistory]
    /// Previous findings that are gone. Empty when this run could not check the environment: nothing is resolved
    /// by a server that did not answer.
    public var resolved: [TrackedFinding]
    /// When this run could not check the environment: its last known findings, kept (with their `first_seen`) so the
    /// next run that reaches it compares with them. Neither new nor resolved. Empty when the environment was checked.
    public var carriedOver: [TrackedFinding]

    public init(previousStatus: EnvironmentStatus? = nil, history: [String: FindingHistory] = [:],
                resolved: [TrackedFinding] = [], carriedOver: [TrackedFinding] = []) {
        self.previousStatus = previousStatus
        self.history = history
        self.resolved = resolved
        self.carriedOver = carriedOver
    }
}

/// Which previous report the run compared with, and what was wrong with it.
public struct PreviousReportInfo: Hashable, Sendable, Codable {
    /// The path given (`--previous` or `notify.previous`), as given.
    public var path: String
    /// The previous report's `generated_at`; `nil` when it could not be read.
    public var generatedAt: String?
    /// Problems with the previous report, each naming the file: missing, unreadable, another `format_version`, an
    /// environment it does not list. A problem never fails the check; the findings it concerns count as new.
    public var warnings: [String]

    public init(path: String, generatedAt: String?, warnings: [String] = []) {
        self.path = path
        self.generatedAt = generatedAt
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case path, warnings
        case generatedAt = "generated_at"
    }
}
