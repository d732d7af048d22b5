import DriftReport

/// Matches one environment's findings with the previous run's, by `finding_id`: pure, no I/O.
///
/// - A finding the previous run also reported is `open`, with the previous `first_seen`; otherwise it is `new`, first
///   seen now.
/// - A previous finding that is gone is `resolved`.
/// - An environment this run could not check keeps its last known findings (`carried_over`): nothing is new or
///   resolved because a server did not answer. The next run that reaches it compares with those.
/// - Without a usable previous report, or when it does not list the environment, every finding is new, nothing is
///   resolved, and a warning (from the caller) says why.
enum FindingMatcher {
    /// The memory of `result`, compared with `previous` (`nil`: no usable previous report), and any warning about
    /// the environment (naming `file`).
    static func remember(_ result: EnvironmentResult, previous: PreviousReport?, now: String)
        -> (memory: EnvironmentMemory, warning: String?) {
        let checked = result.status == .clean || result.status == .drift
        guard let previous else {
            return (allNew(result, now: now, checked: checked), nil)
        }
        guard let before = previous.environments[result.name] else {
            let listed = previous.environmentNames.isEmpty ? "no environments" : previous.environmentNames.joined(separator: ", ")
            let warning = "environment \(result.name) is not in the previous report \(previous.file) (it lists "
                + "\(listed)): its findings count as new"
            return (allNew(result, now: now, checked: checked), warning)
        }
        // What the previous run knew: its findings, or, when it could not check, what it carried.
        let lastKnown: [TrackedFinding]
        var warning: String?
        if before.wasChecked {
            lastKnown = before.findings
        } else if let carried = before.carriedOver {
            lastKnown = carried
        } else {
            lastKnown = []
            if checked && !result.findings.isEmpty {
                warning = "environment \(result.name) was not checked in the previous report \(previous.file), which "
                    + "kept none of its earlier findings: its findings count as new"
            }
        }
        guard checked else {
            return (EnvironmentMemory(previousStatus: before.status, carriedOver: lastKnown), nil)
        }
        let known = Dictionary(lastKnown.map { ($0.findingID, $0) }, uniquingKeysWith: { first, _ in first })
        var history: [String: FindingHistory] = [:]
        for id in result.findingIDs {
            if let earlier = known[id] {
                history[id] = FindingHistory(firstSeen: earlier.firstSeen, change: .open)
            } else {
                history[id] = FindingHistory(firstSeen: now, change: .new)
            }
        }
        let current = Set(result.findingIDs)
        let resolved = lastKnown.filter { !current.contains($0.findingID) }
        return (EnvironmentMemory(previousStatus: before.status, history: history, resolved: resolved), warning)
    }

    /// Every finding new, first seen now; nothing resolved or carried.
    static func allNew(_ result: EnvironmentResult, now: String, checked: Bool) -> EnvironmentMemory {
        var history: [String: FindingHistory] = [:]
        for id in result.findingIDs { history[id] = FindingHistory(firstSeen: now, change: .new) }
        return EnvironmentMemory(history: checked ? history : [:])
    }
}
