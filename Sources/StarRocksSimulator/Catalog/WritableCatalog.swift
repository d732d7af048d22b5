import Foundation
import SchemaModel
import StarRocksDDL

/// The catalog of a `--writable` simulator: DDL is applied to an in-memory model with the project's parser and
/// replay, and every object a statement created or changed is printed back by the simulator's own printer
/// (`ServerPrinter`, written from StarRocks' printing code, independent of the project's normalizer); untouched
/// objects keep their verbatim text. What a StarRocks FE does besides is simulated:
/// a schema-change statement starts a job listed by `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE` that passes through
/// the FE's states over `jobMilliseconds` (`JobRuns`), its change visible only once FINISHED; another ALTER on that
/// table while it runs gets StarRocks' "schema change operation is in progress" error; a CREATE of an existing name
/// gets ERROR 1050; a `replication_num` above the alive backends gets StarRocks' replication error; writes to the
/// version table change its rows. The faults of `FaultPlan` (cancelled and slow jobs here, lost replies and restarts
/// in `Simulator`) keep this state. Thread-safe.
final class WritableCatalog: @unchecked Sendable {
    private let lock = NSLock()
    private var served: SimulatorCatalog
    private var model = Catalog()
    private var index: CatalogIndex
    private var jobs = JobRuns()
    private var failuresLeft: Int?
    private var appliedStatements: [String] = []
    private let options: SimulatorOptions
    private let fail: NSRegularExpression?
    /// The faults injected on purpose (lost replies, restarts, cancelled and slow jobs).
    let faults: FaultPlan

    init(_ catalog: SimulatorCatalog, options: SimulatorOptions) throws(SimulatorStartError) {
        served = catalog
        self.options = options
        fail = try Self.regex(options.failStatementPattern, flag: "--fail-statement")
        faults = try FaultPlan(options)
        failuresLeft = options.failStatementCount
        for (database, objects) in catalog.databases {
            model.ensureDatabase(database)
            for (name, text) in objects {
                // Objects the parser cannot read are served verbatim and never reprinted.
                _ = try? model.apply(sql: text, file: "\(database)/\(name).sql", defaultDatabase: database)
            }
        }
        index = CatalogIndex(catalog)
    }

    private static func regex(_ pattern: String?, flag: String) throws(SimulatorStartError) -> NSRegularExpression? {
        guard let pattern else { return nil }
        do { return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
            throw SimulatorStartError("\(flag) pattern `\(pattern)` is not a valid regular expression; fix it")
        }
    }

    /// Every write the simulator accepted and applied (DDL when accepted — its job may still run — and version-table
    /// DML), in order: a test sees whether a statement was applied twice.
    var applied: [String] {
        lock.lock()
        defer { lock.unlock() }
        return appliedStatements
    }

    /// The catalog as served now (jobs whose time is up are FINISHED, or CANCELLED).
    func current() -> CatalogIndex {
        lock.lock()
        defer { lock.unlock() }
        advanceJobs()
        return index
    }

    /// The reply to a write (`nil` when `sql` is not a write: the caller answers it from `current()`).
    func write(_ sql: String, session: SessionContext) -> SimulatorReply? {
        let tokens = StatementTokenizer.tokens(sql)
        guard let first = tokens.first, first.kind == .word else { return nil }
        let verb = first.text.uppercased()
        if ["BEGIN", "START", "COMMIT", "ROLLBACK"].contains(verb) { return .ok }
        guard StatementRouter.isWrite(verb: verb, tokens: tokens) else { return nil }
        if let writer = options.writerUser, session.user != writer {
            return .error(ServerErrors.privilegeDenied(privilege: verb, on: "DATABASE \(session.database ?? "")"))
        }
        lock.lock()
        defer { lock.unlock() }
        if let fail, failuresLeft.map({ $0 > 0 }) ?? true,
           fail.firstMatch(in: sql, range: NSRange(sql.startIndex..., in: sql)) != nil {
            failuresLeft = failuresLeft.map { $0 - 1 }
            return .error(ServerErrors.analysis("statement rejected by starrocks-sim --fail-statement (fault injection)"))
        }
        advanceJobs()
        if ["INSERT", "UPDATE", "DELETE", "TRUNCATE"].contains(verb) {
            let reply = versionTableWrite(verb: verb, tokens: tokens, session: session) ?? .ok
            appliedStatements.append(sql)
            return reply
        }
        let reply = schemaWrite(sql, session: session)
        if case .ok = reply { appliedStatements.append(sql) }
        return reply
    }

