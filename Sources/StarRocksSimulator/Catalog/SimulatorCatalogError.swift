/// A catalog directory or `state.yaml` the simulator cannot serve; the message names the file (and line) and says
/// what to fix.
public struct SimulatorCatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Lower-case message naming file and line.
    public var message: String

    /// Creates a value from its parts.
    public init(_ message: String) { self.message = message }

    /// The text shown to users.
    public var description: String { message }
}
