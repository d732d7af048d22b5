import Findings
import SchemaModel
import StarRocksDDL

/// Compares the expected catalog (replayed migrations) with the actual one (a server) and returns typed findings.
///
/// Both sides go through the same `Normalize` rules; the differ never asks where a catalog came from. Only databases
/// the expected side has (or `options.databases` names) are compared. Objects that cannot be compared faithfully are
/// listed in `notCompared` with the reason. Findings are sorted by object, then kind. `diff(x, x)` is empty.
public func diff(expected: Catalog, actual: Catalog, options: DiffOptions = DiffOptions()) -> SchemaComparison {
    var context = DiffContext(options: options, expectedTables: QueryTables(expected), actualTables: QueryTables(actual))
    let names = options.databases ?? expected.databaseNames
    for database in Set(names).sorted() {
        let expectedDatabase = expected.databases[database]
        let actualDatabase = actual.databases[database]
        if expectedDatabase == nil && actualDatabase == nil { continue }
        if expectedDatabase != nil, actualDatabase == nil {
            context.add(.missingDatabase, object: database, expected: database, actual: nil,
                        message: "database \(database) does not exist on the server",
                        fixes: [.createDatabase(database)])
        }
        context.compare(expectedDatabase ?? Database(name: database), actualDatabase ?? Database(name: database))
        context.skipRollups(of: expected, in: database, actual: actualDatabase)
    }
    return context.result()
}

/// Accumulates findings and not-compared objects during one `diff`.
struct DiffContext {
    let options: DiffOptions
    private(set) var findings: [Finding] = []
    private(set) var notCompared: [NotCompared] = []
    private(set) var compared = 0
    /// Unset properties whose server default varies: key → value → (objects, what the default depends on).
    private(set) var unknownDefaults: [String: [String: (objects: [String], dependsOn: String)]] = [:]

    /// `options.expectedProperties` and `options.ignoredProperties` with folded keys, computed once.
    let pinnedProperties: [String: String]
    let ignoredProperties: Set<String>
    /// Each side's tables, for resolving the names of that side's view and MV queries.
    let expectedTables: QueryTables
    let actualTables: QueryTables

    init(options: DiffOptions, expectedTables: QueryTables = .none, actualTables: QueryTables = .none) {
        self.options = options
        self.expectedTables = expectedTables
        self.actualTables = actualTables
        pinnedProperties = Normalize.properties(options.expectedProperties)
        ignoredProperties = Set(options.ignoredProperties.map { $0.lowercased() })
    }

    /// Records one finding with the kind's severity (or its override).
    /// `name` and `part` type what `object` spells; `fixes` are the typed statements whose text becomes `fix_sql`.
    mutating func add(_ kind: FindingKind, object: String, expected: String?, actual: String?,
                      message: @autoclosure () -> String, fixes: [SchemaChange] = [],
                      fixNote: String? = nil, severity: Severity? = nil, status: FindingStatus = .drift,
                      name: ObjectName? = nil, part: ObjectPart? = nil) {
        findings.append(Finding(kind: kind, severity: options.severityOverrides[kind] ?? severity ?? kind.defaultSeverity,
                                object: object, expected: expected, actual: actual, message: message(),
                                fixNote: fixNote, status: status, objectName: name, part: part, fixes: fixes))
    }

    /// Records an object that is not compared.
    mutating func skip(_ object: String, reason: String) {
        notCompared.append(NotCompared(object: object, reason: reason))
    }

    /// Records that `object` shows `value` for `key`, which no migration sets and whose default the tool cannot know.
    mutating func noteUnknownDefault(key: String, value: String, object: String, dependsOn: String) {
        unknownDefaults[key, default: [:]][value, default: ([], dependsOn)].objects.append(object)
    }

