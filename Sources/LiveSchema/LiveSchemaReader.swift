import SchemaModel
import StarRocksClient

/// Reads the actual state of one server: O(1) statements per database plus one `SHOW CREATE` per table or view,
/// run concurrently (at most `maxConcurrency` at once) over a `QueryRunning` such as a `ConnectionPool`.
public struct LiveSchemaReader: Sendable {
    /// Where the statements go (every statement is a read).
    public let runner: any QueryRunning
    /// The most statements in flight at once; match the pool size.
    public var maxConcurrency: Int
    /// The account named in suggested GRANT statements, e.g. `'drift_reader'@'%'`.
    public var grantee: String

    /// A reader over `runner` (a `ConnectionPool` of `maxConcurrency` connections is the intended runner).
    public init(runner: any QueryRunning, maxConcurrency: Int = 8, grantee: String = "<drift user>") {
        self.runner = runner
        self.maxConcurrency = max(1, maxConcurrency)
        self.grantee = grantee
    }

    /// Reads `databases` and the version table (`table` or `db.table`; unqualified means the first database).
    /// Throws only when the server cannot be read at all (connection lost, unexpected errors); missing privileges,
    /// missing tables and unparseable objects are reported in the snapshot.
    public func read(databases: [String], versionTable: String?) async throws -> LiveSnapshot {
        var snapshot = LiveSnapshot()
        let overview = try await readOverview(databases: databases, versionTable: versionTable)
        snapshot.statementsSent = overview.count
        var objectJobs: [ObjectJob] = []
        for part in overview {
            switch (part.kind, part.outcome) {
            case (_, .failure(let error)):
                try record(error, of: part.kind, into: &snapshot)
            case (.serverVersion, .success(let result)):
                snapshot.serverVersion = result.rows.first?.first ?? nil
            case (.backends, .success(let result)):
                let alive = result.rows.indices.filter { result.value($0, "Alive")?.lowercased() == "true" }.count
                snapshot.backends = BackendCount(alive: alive, total: result.rows.count)
            case (.versionTable, .success(let result)):
                let column = result.columnIndex(LiveQueries.versionColumn) ?? max(0, result.columns.count - 1)
                snapshot.versionRows = result.rows.compactMap { $0.indices.contains(column) ? $0[column] : nil }
            case (.alterJobs(let database, let kind), .success(let result)):
                snapshot.alterJobs += result.rows.indices.map { row in
                    AlterJob(database: database, table: result.value(row, "TableName") ?? "",
                             state: result.value(row, "State") ?? "", msg: result.value(row, "Msg") ?? "",
                             createTime: result.value(row, "CreateTime"), finishTime: result.value(row, "FinishTime"),
                             kind: kind)
                }
            case (.materializedViews(let database), .success(let result)):
                for row in result.rows.indices where result.value(row, "REFRESH_TYPE") != LiveQueries.rollupRefreshType {
                    guard let name = result.value(row, "TABLE_NAME") else { continue }
                    snapshot.materializedViewStatus.append(MVStatus(
                        database: database, name: name, isActive: result.value(row, "IS_ACTIVE")?.lowercased() == "true",
                        inactiveReason: result.value(row, "INACTIVE_REASON"),
                        lastRefreshState: result.value(row, "LAST_REFRESH_STATE"),
                        lastRefreshError: result.value(row, "LAST_REFRESH_ERROR_MESSAGE")))
                    objectJobs.append(ObjectJob(database: database, name: name, source: .materializedView(
                        result.value(row, "MATERIALIZED_VIEW_DEFINITION") ?? "")))
                }
            case (.fullTables(let database), .success(let result)):
                snapshot.catalog.databases[database] = Database(name: database)
                for row in result.rows {
                    guard let name = row.first ?? nil else { continue }
                    let type = row.count > 1 ? row[1] : nil
                    objectJobs.append(ObjectJob(database: database, name: name,
                                                source: type == LiveQueries.baseTableType ? .table : .viewOrMaterialized))
                }
            }
        }
        // A VIEW row that information_schema.materialized_views lists is an MV, already read from there. When that
        // listing was not readable, SHOW CREATE TABLE answers for views and MVs alike.
        var materialized = Set<String>()
        var mvListed = Set<String>()
        var listed = Set<String>()
        for part in overview {
            if case .materializedViews(let database) = part.kind, case .success = part.outcome { mvListed.insert(database) }
            if case .fullTables(let database) = part.kind, case .success = part.outcome { listed.insert(database) }
        }
        // Without its object list a database is not read at all (a partial catalog would look like drift).
        objectJobs.removeAll { !listed.contains($0.database) }
        for job in objectJobs { if case .materializedView = job.source { materialized.insert(job.key) } }
        objectJobs = objectJobs.compactMap { job in
            guard case .viewOrMaterialized = job.source else { return job }
            if materialized.contains(job.key) { return nil }
            var copy = job
            copy.source = mvListed.contains(job.database) ? .view : .tableOrView
            return copy
        }
        let outcomes = try await boundedMap(objectJobs, limit: maxConcurrency) { [runner] job in
            try await job.run(on: runner)
        }
        for outcome in outcomes {
            snapshot.statementsSent += outcome.statements
            switch outcome.result {
            case .parsed(let loaded): snapshot.catalog.merge(loaded)
            case .unparseable(let error):
                snapshot.unparseable.append(UnparseableObject(object: outcome.object, error: error))
            case .vanished: break
            case .denied(let message, let view):
                let grant = view ? LiveGrants.view(outcome.object.database, outcome.object.name, grantee: grantee)
                    : LiveGrants.table(outcome.object.database, outcome.object.name, grantee: grantee)
                snapshot.notChecked.append(NotCheckedPart(part: "\(outcome.object)", reason: message, grantToAdd: grant))
            }
        }
        snapshot.unparseable.sort { $0.object < $1.object }
        return snapshot
    }

