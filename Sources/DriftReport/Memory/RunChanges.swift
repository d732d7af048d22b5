import Findings

/// What changed since the previous run, over a whole report: the facts the Markdown and chat messages lead with.
/// Computed from the document's memory; `nil` (see `init?`) when no environment was compared with a previous run.
public struct RunChanges: Hashable, Sendable {
    /// One environment's changes.
    public struct EnvironmentChanges: Hashable, Sendable {
        public var name: String
        /// Findings not in the previous run, in report order.
        public var new: [Finding]
        /// Findings of the previous run that are gone.
        public var resolved: [TrackedFinding]
        /// Findings the previous run reported too.
        public var open: Int
        /// The earliest `first_seen` of the open findings.
        public var oldestOpenSince: String?
        /// `(previous, current)` when the status differs from the previous report's.
        public var statusChange: StatusChange?
        /// Last known findings kept because this run could not check the environment.
        public var carriedOver: [TrackedFinding]

        /// Something a person should hear about: a new or resolved finding, or a status change.
        public var isChange: Bool { !new.isEmpty || !resolved.isEmpty || statusChange != nil }

    }

    /// An environment whose status differs from the previous report's.
    public struct StatusChange: Hashable, Sendable {
        public var from: EnvironmentStatus
        public var to: EnvironmentStatus
    }

    /// The environments compared with a previous run, in report order.
    public var environments: [EnvironmentChanges]

    /// `nil` when no environment of `document` carries memory (the check ran without a previous report).
    public init?(_ document: DriftReportDocument) {
        let compared = document.environments.compactMap(Self.changes)
        guard !compared.isEmpty else { return nil }
        environments = compared
    }

    /// One environment's changes; `nil` when it carries no memory.
    public static func changes(_ environment: EnvironmentResult) -> EnvironmentChanges? {
        guard let memory = environment.memory else { return nil }
        var new: [Finding] = []
        var openSince: [String] = []
        for tracked in environment.trackedFindings {
            switch tracked.history?.change {
            case .new?: new.append(tracked.finding)
            case .open?: openSince.append(tracked.history?.firstSeen ?? "")
            case nil: break
            }
        }
        var statusChange: StatusChange?
        if let previous = memory.previousStatus, previous != environment.status {
            statusChange = StatusChange(from: previous, to: environment.status)
        }
        return EnvironmentChanges(name: environment.name, new: new, resolved: memory.resolved, open: openSince.count,
                                  oldestOpenSince: openSince.filter { !$0.isEmpty }.min(), statusChange: statusChange,
                                  carriedOver: memory.carriedOver)
    }

    public var newCount: Int { environments.reduce(0) { $0 + $1.new.count } }
    public var resolvedCount: Int { environments.reduce(0) { $0 + $1.resolved.count } }
    public var openCount: Int { environments.reduce(0) { $0 + $1.open } }
    public var statusChangeCount: Int { environments.filter { $0.statusChange != nil }.count }
    public var oldestOpenSince: String? { environments.compactMap(\.oldestOpenSince).min() }
    /// Whether anything changed in any environment.
    public var hasChanges: Bool { environments.contains(where: \.isChange) }

    /// The headline: "1 new drift on prod, 2 resolved on dev; prod clean → drift; 3 still open, oldest since
    /// 2026-11-02", or "nothing new or resolved; …". Plain text; chat payloads escape it themselves.
    public var headline: String {
        var changes: [String] = []
        for environment in environments where !environment.new.isEmpty {
            let allDrift = environment.new.allSatisfy { $0.status == .drift }
            let noun = allDrift ? "drift" : (environment.new.count == 1 ? "finding" : "findings")
            changes.append("\(environment.new.count) new \(noun) on \(environment.name)")
        }
        for environment in environments where !environment.resolved.isEmpty {
            changes.append("\(environment.resolved.count) resolved on \(environment.name)")
        }
        var parts = [changes.isEmpty ? "nothing new or resolved" : changes.joined(separator: ", ")]
        let statuses = environments.compactMap { environment in
            environment.statusChange.map { "\(environment.name) \($0.from.rawValue) → \($0.to.rawValue)" }
        }
        if !statuses.isEmpty { parts.append(statuses.joined(separator: ", ")) }
        if openCount > 0 {
            let since = oldestOpenSince.map { ", oldest since \(Self.day($0))" } ?? ""
            parts.append("\(openCount) still open\(since)")
        }
        return parts.joined(separator: "; ")
    }

    /// The date part of an ISO-8601 timestamp: "2026-11-02T02:00:00Z" → "2026-11-02".
    public static func day(_ timestamp: String) -> String {
        timestamp.count >= 10 ? String(timestamp.prefix(10)) : timestamp
    }
}
