import Foundation

/// Set when the user (or CI) asks a running `upgrade` to stop (SIGINT, SIGTERM): the run stops before its next
/// statement or poll, reports what was applied, and releases its lock. The executable sets it from its signal
/// handler; libraries only read it. Thread-safe.
public final class UpgradeInterrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var signalName: String?

    /// A flag nobody has set.
    public init() {}

    /// Asks the run to stop; `signal` names why (`SIGINT`).
    public func set(_ signal: String) {
        lock.lock()
        defer { lock.unlock() }
        if signalName == nil { signalName = signal }
    }

    /// The signal that asked the run to stop, if any.
    public var reason: String? {
        lock.lock()
        defer { lock.unlock() }
        return signalName
    }
}
