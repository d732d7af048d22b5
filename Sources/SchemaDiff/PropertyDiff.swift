import SchemaModel
import StarRocksDDL

/// Property comparison (keys already folded by `Normalize.properties`).
extension DiffContext {
    mutating func compareProperties(object: String, expected: [String: String], actual: [String: String],
                                    isMaterializedView: Bool, model: KeyModel? = nil,
                                    setStatement: @autoclosure () -> String) {
        let actual = foldingLearnedSpellings(actual)
        let ignored = ignoredProperties
        let pinned = pinnedProperties
        if expected == actual && pinned.isEmpty { return }
        var keys = Set(expected.keys)
        keys.formUnion(actual.keys)
        keys.formUnion(pinned.keys)
        for key in keys.sorted() where !ignored.contains(key) {
            let path = "\(object).properties.\(key)"
            let expectedValue = expected[key]
            let actualValue = actual[key]
            switch (expectedValue, actualValue) {
            case let (left?, right?):
                if left != right {
                    add(.property, object: path, expected: left, actual: right,
                        message: "property \(key) of \(object) is \"\(right)\" on the server, the migrations set \"\(left)\"",
                        fixSQL: setSQL(setStatement, key, left), severity: propertySeverities[key])
                }
            case let (left?, nil):
                if Normalize.droppedUserProperties.contains(key) { continue }
                if profileHidesDefault(key, value: left, isMaterializedView: isMaterializedView) { continue }
                if Normalize.acceptsServerDefault(key, value: left, isMaterializedView: isMaterializedView,
                                                  model: model) { continue }
                add(.property, object: path, expected: left, actual: nil,
                    message: "property \(key) of \(object) is not set on the server, the migrations set \"\(left)\"",
                    fixSQL: setSQL(setStatement, key, left))
            case let (nil, right?):
                if let want = pinned[key] {
                    if want != right {
                        add(.property, object: path, expected: want, actual: right,
                            message: "property \(key) of \(object) is \"\(right)\" on the server, the environment expects \"\(want)\"",
                            fixSQL: setSQL(setStatement, key, want), severity: propertySeverities[key])
                    }
                    continue
                }
                if profileFillsIn(key, value: right, isMaterializedView: isMaterializedView) { continue }
                let known = Normalize.propertyDefault(key, isMaterializedView: isMaterializedView)
                if known?.accepts(right, model: model) == true { continue }
                if let known, let varies = known.varies {
                    noteUnknownDefault(key: key, value: right, object: object, dependsOn: varies)
                    continue
                }
                add(.property, object: path, expected: nil, actual: right,
                    message: "property \(key) of \(object) is \"\(right)\" on the server but no migration sets it",
                    fixNote: "StarRocks cannot unset a property: set it back to its default or add it to a migration")
            case (nil, nil):
                if let want = pinned[key] {
                    add(.property, object: path, expected: want, actual: nil,
                        message: "property \(key) of \(object) is not shown by the server, the environment expects \"\(want)\"",
                        fixSQL: setSQL(setStatement, key, want))
                }
            }
        }
    }
}

/// Properties whose difference is an error rather than the default warning: `replication_num` decides how many
/// copies of the data exist (durability) and whether DDL can run at all on the cluster (the replication trap).
let propertySeverities: [String: Severity] = ["replication_num": .error]

/// `<set statement> ("key" = "value");`.
func setSQL(_ statement: () -> String, _ key: String, _ value: String) -> String {
    "\(statement()) (\(SQLQuoting.doubleQuoted(key)) = \(SQLQuoting.doubleQuoted(value)));"
}
