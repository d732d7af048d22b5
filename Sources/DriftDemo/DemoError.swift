/// Why the demo could not run.
public enum DemoError: Error, Sendable, CustomStringConvertible {
    /// The in-process simulator for `environment` did not start listening on loopback.
    case simulatorDidNotStart(environment: String, reason: String)

    /// The message the executable prints.
    public var description: String {
        switch self {
        case .simulatorDidNotStart(let environment, let reason):
            return "demo: cannot start the \(environment) simulator: \(reason); check that loopback (127.0.0.1) accepts listeners"
        }
    }
}