    // MARK: - DDL

    private func schemaWrite(_ sql: String, session: SessionContext) -> SimulatorReply {
        let statements: [ParsedStatement]
        do {
            statements = try DDLParser.parse(sql, file: "statement")
        } catch {
            return .error(ServerErrors.analysis("starrocks-sim cannot parse the statement: \(error.message)"))
        }
        guard statements.count == 1, let parsed = statements.first else {
            return .error(ServerErrors.analysis("send one statement at a time"))
        }
        if case .noSchemaEffect = parsed.statement { return .ok }
        var database = session.database ?? ""
        if database.isEmpty, Self.needsDatabase(parsed.statement) { return .error(ServerErrors.noDatabaseSelected) }
        let fastDefault = SchemaChangeJobs.fastSchemaEvolutionDefault(serverVersion: served.state.serverVersion)
        let job = SchemaChangeJobs.job(for: parsed.statement, defaultDatabase: database) { [model] name in
            SchemaChangeJobs.fastSchemaEvolution(
                properties: model.databases[name.database]?.tables[name.name]?.properties ?? [:],
                serverDefault: fastDefault)
        }
        if let blocked = runningJob(blocking: parsed.statement, defaultDatabase: database) {
            return .error(Self.inProgress(blocked))
        }
        if case .createTable(let create) = parsed.statement, let error = replicationError(create) {
            return .error(error)
        }
        if let existing = Self.existingObject(parsed.statement, in: model, defaultDatabase: database) {
            return .error(ServerErrors.tableExists(existing))
        }
        var next = model
        do {
            try next.apply(parsed, defaultDatabase: &database)
        } catch {
            return .error(ServerErrors.analysis(error.message))
        }
        if let job {
            // The new schema shows only once the job finishes (`advanceJobs`).
            let cancelled = faults.cancelsJob(sql)
            let milliseconds = faults.jobMilliseconds(sql, normal: options.jobMilliseconds)
            _ = jobs.start(job, statement: parsed, database: session.database ?? "", milliseconds: milliseconds,
                           cancelled: cancelled, operation: Self.operation(parsed), into: &served.state.alterJobs)
        } else {
            sync(from: model, to: next, statement: sql)
            model = next
            if case .createTable(let create) = parsed.statement {
                noteVersionTable(ObjectName(database: create.name.database ?? session.database ?? "", name: create.name.name))
            }
        }
        index = CatalogIndex(served)
        return .ok
    }

    /// The name of the object a CREATE without IF NOT EXISTS would make when it already exists (StarRocks answers
    /// ERROR 1050 "Table 'x' already exists", for views and materialized views too).
    private static func existingObject(_ statement: Statement, in model: Catalog, defaultDatabase: String) -> String? {
        let name: QualifiedNameClause
        switch statement {
        case .createTable(let create) where !create.ifNotExists: name = create.name
        case .createView(let create) where !create.ifNotExists && !create.orReplace: name = create.name
        case .createMaterializedView(let create) where !create.ifNotExists: name = create.name
        default: return nil
        }
        guard let database = model.databases[name.database ?? defaultDatabase],
              database.kind(of: name.name) != nil else { return nil }
        return name.name
    }

    /// The `Operation` an optimize job shows: its clause as written (from `DISTRIBUTED BY` on).
    private static func operation(_ parsed: ParsedStatement) -> String {
        guard let range = parsed.text.range(of: "DISTRIBUTED", options: .caseInsensitive) else { return "" }
        return String(parsed.text[range.lowerBound...])
    }

