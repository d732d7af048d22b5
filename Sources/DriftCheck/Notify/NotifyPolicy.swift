import DriftReport

/// Whether an environment's result is posted under its `notify.when`.
enum NotifyPolicy {
    /// - `drift`: the environment is not clean (drift, unreachable, error).
    /// - `changed`: something is new or resolved, or the status differs from the previous report's; without a previous
    ///   report (no memory on the result) it falls back to `drift`, so nothing is missed.
    /// - `always` / `never`.
    static func shouldPost(_ when: NotifySettings.When, _ result: EnvironmentResult) -> Bool {
        switch when {
        case .never: return false
        case .always: return true
        case .drift: return result.status != .clean
        case .changed:
            guard let changes = RunChanges.changes(result) else { return result.status != .clean }
            return changes.isChange
        }
    }
}
