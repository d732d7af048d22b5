import Findings
import SchemaModel
import StarRocksDDL

/// The rebuild recipe for a table StarRocks cannot change in place: a new table with the expected definition, the
/// columns both sides have copied into it, the names swapped, the old table dropped.
///
/// ```sql
/// CREATE TABLE `db`.`events__drift_new` (...);
/// INSERT INTO `db`.`events__drift_new` (`a`, `b`) SELECT `a`, `b` FROM `db`.`events`;
/// ALTER TABLE `db`.`events` SWAP WITH `events__drift_new`;
/// DROP TABLE `db`.`events__drift_new`;
/// ```
struct RebuildRecipe {
    /// The suffix of the scratch table's name.
    static let scratchSuffix = "__drift_new"

    let database: String
    let expected: Table
    let actual: Table
    /// Why the table cannot be changed in place (one phrase each).
    let reasons: [String]

    /// The step: statements, and comments naming the data that is dropped or converted.
    func step(findingKinds: [FindingKind], writer: PropertyWriter) -> PlanStep {
        let scratch = expected.name + Self.scratchSuffix
        var table = TableDefinition.written(expected, writer: writer, object: "\(database).\(expected.name)")
        var comments = ["rebuild: \(reasons.joined(separator: "; ")) cannot be changed in place"] + table.notes
        table.table.name = scratch
        var statements = SchemaChange.createTable(database: database, table: table.table).statements
        let copied = copiedColumns
        if copied.isEmpty {
            comments.append("loses data: the two definitions share no column, so no row is copied")
        } else {
            let list = SQLQuoting.backtickedList(copied)
            statements.append("INSERT INTO \(SQLQuoting.qualified(database, scratch)) (\(list)) SELECT \(list) FROM "
                + "\(SQLQuoting.qualified(database, actual.name));")
        }
        statements.append(SchemaChange.alterTable(ObjectName(database: database, name: actual.name),
                                                  [.swapWith(scratch)]).sql)
        statements.append(SchemaChange.drop(ObjectName(database: database, name: scratch), .table).sql)
        comments += dataLoss
        comments.append("loses data: rows written to \(database).\(actual.name) while the copy runs are not copied; "
            + "stop writers first")
        return PlanStep(object: "\(database).\(expected.name)", objectKind: .table, action: .rebuild,
                        findingKinds: findingKinds, statements: statements, startsSchemaChangeJob: false,
                        losesData: true, comments: comments)
    }

    /// Columns the copy carries: expected columns the actual table has, not generated on either side.
    var copiedColumns: [String] {
        expected.columns.compactMap { column in
            guard column.generatedExpression == nil, let other = actual.column(named: column.name),
                  other.generatedExpression == nil else { return nil }
            return column.name
        }
    }

    /// Sentences naming the data the rebuild drops or converts.
    var dataLoss: [String] {
        var out: [String] = []
        let normalizedExpected = Normalize.table(expected)
        let normalizedActual = Normalize.table(actual)
        let dropped = actual.columns.filter {
            expected.column(named: $0.name) == nil && !$0.name.lowercased().hasPrefix(Normalize.generatedPartitionColumnPrefix)
        }.map(\.name)
        if !dropped.isEmpty {
            out.append("loses data: column(s) \(dropped.joined(separator: ", ")) of the actual table are dropped "
                + "with their values")
        }
        for column in normalizedExpected.columns {
            guard let other = normalizedActual.columns.first(where: { $0.name.lowercased() == column.name.lowercased() })
            else { continue }
            if column.type != other.type {
                let widening = TypeChange.isWidening(from: other.type, to: column.type)
                out.append("converts data: column \(column.name) is converted from \(other.type) to \(column.type)"
                    + (widening ? "" : " (values that do not fit are rejected or become NULL)"))
            }
            if column.nullable == false, other.nullable != false {
                out.append("loses data: rows where \(column.name) is NULL are rejected (the column becomes NOT NULL)")
            }
            if column.aggregate != other.aggregate, let aggregate = column.aggregate {
                out.append("converts data: values of \(column.name) are re-aggregated with \(aggregate.rawValue)")
            }
        }
        if let key = normalizedExpected.key, key != normalizedActual.key, key.model != .duplicate {
            out.append("loses data: rows with equal \(key.model.rawValue) KEY(\(key.columns.joined(separator: ", "))) "
                + "values are merged into one")
        }
        if normalizedExpected.partitioning != normalizedActual.partitioning, normalizedExpected.partitioning != nil {
            out.append("loses data: rows that fall outside the expected partitions are not copied")
        }
        return out
    }
}

/// A definition written for a plan: properties through the `PropertyWriter`, bucket counts left to the server in
/// author style.
struct TableDefinition {
    var table: Table
    var notes: [String]

    static func written(_ table: Table, writer: PropertyWriter, object: String) -> TableDefinition {
        var copy = table
        let written = writer.write(table.properties, object: object, isMaterializedView: false,
                                   model: (table.key ?? Normalize.inferredDuplicateKey(table.columns))?.model)
        copy.properties = written.properties
        if writer.options.authorStyle { copy.distribution?.buckets = nil }
        return TableDefinition(table: copy, notes: written.notes)
    }

    static func written(_ view: MaterializedView, writer: PropertyWriter, object: String)
        -> (view: MaterializedView, notes: [String]) {
        var copy = view
        let written = writer.write(view.properties, object: object, isMaterializedView: true, model: nil)
        copy.properties = written.properties
        if writer.options.authorStyle { copy.distribution?.buckets = nil }
        return (copy, written.notes)
    }
}