    /// Statements that name objects without a database need a current one (a qualified CREATE does not).
    private static func needsDatabase(_ statement: Statement) -> Bool {
        switch statement {
        case .createDatabase, .dropDatabase, .use: return false
        case .createTable(let create): return create.name.database == nil
        case .createView(let create): return create.name.database == nil
        case .createMaterializedView(let create): return create.name.database == nil
        default: return true
        }
    }

    /// Reprints every object that differs between `before` and `after`, removes dropped ones, adds databases. A
    /// view's or MV's query text is the one `statement` typed when it defines one, else the one served so far.
    private func sync(from before: Catalog, to after: Catalog, statement: String) {
        let printer = ServerPrinter(state: served.state)
        let typed = QueryDefinition.text(in: statement)
        for name in Set(before.databases.keys).union(after.databases.keys) {
            guard let database = after.databases[name] else {
                served.databases[name] = nil
                continue
            }
            var texts = served.databases[name] ?? [:]
            let old = before.databases[name]
            func definition(_ object: String) -> String? {
                typed ?? texts[object].flatMap(QueryDefinition.text(in:))
            }
            for (table, value) in database.tables where old?.tables[table] != value {
                texts[table] = served.state.printer.text(of: .table(value), printedBy: printer)
            }
            for (view, value) in database.views where old?.views[view] != value {
                texts[view] = served.state.printer.text(of: .view(value, definition: definition(view)), printedBy: printer)
            }
            for (view, value) in database.materializedViews where old?.materializedViews[view] != value {
                texts[view] = served.state.printer.text(
                    of: .materializedView(value, definition: definition(view)), printedBy: printer)
            }
            for existing in old.map({ Array($0.tables.keys) + Array($0.views.keys) + Array($0.materializedViews.keys) }) ?? []
            where database.kind(of: existing) == nil {
                texts[existing] = nil
            }
            served.databases[name] = texts
        }
    }

    /// A CREATE TABLE of the version table makes it exist (empty) for `SELECT version_num FROM ...`.
    private func noteVersionTable(_ name: ObjectName) {
        let tableName = served.state.versionTable?.table ?? "alembic_version"
        guard name.name.lowercased() == tableName.lowercased(),
              let table = model.databases[name.database]?.tables[name.name] else { return }
        var version = served.state.versionTable ?? VersionTableState(table: name.name, revisions: [])
        if !version.exists || served.state.versionTable == nil { version.revisions = [] }
        version.exists = true
        version.database = name.database
        version.hasIDColumn = table.column(named: "id") != nil
        served.state.versionTable = version
    }

    // MARK: - Replication

    /// StarRocks' error for a CREATE TABLE asking for more replicas than alive backends
    /// (docs/starrocks-behaviour.md#replication-and-backends).
    private func replicationError(_ create: CreateTableStatement) -> SimulatedServerError? {
        let written = create.properties.first { $0.key.lowercased() == "replication_num" }.flatMap { Int($0.value) }
        let replicas = written ?? served.state.defaultReplicationNum
        let alive = served.state.backendsAlive
        guard replicas > alive else { return nil }
        let backends = (0..<max(0, alive)).map { String(10_001 + $0) }.joined(separator: ", ")
        return SimulatedServerError(
            number: ServerErrors.analysisErrorNumber, sqlState: "HY000",
            message: "Table replication num should be less than or equal to the number of available BE nodes. You can "
                + "change this default by setting the replication_num table properties. Current alive backend is "
                + "[\(backends)]. , table=\(create.name.name), default_replication_num=\(served.state.defaultReplicationNum)")
    }

    // MARK: - Jobs

    /// The running job on a table the statement changes, if any.
    private func runningJob(blocking statement: Statement, defaultDatabase: String) -> SimulatedAlterJob? {
        let tables: [ObjectName]
        switch statement {
        case .alterTable(let alter): tables = [ObjectName(database: alter.name.database ?? defaultDatabase, name: alter.name.name)]
        case .createIndex(let create): tables = [ObjectName(database: create.table.database ?? defaultDatabase, name: create.table.name)]
        case .dropIndex(let drop): tables = [ObjectName(database: drop.table.database ?? defaultDatabase, name: drop.table.name)]
        default:
            tables = SchemaChangeJobs.job(for: statement, defaultDatabase: defaultDatabase).map { [$0.table] } ?? []
        }
        let terminal: Set<String> = ["FINISHED", "CANCELLED"]
        return served.state.alterJobs.first { job in
            !terminal.contains(job.state.uppercased()) && tables.contains {
                $0.name.lowercased() == job.table.lowercased() && (job.database ?? $0.database) == $0.database
            }
        }
    }

