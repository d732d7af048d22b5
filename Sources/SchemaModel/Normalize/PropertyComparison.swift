/// Property comparison through the registry (`Normalize.propertyRegistry`): the two decisions every user of
/// properties goes through — "is this value the server's default for this key on this object" and "are these two
/// values equal for this key" — plus the comparable form of a PROPERTIES map.
extension Normalize {
    /// What the registry says about a value that only one side shows.
    public enum PropertyDefaultMatch: Sendable, Hashable {
        /// The value is the server's default: set back to it or left unset, it is no drift.
        case isDefault
        /// The value is not the default (or the key is unknown): a difference is drift.
        case notDefault
        /// The cluster decides the default (an FE setting another than shipped, the version, the run mode): the tool
        /// cannot tell; the text names what it depends on (an info finding, never an error).
        case clusterDecides(String)
    }

    /// The registry row for `key` on an object of `kind`, if the FE accepts it there.
    public static func propertyRule(_ key: String, on kind: PropertyObjectKind) -> PropertyRule? {
        let key = key.lowercased()
        return propertyRegistry.first { $0.matches(key) && $0.objects.includes(kind) }
    }

    /// Seam 1: whether `value` is the server's default for `key` on an object of `kind` (a table of key model
    /// `model`, or an MV). Unknown keys are `.notDefault`: an unknown property stays drift.
    public static func isPropertyDefault(_ key: String, value: String, on kind: PropertyObjectKind,
                                         model: KeyModel?) -> PropertyDefaultMatch {
        guard let rule = propertyRule(key, on: kind) else { return .notDefault }
        let defaults = (model == .primary ? rule.primaryKeyDefault : nil) ?? rule.defaultValue
        switch defaults {
        case .fixed(let values):
            return values.contains { propertyValuesEqual(key, $0, value) } ? .isDefault : .notDefault
        case .unset:
            return propertyValue(value, key: key).isEmpty ? .isDefault : .notDefault
        case let .feConfig(setting, shipped):
            if propertyValuesEqual(key, shipped, value) { return .isDefault }
            return .clusterDecides("the FE setting \(setting) (\(shipped) unless changed)")
        case .cluster(let dependsOn):
            return .clusterDecides(dependsOn)
        }
    }

    /// Seam 2: whether `a` and `b` are the same value of `key` (booleans and enums without case, lists as sets,
    /// numbers, durations and codecs by value; unknown keys as exact trimmed text).
    public static func propertyValuesEqual(_ key: String, _ a: String, _ b: String) -> Bool {
        propertyValue(a, key: key) == propertyValue(b, key: key)
    }

    /// Whether newer servers may leave `key` out of SHOW CREATE although it was set (its absence says nothing).
    public static func mayBeOmittedByServer(_ key: String, on kind: PropertyObjectKind) -> Bool {
        guard let rule = propertyRule(key, on: kind), case .notSince = rule.printing else { return false }
        return true
    }

    /// Whether the server prints `key` only while its value differs from the default (so a value shown without a
    /// migration setting it was set by someone).
    public static func isPrintedOnlyWhenNotDefault(_ key: String, on kind: PropertyObjectKind) -> Bool {
        propertyRule(key, on: kind)?.printing == .whenNotDefault
    }

    /// The value that sets `key` back to its default with `ALTER ... SET`, when the registry knows exactly one
    /// (an unset property: `""`).
    public static func propertyResetValue(_ key: String, on kind: PropertyObjectKind) -> String? {
        switch propertyRule(key, on: kind)?.defaultValue {
        case .fixed(let values)?: return values.count == 1 ? values[0] : nil
        case .unset?: return ""
        default: return nil
        }
    }

    /// Properties the server may not print back once set (3.3+ drops `storage_format` and `in_memory`;
    /// `enable_persistent_index` on non-PRIMARY tables; `light_schema_change` became `fast_schema_evolution`): the
    /// registry rows printed `.notSince` a version.
    public static let droppedUserProperties: Set<String> = Set(propertyRegistry.compactMap { rule in
        if case .notSince = rule.printing { return rule.key }
        return nil
    })

    /// PROPERTIES in comparable form (all eras): keys case-insensitive (lower-cased), each value in the comparable
    /// form of its registry row (`propertyValue`). The print order (insertion order before 3.3, alphabetical after)
    /// does not matter for a map.
    public static func properties(_ properties: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(properties.count)
        for (rawKey, rawValue) in properties {
            let key = Normalize.trimmed(rawKey).lowercased()
            out[key] = propertyValue(rawValue, key: key)
        }
        return out
    }

    /// One property value in comparable form, by the value kind of its registry row (any object kind: a key means
    /// the same on tables and MVs); unknown keys keep their trimmed text.
    public static func propertyValue(_ value: String, key: String) -> String {
        let trimmed = Normalize.trimmed(value)
        let key = key.lowercased()
        guard let rule = propertyRegistry.first(where: { $0.matches(key) }) else { return trimmed }
        return propertyValue(trimmed, kind: rule.values)
    }

    /// `value` (trimmed) in the comparable form of `kind`.
    static func propertyValue(_ trimmed: String, kind: PropertyValueKind) -> String {
        switch kind {
        case .text: return trimmed
        case .boolean: return trimmed.lowercased()
        case .enumeration: return trimmed.uppercased()
        case .list:
            return trimmed.split(separator: ",").map { identifier(unquotedName(Normalize.trimmed(String($0)))) }
                .filter { !$0.isEmpty }.sorted().joined(separator: ", ")
        case .tableList:
            return trimmed.split(separator: ",").map { unquotedName(Normalize.trimmed(String($0))) }
                .filter { !$0.isEmpty }.sorted().joined(separator: ", ")
        case .integer: return Int(trimmed).map(String.init) ?? trimmed
        case .decimal: return Double(trimmed).map { String($0) } ?? trimmed
        case .duration: return duration(trimmed)
        case .compression: return compression(trimmed)
        case .uniqueConstraints: return uniqueConstraints(trimmed)
        case .foreignKeyConstraints: return foreignKeyConstraints(trimmed)
        }
    }

    /// A (possibly qualified) name without the backticks a list may carry: `` `db`.t1 `` is `db.t1`.
    static func unquotedName(_ name: String) -> String {
        name.filter { $0 != "`" }
    }
}
