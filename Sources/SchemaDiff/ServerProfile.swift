/// How one StarRocks cluster prints DDL, learned by `calibrate` on probe objects and kept in
/// `environments/<name>.profile.yaml`: what the server fills in where the DDL is silent, what it stops printing when a
/// property is set to a default, and how it spells values it was given. The differ consults it for properties only
/// (see `ServerProfile+Diff.swift`); keys and values are in the comparable form of `Normalize.properties`.
public struct ServerProfile: Hashable, Sendable {
    /// The object kinds a profile tells apart.
    public enum ObjectKind: String, Hashable, Sendable, CaseIterable {
        /// OLAP tables.
        case table
        /// Asynchronous materialized views.
        case materializedView = "materialized_view"
    }

    /// `current_version()` of the server it was learned on.
    public var serverVersion: String
    /// `shared_nothing` or `shared_data`.
    public var runMode: String
    /// When it was learned (ISO 8601, UTC).
    public var learnedAt: String
    /// Per object kind, property → the values the server showed on probes that did not set it.
    public var filledIn: [ObjectKind: [String: Set<String>]]
    /// Per object kind, property → the values a probe set that the server then did not print.
    public var unprinted: [ObjectKind: [String: Set<String>]]
    /// Property → value as written → value as the server printed it, where the two differ after normalization
    /// (e.g. `enable_query_rewrite`: `false` → `FALSE`).
    public var spellings: [String: [String: String]]

    /// Creates a value from its parts.
    public init(serverVersion: String, runMode: String, learnedAt: String,
                filledIn: [ObjectKind: [String: Set<String>]] = [:], unprinted: [ObjectKind: [String: Set<String>]] = [:],
                spellings: [String: [String: String]] = [:]) {
        self.serverVersion = serverVersion
        self.runMode = runMode
        self.learnedAt = learnedAt
        self.filledIn = filledIn
        self.unprinted = unprinted
        self.spellings = spellings
    }

    /// Whether the profile was learned on `version` (`nil`: the version could not be read, assumed the same).
    public func matches(serverVersion version: String?) -> Bool {
        version.map { $0 == serverVersion } ?? true
    }
}
