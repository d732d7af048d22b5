import Foundation

/// A password or other credential that never shows itself in `print`, string interpolation, `dump` or errors.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// What every textual rendering of a secret shows instead of its value.
    public static let redacted = "<redacted>"

    private let value: String

    /// Wraps `value`; from here on only `StarRocksClient` can read it (to hand it to libmariadb).
    public init(_ value: String) {
        self.value = value
    }

    /// The secret read from the environment variable `name`, or `nil` when the variable is unset.
    public static func fromEnvironment(_ name: String) -> Secret? {
        ProcessInfo.processInfo.environment[name].map(Secret.init)
    }

    /// Whether the secret is the empty string (a user without a password).
    public var isEmpty: Bool { value.isEmpty }

    /// Always `<redacted>`.
    public var description: String { Self.redacted }

    /// Always `<redacted>`.
    public var debugDescription: String { Self.redacted }

    /// A mirror without children, so `dump` and reflection show nothing but the type.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The value, for the one place that must hand it to libmariadb.
    func reveal() -> String { value }
}
