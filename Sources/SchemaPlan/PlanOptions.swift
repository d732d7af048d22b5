import Findings
import SchemaDiff
import SchemaModel

/// How `plan` compares and how it writes property values.
public struct PlanOptions: Sendable {
    /// The options of the diff the plan resolves (an environment's pinned and ignored properties and objects).
    public var diff: DiffOptions
    /// Property placeholders to write back: a value equal to `placeholders[name]` under a key in `placeholderKeys`
    /// is written `${name}`.
    public var placeholders: [String: String]
    /// The property keys the migrations wrote with a placeholder, and the placeholder's name
    /// (`replication_num` → `replication_num`).
    public var placeholderKeys: [String: String]
    /// The most replicas the environment can hold (its `expect.backends`); a larger `replication_num` is lowered to it.
    public var maxReplicas: Int?
    /// Write definitions the way a person writes migrations: no server-added default properties, no bucket counts
    /// (used by `revision --autogenerate`, whose expected side is a server's SHOW CREATE output).
    public var authorStyle: Bool
    /// Severities below this are not planned (`info` findings describe facts, not drift).
    public var minimumSeverity: Severity

    /// Creates plan options.
    public init(diff: DiffOptions = DiffOptions(), placeholders: [String: String] = [:],
                placeholderKeys: [String: String] = [:], maxReplicas: Int? = nil, authorStyle: Bool = false,
                minimumSeverity: Severity = .warning) {
        self.diff = diff
        self.placeholders = placeholders
        self.placeholderKeys = placeholderKeys
        self.maxReplicas = maxReplicas
        self.authorStyle = authorStyle
        self.minimumSeverity = minimumSeverity
    }
}
