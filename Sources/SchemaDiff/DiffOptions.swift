import Findings
/// What `diff(expected:actual:options:)` compares and how strictly.
public struct DiffOptions: Sendable {
    /// The environment's `expect.properties`: what the server must show for a property the migrations leave unset
    /// (e.g. `replication_num` "1" in dev, "3" in prod). Keys are case-insensitive.
    public var expectedProperties: [String: String]
    /// Property keys never compared (case-insensitive).
    public var ignoredProperties: Set<String>
    /// Globs (`*`, `?`) on `db.name` or `name`; matching objects are skipped on both sides.
    public var ignoredObjects: [String]
    /// Compare only these databases; `nil` compares every database the expected side has.
    public var databases: [String]?
    /// Check that each object survives the model's print → parse round trip, listing failures as not compared.
    public var checkRoundTrip: Bool
    /// Severities that replace the defaults of `FindingKind.defaultSeverity`.
    public var severityOverrides: [FindingKind: Severity]
    /// The environment's server profile (`calibrate`): what this server fills in, hides and re-spells; `nil` for none.
    public var profile: ServerProfile?

    public init(expectedProperties: [String: String] = [:], ignoredProperties: Set<String> = [],
                ignoredObjects: [String] = [], databases: [String]? = nil, checkRoundTrip: Bool = true,
                severityOverrides: [FindingKind: Severity] = [:], profile: ServerProfile? = nil) {
        self.expectedProperties = expectedProperties
        self.ignoredProperties = ignoredProperties
        self.ignoredObjects = ignoredObjects
        self.databases = databases
        self.checkRoundTrip = checkRoundTrip
        self.severityOverrides = severityOverrides
        self.profile = profile
    }

    /// Whether the object `name` in `database` is ignored.
    public func ignores(database: String, name: String) -> Bool {
        ignoredObjects.contains { glob in
            Glob.matches(glob, "\(database).\(name)") || Glob.matches(glob, name)
        }
    }
}

/// Shell-style globs: `*` any run, `?` one character; case-sensitive.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
