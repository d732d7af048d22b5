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

/// A failure that stops a subcommand before it could check anything (exit 2). Its text is safe to print: it never
/// contains a password or webhook URL.
public struct DriftCheckError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// A `--expected` / `--actual` (or other) input could not be loaded: `<side> <path>: <reason>`.
    public static func input(side: String, path: String, reason: String) -> DriftCheckError {
        DriftCheckError("\(side) \(path): \(reason)")
    }

    /// An environment's server could not be read (the reason already scrubbed of secrets): `<environment>: <reason>`.
    public static func environmentUnreadable(environment: String, reason: String) -> DriftCheckError {
        DriftCheckError("\(environment): \(reason)")
    }

    /// The arguments cannot work together or need something the command cannot do here.
    public static func usage(_ message: String) -> DriftCheckError {
        DriftCheckError(message)
    }
}
