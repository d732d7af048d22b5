import SchemaModel

/// Where the differ consults the environment's `ServerProfile` (`DiffOptions.profile`), called from the places in
/// `compareProperties` that judge a property one side does not show. Without a profile every function here is the
/// identity or `false`, so the differ behaves as before.
extension DiffContext {
    /// The actual properties with the server's learned spellings folded back to what was written
    /// (`"FALSE"` → `false` for a property the profile saw the server re-spell).
    func foldingLearnedSpellings(_ actual: [String: String]) -> [String: String] {
        guard let spellings = options.profile?.spellings, !spellings.isEmpty else { return actual }
        var out = actual
        for (key, value) in actual {
            guard let learned = spellings[key] else { continue }
            if let written = learned.first(where: { $0.value == value })?.key { out[key] = written }
        }
        return out
    }

    /// Whether the server, per the profile, fills `key` in with `value` on this kind of object when nobody sets it.
    func profileFillsIn(_ key: String, value: String, isMaterializedView: Bool) -> Bool {
        options.profile?.filledIn[Self.profileKind(isMaterializedView)]?[key]?
            .contains { Normalize.propertyValuesEqual(key, $0, value) } ?? false
    }

    /// Whether the server, per the profile, stops printing `key` when it is set to `value` on this kind of object.
    func profileHidesDefault(_ key: String, value: String, isMaterializedView: Bool) -> Bool {
        options.profile?.unprinted[Self.profileKind(isMaterializedView)]?[key]?
            .contains { Normalize.propertyValuesEqual(key, $0, value) } ?? false
    }

    private static func profileKind(_ isMaterializedView: Bool) -> ServerProfile.ObjectKind {
        isMaterializedView ? .materializedView : .table
    }
}