    // MARK: - overview (constant per server and per database)

    enum PartKind: Sendable {
        case serverVersion, backends
        case versionTable(database: String, table: String)
        case fullTables(String), materializedViews(String), alterJobs(String, SchemaChangeJobKind)
    }

    struct Part: Sendable {
        var kind: PartKind
        var statement: String
        var outcome: Result<ResultSet, any Error> = .success(ResultSet(columns: [], rows: []))
    }

    private func readOverview(databases: [String], versionTable: String?) async throws -> [Part] {
        var parts = [Part(kind: .serverVersion, statement: LiveQueries.serverVersion),
                     Part(kind: .backends, statement: LiveQueries.backends)]
        for database in databases {
            parts.append(Part(kind: .fullTables(database), statement: LiveQueries.fullTables(database)))
            parts.append(Part(kind: .materializedViews(database), statement: LiveQueries.materializedViews(database)))
            for kind in [SchemaChangeJobKind.column, .rollup, .optimize] {
                parts.append(Part(kind: .alterJobs(database, kind), statement: LiveQueries.alterJobs(database, kind: kind)))
            }
        }
        if let versionTable, let target = Self.versionTarget(versionTable, databases: databases) {
            parts.append(Part(kind: .versionTable(database: target.database, table: target.table),
                              statement: LiveQueries.versionTable(target.database, target.table)))
        }
        return try await boundedMap(parts, limit: maxConcurrency) { [runner] part in
            var done = part
            do {
                done.outcome = .success(try await runner.query(part.statement))
            } catch {
                switch (QueryFailure(error), part.kind) {
                case (.other, _): throw error
                // Only the optimize list may be missing (an older server); elsewhere a syntax error ends the read.
                case (.statementNotUnderstood, .alterJobs(_, .optimize)): break
                case (.statementNotUnderstood, _): throw error
                default: break
                }
                done.outcome = .failure(error)
            }
            return done
        }
    }

    /// `db.table` or `table` (in the first database).
    static func versionTarget(_ name: String, databases: [String]) -> (database: String, table: String)? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 { return (parts[0], parts[1]) }
        guard let first = databases.first else { return nil }
        return (first, name)
    }

    /// Turns a tolerated failure of an overview part into snapshot facts.
    private func record(_ error: any Error, of kind: PartKind, into snapshot: inout LiveSnapshot) throws {
        let failure = QueryFailure(error)
        switch (failure, kind) {
        case (.unknownTable, .versionTable):
            snapshot.versionRows = nil
        case (.unknownDatabase, .fullTables(let database)):
            snapshot.missingDatabases.append(database)
        case (.unknownDatabase, _), (.unknownTable, _):
            return
        case (.statementNotUnderstood, .alterJobs(_, .optimize)):
            // A server older than optimize jobs (before 3.2) cannot parse SHOW ALTER TABLE OPTIMIZE; it cannot run
            // such a job either, so there is nothing to report.
            return
        case (.privilegeMissing(let message), _):
            let (part, grant) = describe(kind)
            snapshot.notChecked.append(NotCheckedPart(part: part, reason: message, grantToAdd: grant))
        case (.statementNotUnderstood, _), (.other, _):
            throw error
        }
    }

    private func describe(_ kind: PartKind) -> (String, String) {
        switch kind {
        case .serverVersion: return ("server version", LiveGrants.system(grantee: grantee))
        case .backends: return (NotCheckedPart.backends, LiveGrants.system(grantee: grantee))
        case .versionTable(let database, let table):
            return (NotCheckedPart.versionTable, LiveGrants.table(database, table, grantee: grantee))
        case .fullTables(let database):
            return (NotCheckedPart.objects(of: database), LiveGrants.objects(database, grantee: grantee))
        case .materializedViews(let database):
            return ("\(database) materialized views", LiveGrants.objects(database, grantee: grantee))
        case .alterJobs(let database, let kind):
            return ("\(database) schema-change jobs (\(kind.rawValue))", LiveGrants.objects(database, grantee: grantee))
        }
    }
}
