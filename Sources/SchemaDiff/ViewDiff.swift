import Findings
import Foundation
import SchemaModel
import StarRocksDDL

/// View and materialized-view comparison.
extension DiffContext {
    mutating func compareView(_ expected: View, _ actual: View, database: String) {
        let path = "\(database).\(expected.name)"
        if options.checkRoundTrip && (!roundTrips(expected) || !roundTrips(actual)) {
            skip(path, reason: "the view's definition does not survive the model's print/parse round trip on the "
                 + "\(roundTrips(expected) ? "server" : "migrations") side; compare it by hand")
            return
        }
        countCompared()
        let left = Normalize.view(expected)
        let right = Normalize.view(actual)
        let name = ObjectName(database: database, name: expected.name)
        let replace: [SchemaChange] = [.createView(database: database, view: expected, orReplace: true)]
        compareViewColumns(object: path, expected: left.columns, actual: right.columns, fixes: replace, name: name)
        if left.comment != right.comment {
            add(.viewComment, object: path, expected: show(left.comment), actual: show(right.comment),
                message: "the comment of view \(path) differs", fixes: replace, name: name)
        }
        if let security = left.security, security != (right.security ?? "NONE") {
            add(.viewDefinition, object: path, expected: "SECURITY \(security)", actual: "SECURITY \(right.security ?? "NONE")",
                message: "view \(path) has SECURITY \(right.security ?? "NONE") on the server, the migrations say \(security)",
                fixes: replace, name: name)
        }
        switch Normalize.compareQueries(expected: expected.query, actual: actual.query, database: database,
                                         expectedTables: expectedTables, actualTables: actualTables) {
        case .same:
            break
        case let .different(expectedText, actualText):
            add(.viewDefinition, object: path, expected: expectedText, actual: actualText,
                message: "the query of view \(path) differs from the migrations", fixes: replace, name: name)
        case .notComparable(let reason):
            skip(path + ".query", reason: reason)
        }
    }

    mutating func compareMaterializedView(_ expected: MaterializedView, _ actual: MaterializedView, database: String) {
        let path = "\(database).\(expected.name)"
        if options.checkRoundTrip && (!roundTrips(expected) || !roundTrips(actual)) {
            skip(path, reason: "the materialized view's definition does not survive the model's print/parse round trip "
                 + "on the \(roundTrips(expected) ? "server" : "migrations") side; compare it by hand")
            return
        }
        countCompared()
        let left = Normalize.materializedView(expected)
        let right = Normalize.materializedView(actual)
        let name = ObjectName(database: database, name: expected.name)
        let recreate: [SchemaChange] = [.drop(name, .materializedView),
                                        .createMaterializedView(database: database, view: expected)]
        let alter = { (action: AlterMaterializedViewClause) -> [SchemaChange] in [.alterMaterializedView(name, action)] }
        compareViewColumns(object: path, expected: left.columns, actual: right.columns, fixes: recreate, name: name)
        if Normalize.materializedViewComment(left.comment) != Normalize.materializedViewComment(right.comment) {
            add(.viewComment, object: path, expected: show(left.comment), actual: show(right.comment),
                message: "the comment of materialized view \(path) differs", fixes: alter(.comment(left.comment)),
                name: name)
        }
        if left.partitionBy != right.partitionBy {
            add(.materializedViewPartitioning, object: path, expected: left.partitionBy.joined(separator: ", "),
                actual: right.partitionBy.joined(separator: ", "),
                message: "materialized view \(path) is partitioned by (\(right.partitionBy.joined(separator: ", "))) on the server, the migrations say (\(left.partitionBy.joined(separator: ", ")))",
                fixes: recreate, fixNote: "partitioning cannot be changed in place: recreate the materialized view",
                name: name)
        }
        compareDistribution(object: path, expected: left.distribution!, actual: right.distribution!, name: name,
                            alter: { _ in recreate })
        if let orderBy = left.orderBy, orderBy != (right.orderBy ?? []) {
            add(.orderBy, object: path, expected: orderBy.joined(separator: ", "),
                actual: (right.orderBy ?? []).joined(separator: ", "),
                message: "the sort key of materialized view \(path) differs", fixes: recreate, name: name)
        }
        if left.refresh != right.refresh {
            add(.materializedViewRefresh, object: path, expected: refreshText(left.refresh!),
                actual: refreshText(right.refresh!),
                message: "materialized view \(path) refreshes \(refreshText(right.refresh!)) on the server, the migrations say \(refreshText(left.refresh!))",
                fixes: alter(.refresh(left.refresh!.alterClause)), name: name)
        }
        compareProperties(object: path, expected: left.properties, actual: right.properties, isMaterializedView: true,
                          name: name, set: { alter(.set($0)) })
        compareIndexes(object: path, expected: left.indexes, actual: right.indexes, database: database,
                       table: expected.name)
        switch Normalize.compareQueries(expected: expected.query, actual: actual.query, database: database,
                                         expectedTables: expectedTables, actualTables: actualTables) {
        case .same:
            break
        case let .different(expectedText, actualText):
            add(.materializedViewDefinition, object: path, expected: expectedText, actual: actualText,
                message: "the query of materialized view \(path) differs from the migrations", fixes: recreate,
                fixNote: "a materialized view's query cannot be changed in place: drop and recreate it", name: name)
        case .notComparable(let reason):
            skip(path + ".query", reason: reason)
        }
    }

    /// Column lists are compared only where the migrations declare one (the server always prints one, derived from
    /// the query when none was given).
    private mutating func compareViewColumns(object: String, expected: [ViewColumn], actual: [ViewColumn],
                                             fixes: [SchemaChange], name: ObjectName) {
        guard !expected.isEmpty else { return }
        let names = expected.map(\.name), actualNames = actual.map(\.name)
        if names != actualNames {
            add(.viewColumns, object: object, expected: names.joined(separator: ", "),
                actual: actualNames.joined(separator: ", "),
                message: "the column list of \(object) is (\(actualNames.joined(separator: ", "))) on the server, the migrations say (\(names.joined(separator: ", ")))",
                fixes: fixes, name: name)
            return
        }
        for (left, right) in zip(expected, actual) where left.comment != right.comment {
            add(.columnComment, object: "\(object).\(left.name)", expected: show(left.comment),
                actual: show(right.comment), message: "the comment of column \(left.name) of \(object) differs",
                fixes: fixes, name: name, part: .column(left.name))
        }
    }
}

/// `REFRESH DEFERRED ASYNC START("..") EVERY(INTERVAL 1 DAY)`.
func refreshText(_ refresh: Refresh, forAlter: Bool = false) -> String {
    var parts = ["REFRESH"]
    if let moment = refresh.moment, !forAlter { parts.append(moment.rawValue) }
    parts.append(refresh.kind?.rawValue ?? "MANUAL")
    if let start = refresh.start { parts.append("START(\"\(start)\")") }
    if let count = refresh.everyCount, let unit = refresh.everyUnit { parts.append("EVERY(INTERVAL \(count) \(unit))") }
    return parts.joined(separator: " ")
}