    /// One info finding per property and value whose default the tool cannot know (see `noteUnknownDefault`): not
    /// accepted silently, not drift (status operational: a fact about the environment's settings);
    /// `expect.properties` pins the value to compare it.
    func unknownDefaultFindings() -> [Finding] {
        var out: [Finding] = []
        for key in unknownDefaults.keys.sorted() {
            for (value, seen) in unknownDefaults[key]!.sorted(by: { $0.key < $1.key }) {
                let objects = seen.objects.sorted()
                let named = objects.prefix(3).joined(separator: ", ") + (objects.count > 3 ? ", ..." : "")
                out.append(Finding(
                    kind: .propertyDefaultUnknown,
                    severity: options.severityOverrides[.propertyDefaultUnknown] ?? FindingKind.propertyDefaultUnknown.defaultSeverity,
                    object: "properties.\(key)", expected: nil, actual: value,
                    message: "property \(key) is \"\(value)\" on \(objects.count) object(s) (\(named)) and no migration "
                        + "sets it; its default depends on \(seen.dependsOn), so the tool cannot tell whether it is the default",
                    fixNote: "pin the value with expect.properties in the environment to compare it",
                    status: .operational))
            }
        }
        return out
    }

    /// Rollups and synchronous MVs of tables both sides have: not compared, with the reason (no SHOW prints them).
    mutating func skipRollups(of expected: Catalog, in database: String, actual: Database?) {
        for (table, names) in expected.rollups.sorted(by: { $0.key < $1.key }) where table.hasPrefix(database + ".") {
            let name = String(table.dropFirst(database.count + 1))
            guard actual?.tables[name] != nil, !options.ignores(database: database, name: name) else { continue }
            skip("\(table).rollups", reason: "rollup indexes and synchronous materialized views (\(names.joined(separator: ", "))) "
                + "are not printed by SHOW CREATE TABLE, so they are not compared; the table itself is")
        }
    }

    /// Counts one compared object.
    mutating func countCompared() {
        compared += 1
    }

    /// Every object of one database, by name.
    mutating func compare(_ expected: Database, _ actual: Database) {
        let database = expected.name
        var names = Set(expected.tables.keys)
        names.formUnion(expected.views.keys)
        names.formUnion(expected.materializedViews.keys)
        names.formUnion(actual.tables.keys)
        names.formUnion(actual.views.keys)
        names.formUnion(actual.materializedViews.keys)
        let checkIgnores = !options.ignoredObjects.isEmpty
        let roundTrip = options.checkRoundTrip ? RoundTripCheck(expected, actual) : nil
        for name in names.sorted() where !checkIgnores || !options.ignores(database: database, name: name) {
            let path = "\(database).\(name)"
            let expectedKind = expected.kind(of: name)
            let actualKind = actual.kind(of: name)
            switch (expectedKind, actualKind) {
            case let (expectedKind?, actualKind?) where expectedKind != actualKind:
                add(.objectKind, object: path, expected: expectedKind.rawValue, actual: actualKind.rawValue,
                    message: "\(path) is a \(describe(actualKind)) on the server but the migrations create a \(describe(expectedKind))",
                    fixNote: "drop the \(describe(actualKind)) and create the \(describe(expectedKind)) the migrations define",
                    name: ObjectName(database: database, name: name))
            case (.table?, .table?):
                compareTable(expected.tables[name]!, actual.tables[name]!, database: database, in: expected, actual,
                             roundTrip: roundTrip)
            case (.view?, .view?):
                compareView(expected.views[name]!, actual.views[name]!, database: database)
            case (.materializedView?, .materializedView?):
                compareMaterializedView(expected.materializedViews[name]!, actual.materializedViews[name]!,
                                        database: database)
            case (let kind?, nil):
                reportMissing(kind, name: name, in: expected)
            case (nil, let kind?):
                reportUnexpected(kind, name: name, in: actual)
            default:
                break
            }
        }
    }

    /// The findings sorted by object then kind, the not-compared list sorted by object.
    func result() -> SchemaComparison {
        let sorted = (findings + unknownDefaultFindings()).enumerated().sorted { lhs, rhs in
            if lhs.element.object != rhs.element.object { return lhs.element.object < rhs.element.object }
            if lhs.element.kind != rhs.element.kind { return lhs.element.kind.order < rhs.element.kind.order }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return SchemaComparison(findings: sorted, notCompared: notCompared.sorted { $0.object < $1.object },
                                comparedObjects: compared)
    }
}

/// `table`, `view`, `materialized view`.
func describe(_ kind: ObjectKind) -> String {
    switch kind {
    case .table: return "table"
    case .view: return "view"
    case .materializedView: return "materialized view"
    }
}
