import Findings
import SchemaModel
import StarRocksDDL

/// Property comparison (keys already folded by `Normalize.properties`). Every decision goes through the property
/// registry: values compare with `Normalize.propertyValuesEqual`, and a value only one side shows is judged by
/// `Normalize.isPropertyDefault` — the server's default is no drift, a default the cluster decides is an info
/// finding naming what decides it, anything else (and every unknown property) is drift.
extension DiffContext {
    /// `set` builds the statement that sets properties on the object (`ALTER TABLE ... SET`, `ALTER MATERIALIZED VIEW
    /// ... SET`).
    mutating func compareProperties(object: String, expected: [String: String], actual: [String: String],
                                    isMaterializedView: Bool, model: KeyModel? = nil, name: ObjectName,
                                    set: ([PropertyClause]) -> [SchemaChange]) {
        func setting(_ key: String, _ value: String) -> [SchemaChange] { set([PropertyClause(key: key, value: value)]) }
        let actual = foldingLearnedSpellings(actual)
        let ignored = ignoredProperties
        let pinned = pinnedProperties
        if expected == actual && pinned.isEmpty { return }
        let kind: PropertyObjectKind = isMaterializedView ? .materializedView : .table
        var keys = Set(expected.keys)
        keys.formUnion(actual.keys)
        keys.formUnion(pinned.keys)
        for key in keys.sorted() where !ignored.contains(key) {
            let path = "\(object).properties.\(key)"
            let expectedValue = expected[key]
            let actualValue = actual[key]
            switch (expectedValue, actualValue) {
            case let (left?, right?):
                if !Normalize.propertyValuesEqual(key, left, right) {
                    add(.property, object: path, expected: left, actual: right,
                        message: "property \(key) of \(object) is \"\(right)\" on the server, the migrations set \"\(left)\"",
                        fixes: setting(key, left), severity: propertySeverities[key], name: name,
                        part: .property(key))
                }
            case let (left?, nil):
                if Normalize.mayBeOmittedByServer(key, on: kind) { continue }
                if profileHidesDefault(key, value: left, isMaterializedView: isMaterializedView) { continue }
                switch Normalize.isPropertyDefault(key, value: left, on: kind, model: model) {
                case .isDefault:
                    continue
                case .clusterDecides(let dependsOn):
                    noteUnknownDefault(key: key, value: left, object: object, dependsOn: dependsOn)
                case .notDefault:
                    add(.property, object: path, expected: left, actual: nil,
                        message: "property \(key) of \(object) is not set on the server, the migrations set \"\(left)\"",
                        fixes: setting(key, left), name: name, part: .property(key))
                }
            case let (nil, right?):
                if let want = pinned[key] {
                    if !Normalize.propertyValuesEqual(key, want, right) {
                        add(.property, object: path, expected: want, actual: right,
                            message: "property \(key) of \(object) is \"\(right)\" on the server, the environment expects \"\(want)\"",
                            fixes: setting(key, want), severity: propertySeverities[key],
                            name: name, part: .property(key))
                    }
                    continue
                }
                if profileFillsIn(key, value: right, isMaterializedView: isMaterializedView) { continue }
                switch Normalize.isPropertyDefault(key, value: right, on: kind, model: model) {
                case .isDefault:
                    continue
                case .clusterDecides(let dependsOn) where !Normalize.isPrintedOnlyWhenNotDefault(key, on: kind):
                    noteUnknownDefault(key: key, value: right, object: object, dependsOn: dependsOn)
                case .clusterDecides, .notDefault:
                    // A property the server prints only while it differs from the default (whatever the cluster's
                    // default is) is shown only because someone set it: drift when no migration did.
                    add(.property, object: path, expected: nil, actual: right,
                        message: "property \(key) of \(object) is \"\(right)\" on the server but no migration sets it",
                        fixNote: "StarRocks cannot unset a property: set it back to its default or add it to a migration",
                        name: name, part: .property(key))
                }
            case (nil, nil):
                if let want = pinned[key] {
                    add(.property, object: path, expected: want, actual: nil,
                        message: "property \(key) of \(object) is not shown by the server, the environment expects \"\(want)\"",
                        fixes: setting(key, want), name: name, part: .property(key))
                }
            }
        }
    }
}

/// Properties whose difference is an error rather than the default warning: `replication_num` decides how many
/// copies of the data exist (durability) and whether DDL can run at all on the cluster (the replication trap).
let propertySeverities: [String: Severity] = ["replication_num": .error]
