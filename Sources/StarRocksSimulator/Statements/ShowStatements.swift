import SchemaModel

/// SHOW statements, with the column titles a StarRocks 3.x FE uses (docs/starrocks-behaviour.md#show-statements and
/// the sections on schema-change jobs and views).
extension StatementRouter {
    /// Databases every FE lists besides the user's.
    static let systemDatabases = ["_statistics_", "information_schema", "sys"]
    /// `SHOW ALTER TABLE COLUMN` titles (SchemaChangeProcDir).
    static let alterColumnTitles = ["JobId", "TableName", "CreateTime", "FinishTime", "IndexName", "IndexId",
                                    "OriginIndexId", "SchemaVersion", "TransactionId", "State", "Msg", "Progress", "Timeout"]

    func show(_ cursor: inout TokenCursor, session: SessionContext) -> SimulatorReply {
        let resolver = ObjectResolver(index: index, session: session)
        if cursor.accept("DATABASES") || cursor.accept("SCHEMAS") {
            let names = (index.databaseNames + Self.systemDatabases).sorted()
            return .resultSet(SimulatedResultSet(columns: ["Database"], rows: names.map { [$0] }))
        }
        if cursor.accept("FULL", "TABLES") { return showTables(&cursor, full: true, resolver: resolver) }
        if cursor.accept("TABLES") { return showTables(&cursor, full: false, resolver: resolver) }
        if cursor.accept("CREATE", "MATERIALIZED", "VIEW") { return showCreate(&cursor, as: .materializedView, resolver) }
        if cursor.accept("CREATE", "TABLE") { return showCreate(&cursor, as: .table, resolver) }
        if cursor.accept("CREATE", "VIEW") { return showCreate(&cursor, as: .view, resolver) }
        if cursor.accept("CREATE", "DATABASE") || cursor.accept("CREATE", "SCHEMA") {
            guard let name = cursor.name() else { return .error(ServerErrors.syntax(near: "<EOF>")) }
            guard let database = index.databaseName(name) else { return .error(ServerErrors.unknownDatabase(name)) }
            return .resultSet(SimulatedResultSet(columns: ["Database", "Create Database"],
                                                 rows: [[database, "CREATE DATABASE `\(database)`"]]))
        }
        if cursor.accept("ALTER", "TABLE", "COLUMN") { return showAlterColumn(&cursor, resolver: resolver, kind: .column) }
        if cursor.accept("ALTER", "TABLE", "ROLLUP") || cursor.accept("ALTER", "MATERIALIZED", "VIEW") {
            return showAlterColumn(&cursor, resolver: resolver, kind: .rollup)
        }
        if cursor.accept("ALTER", "TABLE", "OPTIMIZE") {
            return showAlterColumn(&cursor, resolver: resolver, kind: .optimize)
        }
        if cursor.accept("BACKENDS") { return .resultSet(BackendRows.resultSet(index.state)) }
        if cursor.accept("PROC") {
            if let path = cursor.literal(), path.hasPrefix("/backends") {
                return .resultSet(BackendRows.resultSet(index.state))
            }
            return .error(ServerErrors.analysis("Proc path is not supported by starrocks-sim"))
        }
        if cursor.accept("CATALOGS") {
            return .resultSet(SimulatedResultSet(columns: ["Catalog", "Type", "Comment"], rows: [[
                ObjectResolver.internalCatalog, "Internal",
                "An internal catalog contains this cluster's self-managed tables.",
            ]]))
        }
        if cursor.accept("VARIABLES") || cursor.accept("SESSION", "VARIABLES") || cursor.accept("GLOBAL", "VARIABLES") {
            var pattern: String?
            if cursor.accept("LIKE") { pattern = cursor.literal() }
            let rows = SystemVariables.values(state: index.state, database: session.database)
                .filter { pattern.map(SQLPattern.init)?.matches($0.key) ?? true }
                .sorted { $0.key < $1.key }
                .map { [$0.key, $0.value] as [String?] }
            return .resultSet(SimulatedResultSet(columns: ["Variable_name", "Value"], rows: rows))
        }
        if cursor.accept("PARTITIONS", "FROM") || cursor.accept("PARTITIONS", "IN") {
            switch resolver.resolve(&cursor) {
            case .failure(let error): return .error(error)
            case .success(let object): return .resultSet(PartitionRows.resultSet(object, model: index.model(of: object)))
            }
        }
        return .error(ServerErrors.syntax(near: cursor.current?.text ?? "<EOF>", column: cursor.current?.start ?? 0))
    }

    /// Whether the simulated server's version (`3.1.11`) is older than `major.minor`; an unknown version is current.
    static func isOlder(_ version: String?, than release: (Int, Int)) -> Bool {
        let numbers = (version ?? "").split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        guard numbers.count == 2 else { return false }
        return (numbers[0], numbers[1]) < release
    }

    /// The database of an optional `FROM db` / `IN db` (the session's current one without it).
    private func fromDatabase(_ cursor: inout TokenCursor,
                              resolver: ObjectResolver) -> Result<String, SimulatedServerError> {
        var given: String?
        if cursor.accept("FROM") || cursor.accept("IN") {
            guard let parts = cursor.qualifiedName() else { return .failure(ServerErrors.syntax(near: "<EOF>")) }
            given = parts.last
        }
        return resolver.database(given)
    }

