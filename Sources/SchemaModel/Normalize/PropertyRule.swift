/// The shape of one row of the property registry (`Normalize.propertyRegistry`): what StarRocks' FE does with one
/// table or materialized-view property — its default, whether SHOW CREATE prints it, and how its values compare.
public struct PropertyRule: Sendable, Hashable {
    /// The key, lower-case. A key ending in `.` names a family by prefix (`session.` for an MV's session variables).
    public var key: String
    /// The objects that accept it.
    public var objects: PropertyObjects
    /// The run modes whose objects carry it (shared-data properties only appear on cloud-native objects).
    public var runMode: PropertyRunMode
    /// The value the object has when nobody set the property.
    public var defaultValue: PropertyDefaultValue
    /// The default on PRIMARY KEY tables, when it differs (`enable_persistent_index`).
    public var primaryKeyDefault: PropertyDefaultValue?
    /// When SHOW CREATE prints it.
    public var printing: PropertyPrinting
    /// How two values compare.
    public var values: PropertyValueKind
    /// Versions where the default, the printing or the values changed; empty when they never did.
    public var versions: String
    /// The StarRocks file (repository StarRocks/starrocks, branch) the row was read from.
    public var source: String

    /// A registry row; see the properties for the meaning of each argument.
    public init(_ key: String, _ objects: PropertyObjects, runMode: PropertyRunMode = .any,
                default defaultValue: PropertyDefaultValue, primaryKey: PropertyDefaultValue? = nil,
                printed printing: PropertyPrinting, values: PropertyValueKind, versions: String = "", source: String) {
        self.key = key
        self.objects = objects
        self.runMode = runMode
        self.defaultValue = defaultValue
        self.primaryKeyDefault = primaryKey
        self.printing = printing
        self.values = values
        self.versions = versions
        self.source = source
    }

    /// Whether the row describes `key` (exactly, or by its prefix family).
    public func matches(_ key: String) -> Bool {
        self.key.hasSuffix(".") ? key.hasPrefix(self.key) : key == self.key
    }
}

/// The objects a property applies to.
public enum PropertyObjects: Sendable, Hashable {
    /// OLAP (and cloud-native) tables only.
    case table
    /// Asynchronous materialized views only.
    case materializedView
    /// Tables and materialized views.
    case both

    /// Whether an object of `kind` accepts the property.
    public func includes(_ kind: PropertyObjectKind) -> Bool {
        switch (self, kind) {
        case (.both, _), (.table, .table), (.materializedView, .materializedView): return true
        default: return false
        }
    }
}

/// The kind of object whose property is judged.
public enum PropertyObjectKind: Sendable, Hashable {
    /// A table.
    case table
    /// A materialized view.
    case materializedView
}

/// The run modes a property appears in.
public enum PropertyRunMode: Sendable, Hashable {
    /// Shared-nothing and shared-data.
    case any
    /// Shared-data (cloud-native tables and MVs) only.
    case sharedData
}

/// The value an object has when nobody set the property.
public enum PropertyDefaultValue: Sendable, Hashable {
    /// A fixed value; several when different eras print different spellings of the same default (`DEFAULT`/`V2`).
    case fixed([String])
    /// An FE configuration item decides it; `shipped` is the value it has unless the cluster changed it. A value equal
    /// to `shipped` is the default; another may still be the cluster's default (an info finding names the item).
    case feConfig(String, shipped: String)
    /// The cluster decides it in a way the tool cannot know (a cluster setting, the version, the run mode, the
    /// table's own buckets): any value the server shows is an info finding naming what it depends on.
    case cluster(String)
    /// No value: the property is absent unless set, and an empty value is the same as absent.
    case unset
}

/// When SHOW CREATE (and `information_schema.tables_config`) prints a property.
public enum PropertyPrinting: Sendable, Hashable {
    /// Always, filled in with the default when nobody set it.
    case always
    /// Once set, with the value set (a later reset to the default may or may not remove it).
    case whenSet
    /// Only while its value differs from the default: set back to the default, it disappears.
    case whenNotDefault
    /// Not printed by newer servers at all (the version says since when): its absence says nothing.
    case notSince(String)
}

/// How two values of a property compare.
public enum PropertyValueKind: Sendable, Hashable {
    /// Exact text (trimmed).
    case text
    /// `true`/`false`, any case.
    case boolean
    /// A word from a fixed set, any case (`HDD`, `CHECKED`, `FALSE` of a three-valued switch).
    case enumeration
    /// A comma-separated list of column names compared as a set (case-insensitive, empty items dropped).
    case list
    /// A comma-separated list of table names compared as a set (case kept: table names are case-sensitive).
    case tableList
    /// An integer, by value (`"03"` is `3`).
    case integer
    /// A decimal number, by value.
    case decimal
    /// A duration such as `3 day` or `2 months`, by value.
    case duration
    /// A compression codec (`CompressionUtils`): case-free, `LZ4_FRAME` is `LZ4`, `ZSTD(1)` without spaces.
    case compression
    /// `unique_constraints`: the columns of each constraint, without the server's qualification.
    case uniqueConstraints
    /// `foreign_key_constraints`: child columns and parent table/columns, without the server's qualification.
    case foreignKeyConstraints
}