    /// StarRocks 3.x `InvalidOlapTableStateException` text for a second ALTER while a job runs
    /// (docs/starrocks-behaviour.md#error-texts).
    static func inProgress(_ job: SimulatedAlterJob) -> SimulatedServerError {
        let message = job.isRollup
            ? "A materialized view or rollup index is being created on the table \"\(job.table)\". Please wait until "
                + "the current operation completes.\nTo check the status of the operation, see "
                + "https://docs.starrocks.io/docs/sql-reference/sql-statements/data-manipulation/SHOW_ALTER_MATERIALIZED_VIEW "
                + "or https://docs.starrocks.io/docs/sql-reference/sql-statements/data-manipulation/SHOW_ALTER"
            : "A schema change operation is in progress on the table \"\(job.table)\". Please wait until the current "
                + "operation completes.\nTo check the status of the operation, see "
                + "https://docs.starrocks.io/en-us/latest/sql-reference/sql-statements/data-manipulation/SHOW%20ALTER"
        return SimulatedServerError(number: ServerErrors.analysisErrorNumber, sqlState: "HY000", message: message)
    }

    /// Moves the jobs on; a job that FINISHED makes its statement's effect visible. Lock held.
    private func advanceJobs() {
        let before = served.state.alterJobs
        let finished = jobs.advance(&served.state.alterJobs)
        for run in finished {
            var next = model
            var database = run.database
            do {
                try next.apply(run.statement, defaultDatabase: &database)
            } catch {
                continue
            }
            sync(from: model, to: next, statement: run.statement.text)
            model = next
        }
        if !finished.isEmpty || served.state.alterJobs != before { index = CatalogIndex(served) }
    }

    // MARK: - Version table

    /// `INSERT INTO v (version_num) VALUES ('r')`, `UPDATE v SET version_num = 'r' WHERE version_num = 'p'`,
    /// `DELETE FROM v WHERE version_num = 'p'` on the version table; `nil` for DML on other tables (accepted, no
    /// effect). Lock held.
    private func versionTableWrite(verb: String, tokens: [StatementToken], session: SessionContext) -> SimulatorReply? {
        guard var version = served.state.versionTable, version.exists else { return nil }
        let nameStart: Int
        switch verb {
        case "INSERT": nameStart = (tokens.firstIndex { $0.isWord("INTO") } ?? 0) + 1
        case "DELETE": nameStart = (tokens.firstIndex { $0.isWord("FROM") } ?? 0) + 1
        case "UPDATE": nameStart = 1
        default: return nil
        }
        var parts: [String] = []
        var at = nameStart
        while at < tokens.count, tokens[at].isName {
            parts.append(tokens[at].text)
            if at + 1 < tokens.count, tokens[at + 1].text == "." { at += 2 } else { break }
        }
        guard let name = parts.last, name.lowercased() == version.table.lowercased() else { return nil }
        let database = parts.count >= 2 ? parts[parts.count - 2] : session.database
        if let expected = version.database, let database, expected != database { return nil }
        let strings = tokens.filter { $0.kind == .string }.map(\.text)
        switch verb {
        case "INSERT":
            guard let revision = strings.last else { return nil }
            version.revisions.append(revision)
        case "UPDATE":
            guard strings.count >= 2 else { return nil }
            version.revisions = version.revisions.map { $0 == strings[strings.count - 1] ? strings[0] : $0 }
        case "DELETE":
            if let old = strings.last { version.revisions.removeAll { $0 == old } } else { version.revisions = [] }
        default:
            return nil
        }
        served.state.versionTable = version
        index = CatalogIndex(served)
        return .ok
    }
}
