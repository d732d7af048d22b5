/// A schema object's name qualified by its database: `analytics.events`.
public struct ObjectName: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The database (schema) the object lives in.
    public var database: String
    /// The object's own name.
    public var name: String

    /// Creates a qualified name.
    public init(database: String, name: String) {
        self.database = database
        self.name = name
    }

    /// `database.name`.
    public var description: String { "\(database).\(name)" }

    /// Orders by database, then name.
    public static func < (lhs: ObjectName, rhs: ObjectName) -> Bool {
        (lhs.database, lhs.name) < (rhs.database, rhs.name)
    }
}

/// What kind of object a name refers to.
public enum ObjectKind: String, Hashable, Sendable, Codable {
    case table
    case view
    case materializedView = "materialized_view"
}