    private func showTables(_ cursor: inout TokenCursor, full: Bool, resolver: ObjectResolver) -> SimulatorReply {
        let database: String
        switch fromDatabase(&cursor, resolver: resolver) {
        case .failure(let error): return .error(error)
        case .success(let found): database = found
        }
        var pattern: SQLPattern?
        if cursor.accept("LIKE"), let text = cursor.literal() { pattern = SQLPattern(text) }
        let title = "Tables_in_\(database)"
        let rows: [[String?]] = index.sortedNames[database]!.compactMap { name in
            guard pattern?.matches(name) ?? true else { return nil }
            let kind = index.databases[database]![name]!.kind
            return full ? [name, kind == .table ? "BASE TABLE" : "VIEW"] : [name]
        }
        return .resultSet(SimulatedResultSet(columns: full ? [title, "Table_type"] : [title], rows: rows))
    }

    private enum ShowCreateTarget { case table, view, materializedView }

    private func showCreate(_ cursor: inout TokenCursor, as target: ShowCreateTarget, _ resolver: ObjectResolver)
        -> SimulatorReply {
        let object: CatalogIndex.Object
        switch resolver.resolve(&cursor) {
        case .failure(let error): return .error(error)
        case .success(let found): object = found
        }
        switch (target, object.kind) {
        case (.table, .table):
            return .resultSet(SimulatedResultSet(columns: ["Table", "Create Table"], rows: [[object.name, object.text]]))
        case (.table, .view), (.view, .view):
            return .resultSet(SimulatedResultSet(
                columns: ["View", "Create View", "character_set_client", "collation_connection"],
                rows: [[object.name, object.text, "utf8", "utf8_general_ci"]]))
        case (.table, .materializedView), (.materializedView, .materializedView):
            return .resultSet(SimulatedResultSet(columns: ["Materialized View", "Create Materialized View"],
                                                 rows: [[object.name, object.text]]))
        case (.view, .materializedView):
            // A real FE answers SHOW CREATE VIEW on an MV with a plain view over the MV's query.
            let text = "CREATE VIEW `\(object.name)` AS \(InformationSchemaRows.queryBody(of: object.text));"
            return .resultSet(SimulatedResultSet(
                columns: ["View", "Create View", "character_set_client", "collation_connection"],
                rows: [[object.name, text, "utf8", "utf8_general_ci"]]))
        case (.view, .table):
            return .error(ServerErrors.analysis("Table '\(object.name)' is not a view"))
        case (.materializedView, _):
            return .error(ServerErrors.analysis("Table '\(object.name)' is not a materialized view"))
        }
    }

    /// `SHOW ALTER TABLE ROLLUP` / `SHOW ALTER MATERIALIZED VIEW` titles
    /// (docs/starrocks-behaviour.md#schema-change-jobs).
    static let alterRollupTitles = ["JobId", "TableName", "CreateTime", "FinishedTime", "BaseIndexName",
                                    "RollupIndexName", "RollupId", "TransactionId", "State", "Msg", "Progress", "Timeout"]

    /// `SHOW ALTER TABLE OPTIMIZE` titles (`OptimizeProcDir.TITLE_NAMES`,
    /// fe/fe-core/src/main/java/com/starrocks/common/proc/OptimizeProcDir.java, 3.3).
    static let alterOptimizeTitles = ["JobId", "TableName", "CreateTime", "FinishTime", "Operation", "TransactionId",
                                      "State", "Msg", "Progress", "Timeout"]

    /// `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE [FROM db] [WHERE Title = 'v' [AND ...]] [ORDER BY ...] [LIMIT n]`.
    private func showAlterColumn(_ cursor: inout TokenCursor, resolver: ObjectResolver,
                                 kind: SchemaChangeJobKind) -> SimulatorReply {
        // Optimize jobs (distribution changes) and their list came with StarRocks 3.2; an older FE's parser rejects
        // the statement.
        if kind == .optimize, Self.isOlder(index.state.serverVersion, than: (3, 2)) {
            return .error(ServerErrors.syntax(near: "OPTIMIZE"))
        }
        let database: String
        switch fromDatabase(&cursor, resolver: resolver) {
        case .failure(let error): return .error(error)
        case .success(let found): database = found
        }
        var rows: [[String?]] = index.state.alterJobs.compactMap { job in
            let belongs = job.database.map { $0 == database } ?? (index.object(job.table, in: database) != nil)
            let jobKind: SchemaChangeJobKind = job.isRollup ? .rollup : job.isOptimize ? .optimize : .column
            guard belongs, jobKind == kind else { return nil }
            if kind == .optimize {
                return [String(job.jobID), job.table, job.createTime, job.finishTime, job.operation, "0", job.state,
                        job.message, "0", "86400"]
            }
            if kind == .rollup {
                return [String(job.jobID), job.table, job.createTime, job.finishTime, job.table, job.rollupName,
                        String(job.jobID + 1), "0", job.state, job.message, nil, "86400"]
            }
            return [String(job.jobID), job.table, job.createTime, job.finishTime, job.table, String(job.jobID + 1),
                    String(job.jobID + 2), "0:0", "0", job.state, job.message,
                    nil, "86400"]
        }
        let titles = kind == .rollup ? Self.alterRollupTitles
            : kind == .optimize ? Self.alterOptimizeTitles : Self.alterColumnTitles
        let filter = RowFilter.parse(&cursor, titles: titles)
        switch filter {
        case .failure(let error): return .error(error)
        case .success(let filter): rows = filter.apply(rows)
        }
        return .resultSet(SimulatedResultSet(columns: titles, rows: rows))
    }
}
