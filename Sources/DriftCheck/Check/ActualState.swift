import Findings
import StarRocksClient
import SchemaModel

/// What was read from one environment's server: the actual schema plus what the operations checks need.
public struct ActualState: Sendable {
    public var catalog: Catalog
    public var serverVersion: String?
    public var operational: OperationalState
    /// Parts that could not be read (missing privileges, unparseable objects), each with the reason.
    public var notChecked: [NotCompared]
    /// Objects that exist but could not be read or parsed: left out of the comparison on both sides.
    public var uncomparable: [ObjectName]
    public var statementsSent: Int

    public init(catalog: Catalog, serverVersion: String? = nil, operational: OperationalState = OperationalState(),
                notChecked: [NotCompared] = [], uncomparable: [ObjectName] = [], statementsSent: Int = 0) {
        self.catalog = catalog
        self.serverVersion = serverVersion
        self.operational = operational
        self.notChecked = notChecked
        self.uncomparable = uncomparable
        self.statementsSent = statementsSent
    }
}

/// Reads an environment's actual state. The live implementation talks to a server; tests may use others.
public protocol ActualStateReading: Sendable {
    /// Reads the databases of `environment`; throws `EnvironmentUnavailable` when the server cannot be reached or read.
    func read(_ environment: EnvironmentConfig, password: Secret?) async throws -> ActualState
}

/// An environment that could not be reached (`unreachable`) or read (`error`). The message is safe to print.
public struct EnvironmentUnavailable: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable { case unreachable, error }
    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
