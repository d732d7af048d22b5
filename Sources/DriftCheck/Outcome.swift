/// What a subcommand concluded. Drift is an outcome, not an error; only the executable turns this into an exit code.
public enum Outcome: Int, Sendable, Hashable {
    /// Checked; no drift at the configured `--fail-on` level. Exit 0.
    case clean = 0
    /// Checked; drift found. Exit 1.
    case drift = 1
    /// Could not check: bad usage, config, history, or an environment unreachable/unreadable. Exit 2.
    case couldNotCheck = 2

    /// The worse of two outcomes (could-not-check beats drift beats clean).
    public func combined(with other: Outcome) -> Outcome {
        Outcome(rawValue: max(rawValue, other.rawValue))!
    }
}

