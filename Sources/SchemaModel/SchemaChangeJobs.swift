import StarRocksDDL

/// Which `SHOW ALTER TABLE` list a schema-change job appears in.
public enum SchemaChangeJobKind: String, Hashable, Sendable {
    /// `SHOW ALTER TABLE COLUMN`: column type changes, sort key, distribution, indexes, ...
    case column = "COLUMN"
    /// `SHOW ALTER TABLE ROLLUP`: rollups and synchronous materialized views.
    case rollup = "ROLLUP"
    /// `SHOW ALTER TABLE OPTIMIZE`: a distribution change (`ALTER TABLE t DISTRIBUTED BY ...`), which StarRocks runs
    /// as an optimize job rewriting every partition (`SchemaChangeHandler.createOptimizeTableJob`; the optimize list exists from 3.2).
    case optimize = "OPTIMIZE"

    /// The message a job of this kind ends CANCELLED with when one of its backend tasks keeps failing
    /// (`SchemaChangeJobV2`, `RollupJobV2`, `OptimizeJobV2` in fe/fe-core/src/main/java/com/starrocks/alter/, 3.3).
    public var taskFailurePrefix: String {
        switch self {
        case .column: return "schema change task failed after try three times: "
        case .rollup: return "rollup task failed after try three times: "
        case .optimize: return "optimize table failed "
        }
    }

    /// The message `AlterJobV2.run` cancels a job with once it runs longer than its `Timeout` column.
    public static let timeoutMessage = "Timeout"
}

/// The states a job passes through (`AlterJobV2.JobState`): PENDING, WAITING_TXN, RUNNING, then FINISHED, or
/// CANCELLED from any of them (FINISHED_REWRITING only on shared-data clusters).
public enum SchemaChangeJobState: String, Hashable, Sendable, CaseIterable {
    /// Created; shadow indexes or temporary partitions being set up.
    case pending = "PENDING"
    /// Waiting for the loads that started before the job to commit.
    case waitingTxn = "WAITING_TXN"
    /// Backend tasks converting the data.
    case running = "RUNNING"
    /// Shared-data only: data rewritten, metadata not yet switched.
    case finishedRewriting = "FINISHED_REWRITING"
    /// Done: the new schema is visible.
    case finished = "FINISHED"
    /// Stopped; the table keeps its old schema. `Msg` says why.
    case cancelled = "CANCELLED"

    /// FINISHED or CANCELLED: the job will not change any more.
    public var isTerminal: Bool { self == .finished || self == .cancelled }
}

/// A statement that starts an asynchronous schema-change job on a table.
public struct SchemaChangeJob: Hashable, Sendable {
    /// The table the job runs on.
    public var table: ObjectName
    /// The list that shows the job.
    public var kind: SchemaChangeJobKind

    /// Creates a value from its parts.
    public init(table: ObjectName, kind: SchemaChangeJobKind) {
        self.table = table
        self.kind = kind
    }
}

/// StarRocks' rules for which statements start a schema-change job (one job per table at a time: a second ALTER on
/// a table whose job is PENDING / WAITING_TXN / RUNNING / FINISHED_REWRITING is rejected). The one table of these
/// rules: `lint`, `plan`, `upgrade` and the simulator all ask here.
///
/// ```sql
/// ALTER TABLE events MODIFY COLUMN kind VARCHAR(40);   -- job (SHOW ALTER TABLE COLUMN)
/// ALTER TABLE events ORDER BY (d, id);                 -- job
/// ALTER TABLE events ADD ROLLUP r (d, id);             -- job (SHOW ALTER TABLE ROLLUP)
/// ALTER TABLE events DISTRIBUTED BY HASH(d);           -- job (SHOW ALTER TABLE OPTIMIZE)
/// ALTER TABLE events ADD COLUMN note VARCHAR(10);      -- no job with fast schema evolution (3.3+ default)
/// ALTER TABLE events SET ("replication_num" = "1");    -- no job
/// ```
public enum SchemaChangeJobs {
    /// Whether `clause` starts a schema-change job. With fast schema evolution (`"fast_schema_evolution" = "true"`,
    /// the 3.3+ default) adding or dropping a value column changes metadata only; without it (or for key columns) it
    /// rewrites the data in a job. A comment-only MODIFY COLUMN never starts one.
    public static func startsJob(_ clause: AlterTableClause, fastSchemaEvolution: Bool) -> Bool {
        switch clause {
        case .addColumn(let add):
            return !fastSchemaEvolution || add.rollup != nil || add.columns.contains(where: \.isKey)
        case .dropColumn(let drop):
            return !fastSchemaEvolution || drop.rollup != nil
        case .modifyColumn(.definition):
            return true
        case .modifyColumn(.comment):
            return false
        case .orderBy, .distributedBy, .addIndex, .dropIndex, .addRollup:
            return true
        case .renameColumn, .rename, .comment, .set, .addPartition, .dropPartition, .modifyPartition,
             .renamePartition, .swapWith, .dropRollup:
            return false
        }
    }

    /// The job `statement` starts, if any; unqualified names belong to `defaultDatabase`. `fastSchemaEvolution`
    /// tells whether the target table has fast schema evolution on (see `startsJob(_:fastSchemaEvolution:)`).
    public static func job(for statement: Statement, defaultDatabase: String,
                           fastSchemaEvolution: (ObjectName) -> Bool = { _ in false }) -> SchemaChangeJob? {
        func resolve(_ name: QualifiedNameClause) -> ObjectName {
            ObjectName(database: name.database ?? defaultDatabase, name: name.name)
        }
        switch statement {
        case .alterTable(let alter):
            let table = resolve(alter.name)
            let fast = fastSchemaEvolution(table)
            if alter.clauses.contains(where: { if case .addRollup = $0 { return true } else { return false } }) {
                return SchemaChangeJob(table: table, kind: .rollup)
            }
            if alter.clauses.contains(where: { if case .distributedBy = $0 { return true } else { return false } }) {
                return SchemaChangeJob(table: table, kind: .optimize)
            }
            return alter.clauses.contains { startsJob($0, fastSchemaEvolution: fast) }
                ? SchemaChangeJob(table: table, kind: .column) : nil
        case .createIndex(let create):
            return SchemaChangeJob(table: resolve(create.table), kind: .column)
        case .dropIndex(let drop):
            return SchemaChangeJob(table: resolve(drop.table), kind: .column)
        case .createMaterializedView(let create) where Catalog.isSynchronous(create):
            let database = create.name.database ?? defaultDatabase
            return Catalog.baseTable(of: QueryText(create.query.tokens), defaultDatabase: database)
                .map { SchemaChangeJob(table: $0, kind: .rollup) }
        default:
            return nil
        }
    }

    /// Whether a table with `properties` (as written or as the server prints them) has fast schema evolution on,
    /// given the server's default for tables that do not say (`true` from 3.3 on; `light_schema_change` is its 3.2
    /// name).
    public static func fastSchemaEvolution(properties: [String: String], serverDefault: Bool) -> Bool {
        for (key, value) in properties {
            let name = key.lowercased()
            if name == "fast_schema_evolution" || name == "light_schema_change" { return value.lowercased() == "true" }
        }
        return serverDefault
    }

    /// The server's fast-schema-evolution default for a version string (`3.3.2`): on from 3.3.
    public static func fastSchemaEvolutionDefault(serverVersion: String?) -> Bool {
        guard let serverVersion else { return true }
        let numbers = serverVersion.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        guard numbers.count == 2 else { return true }
        return numbers[0] > 3 || (numbers[0] == 3 && numbers[1] >= 3)
    }
}
