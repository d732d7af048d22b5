import Findings
import SchemaModel
import StarRocksDDL

/// Table comparison: round trip, then columns, layout, properties, comment and indexes.
extension DiffContext {
    mutating func compareTable(_ expected: Table, _ actual: Table, database: String, in expectedDatabase: Database,
                          _ actualDatabase: Database, roundTrip: RoundTripCheck?) {
        let path = "\(database).\(expected.name)"
        if let roundTrip {
            if roundTrip.failingExpected.contains(expected.name) {
                skip(path, reason: "the migrations' definition of this table does not survive the model's print/parse "
                     + "round trip; compare it by hand")
                return
            }
            if roundTrip.failingActual.contains(actual.name) {
                skip(path, reason: "the server's definition of this table does not survive the model's print/parse "
                     + "round trip; compare it by hand")
                return
            }
        }
        countCompared()
        let columnsKnown = expected.definedByQuery == nil || !expected.columns.isEmpty
        var normalizedExpected = Normalize.table(expected)
        var normalizedActual = Normalize.table(actual)
        if !columnsKnown {
            skip(path + ".columns", reason: "the table is created by CREATE TABLE ... AS SELECT, so the migrations do "
                 + "not state its columns")
            if expected.key == nil { normalizedExpected.key = normalizedActual.key }
        } else {
            compareColumns(TablePair(database: database, expected: expected, actual: actual,
                                     normalizedExpected: normalizedExpected, normalizedActual: normalizedActual))
        }
        let pair = TablePair(database: database, expected: expected, actual: actual,
                             normalizedExpected: normalizedExpected, normalizedActual: normalizedActual)
        compareKey(pair)
        comparePartitioning(pair)
        compareDistribution(object: path, expected: normalizedExpected.distribution!,
                            actual: normalizedActual.distribution!, name: pair.name,
                            alter: { pair.alter(.distributedBy($0, partitions: [])) })
        compareSortKey(pair)
        normalizedExpected.properties = withoutDanglingForeignKeys(normalizedExpected.properties, in: expectedDatabase)
        normalizedActual.properties = withoutDanglingForeignKeys(normalizedActual.properties, in: actualDatabase)
        compareProperties(object: path, expected: normalizedExpected.properties, actual: normalizedActual.properties,
                          isMaterializedView: false, model: normalizedExpected.key?.model, name: pair.name,
                          set: { pair.alter(.set($0)) })
        if normalizedExpected.comment != normalizedActual.comment {
            add(.tableComment, object: path, expected: show(normalizedExpected.comment),
                actual: show(normalizedActual.comment), message: "the comment of table \(path) differs",
                fixes: pair.alter(.comment(normalizedExpected.comment)), name: pair.name)
        }
        compareIndexes(object: path, expected: normalizedExpected.indexes, actual: normalizedActual.indexes,
                       database: database, table: expected.name)
    }
}

/// Both sides of one table, raw (for fix SQL) and normalized (for comparison).
struct TablePair {
    let database: String
    let expected: Table
    let actual: Table
    let normalizedExpected: Table
    let normalizedActual: Table

    var path: String { "\(database).\(expected.name)" }

    /// The table's name, typed.
    var name: ObjectName { ObjectName(database: database, name: expected.name) }

    /// `ALTER TABLE db.t <clause>` as the one fix of a finding (none when there is no clause).
    func alter(_ clause: AlterTableClause?) -> [SchemaChange] {
        clause.map { [.alterTable(name, [$0])] } ?? []
    }
}

/// A comment or text for people: `""` shown as `(none)`.
func show(_ text: String) -> String {
    text.isEmpty ? "(none)" : "\"\(text)\""
}

/// `properties` without the foreign keys whose parent table `database` does not have (the server drops them with
/// the parent; see `Normalize.foreignKeyConstraints(_:keepingParents:)`).
func withoutDanglingForeignKeys(_ properties: [String: String], in database: Database) -> [String: String] {
    guard let constraints = properties["foreign_key_constraints"] else { return properties }
    var out = properties
    let kept = Normalize.foreignKeyConstraints(constraints, keepingParents: { parent in
        database.tables.keys.contains { $0.lowercased() == parent }
    })
    out["foreign_key_constraints"] = kept.isEmpty ? nil : kept
    return out
}
