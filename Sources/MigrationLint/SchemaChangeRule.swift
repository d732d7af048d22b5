import SchemaModel
import StarRocksDDL

/// Rule `one-schema-change-per-table`: StarRocks runs one schema-change job per table at a time, so a second
/// schema-change statement on a table in the same revision fails while the first job is still running
/// ("A schema change operation is in progress on the table"), leaving the revision half-applied.
struct SchemaChangeTracker {
    /// The first schema-change statement seen per table in this revision.
    private var first: [ObjectName: SourceLocation] = [:]

    /// Records `context`'s statement and reports it when its table already has a schema change in this revision.
    mutating func check(_ context: LintContext) -> [LintFinding] {
        guard let table = Self.schemaChangeTarget(context) else { return [] }
        guard let earlier = first[table] else {
            first[table] = context.parsed.location
            return []
        }
        return [context.finding(
            .oneSchemaChangePerTable, at: context.parsed.location, object: table,
            message: "second schema-change statement on \(table) in this revision (the first is at \(earlier)); "
                + "StarRocks runs one schema-change job per table at a time, so this one fails while the first runs",
            fix: "move this statement into its own revision (applied after the first job finishes), or combine both "
                + "into one ALTER TABLE statement with comma-separated clauses")]
    }

    /// The table whose schema the statement changes through an asynchronous schema-change job, if any.
    static func schemaChangeTarget(_ context: LintContext) -> ObjectName? {
        switch context.parsed.statement {
        case let .alterTable(alter):
            return alter.clauses.contains(where: isSchemaChange) ? context.resolve(alter.name) : nil
        case let .createIndex(create):
            return context.resolve(create.table)
        case let .dropIndex(drop):
            return context.resolve(drop.table)
        default:
            return nil
        }
    }

    /// Clauses that start a schema-change job (`SHOW ALTER TABLE COLUMN` lists them): StarRocks' rule from
    /// `SchemaChangeJobs`, taken without fast schema evolution (a revision may run on a table created without it), and
    /// rollups left out (they run in `SHOW ALTER TABLE ROLLUP`, not as a column job).
    static func isSchemaChange(_ clause: AlterTableClause) -> Bool {
        if case .addRollup = clause { return false }
        return SchemaChangeJobs.startsJob(clause, fastSchemaEvolution: false)
    }
}
