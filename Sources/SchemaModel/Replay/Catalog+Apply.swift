import StarRocksDDL

/// Replay: applying parsed DDL to a catalog the way StarRocks would, so that replaying a migration history yields the
/// expected state.
extension Catalog {
    /// Applies one parsed statement; unqualified names go to `defaultDatabase` (or the one chosen by a USE statement).
    public mutating func apply(_ parsed: ParsedStatement, defaultDatabase: inout String) throws(ReplayError) {
        try apply(parsed, defaultDatabase: &defaultDatabase, source: nil)
    }

    /// Parses `sql` and applies every statement; returns the statements skipped as having no schema effect.
    /// Throws DDLParseError or ReplayError (both CustomStringConvertible with file:line:column).
    @discardableResult
    public mutating func apply(sql: String, file: String, firstLine: Int = 1, defaultDatabase: String) throws
        -> [ParsedStatement] {
        let statements = try DDLParser.parse(sql, file: file, firstLine: firstLine)
        var database = defaultDatabase
        ensureDatabase(database)
        var skipped: [ParsedStatement] = []
        for parsed in statements {
            if case .noSchemaEffect = parsed.statement {
                skipped.append(parsed)
                continue
            }
            try apply(parsed, defaultDatabase: &database, source: (sql, firstLine))
        }
        return skipped
    }

    /// A catalog from DDL text (migrations or verbatim SHOW CREATE output).
    public static func load(sql: String, file: String, defaultDatabase: String) throws -> Catalog {
        var catalog = Catalog()
        try catalog.apply(sql: sql, file: file, defaultDatabase: defaultDatabase)
        return catalog
    }

    /// Applies `parsed`, locating errors in `source` (the whole text and its first line number) when given.
    mutating func apply(_ parsed: ParsedStatement, defaultDatabase: inout String, source: (text: String, firstLine: Int)?)
        throws(ReplayError) {
        var focusAfter: String?
        do {
            // Every statement either fails before changing anything or succeeds (see alterTable for ALTER TABLE).
            try applyStatement(parsed.statement, defaultDatabase: &defaultDatabase, focusAfter: &focusAfter)
        } catch {
            throw ReplayError(error, in: parsed, after: focusAfter, source: source)
        }
    }

    /// The model change of one statement. `focusAfter` names the object the statement is about, so an error's caret
    /// can point at a later mention of its subject.
    private mutating func applyStatement(_ statement: Statement, defaultDatabase: inout String,
                                         focusAfter: inout String?) throws(SchemaChangeError) {
        let fallback = defaultDatabase
        func resolve(_ name: QualifiedNameClause) -> ObjectName {
            ObjectName(database: name.database ?? fallback, name: name.name)
        }
        switch statement {
        case .createTable(let create):
            focusAfter = create.name.name
            try createTable(create, named: resolve(create.name), like: create.like.map(resolve))
        case .createView(let create):
            let name = resolve(create.name)
            try insert(.view(View(create)), into: name.database, ifNotExists: create.ifNotExists,
                       orReplace: create.orReplace)
        case .createMaterializedView(let create) where Self.isSynchronous(create):
            try createSynchronousMaterializedView(create, named: resolve(create.name))
        case .createMaterializedView(let create):
            let name = resolve(create.name)
            try insert(.materializedView(MaterializedView(create)), into: name.database,
                       ifNotExists: create.ifNotExists)
        case .alterTable(let alter):
            focusAfter = alter.name.name
            try alterTable(resolve(alter.name), clauses: alter.clauses)
        case .alterView(let alter):
            try alterView(resolve(alter.name), alter)
        case .alterMaterializedView(let alter):
            focusAfter = alter.name.name
            try alterMaterializedView(resolve(alter.name), alter.action)
        case .drop(let drop):
            let kind: ObjectKind = switch drop.kind {
            case .table: .table
            case .view: .view
            case .materializedView: .materializedView
            }
            let name = resolve(drop.name)
            if kind == .materializedView, databases[name.database]?.kind(of: name.name) == nil,
               let base = tableHoldingRollup(name) {
                dropRollup(name.name, on: base)
                return
            }
            try self.drop(kind, named: name, ifExists: drop.ifExists)
            if kind == .table { rollups[name.description] = nil }
        case .createIndex(let create):
            focusAfter = create.index.name
            try createIndex(TableIndex(create.index), on: resolve(create.table))
        case .dropIndex(let drop):
            try dropIndex(named: drop.name, on: resolve(drop.table))
        case .createDatabase(let create):
            try createDatabase(create.name, ifNotExists: create.ifNotExists)
        case .dropDatabase(let drop):
            try dropDatabase(drop.name, ifExists: drop.ifExists)
        case .use(let use):
            ensureDatabase(use.database)
            defaultDatabase = use.database
        case .noSchemaEffect:
            return
        }
    }

    /// `CREATE TABLE` in its three forms: column list, `LIKE` (a copy of the source) and CTAS (columns unknown).
    ///
    /// `LIKE` (3.2+ with its own clauses, `CreateTableLikeAnalyzer`): the FE prints the source's CREATE TABLE, then
    /// replaces its partitioning and distribution with the ones the statement wrote and merges the statement's
    /// properties over the source's (`updateProperties`), and analyzes the result like any CREATE TABLE.
    private mutating func createTable(_ create: CreateTableStatement, named name: ObjectName, like source: ObjectName?)
        throws(SchemaChangeError) {
        var table: Table
        if let source {
            table = try self.table(source)
            table.name = name.name
            let written = Table(create)
            if let partitioning = written.partitioning { table.partitioning = partitioning }
            if let distribution = written.distribution { table.distribution = distribution }
            table.setProperties(written.properties)
            try table.validateDefinition()
        } else {
            table = Table(create)
            try table.validateDefinition()
            table.fixInferredKey()
        }
        try insert(.table(table), into: name.database, ifNotExists: create.ifNotExists)
    }

    /// `ALTER VIEW`: a new column list and query; comment and security change only when written.
    private mutating func alterView(_ name: ObjectName, _ alter: AlterViewStatement) throws(SchemaChangeError) {
        guard var view = databases[name.database]?.views[name.name] else {
            throw SchemaChangeError("view `\(name)` does not exist; create it with CREATE VIEW first",
                                    subject: name.name)
        }
        view.columns = alter.columns.map(ViewColumn.init)
        view.query = QueryText(alter.query.tokens)
        if let comment = alter.comment { view.comment = comment }
        if let security = alter.security { view.security = security }
        databases[name.database]!.views[name.name] = view
    }

    /// `ALTER MATERIALIZED VIEW`: COMMENT replaces the comment, REFRESH replaces the scheme (keeping a moment that is not rewritten), SET merges
    /// properties, RENAME and SWAP WITH move names; ACTIVE/INACTIVE change no definition (only checked to exist).
    private mutating func alterMaterializedView(_ name: ObjectName, _ action: AlterMaterializedViewClause)
        throws(SchemaChangeError) {
        guard var view = databases[name.database]?.materializedViews[name.name] else {
            throw SchemaChangeError("materialized view `\(name)` does not exist; check the name", subject: name.name)
        }
        switch action {
        case .comment(let comment):
            view.comment = comment
        case .refresh(let clause):
            var refresh = Refresh(clause)
            if refresh.moment == nil { refresh.moment = view.refresh?.moment }
            view.refresh = refresh
        case .set(let properties):
            view.properties.merge([String: String](properties: properties)) { _, new in new }
        case .rename(let newName):
            try rename(.materializedView, name, to: newName)
            return
        case .active, .inactive:
            return
        case .swapWith(let other):
            guard var partner = databases[name.database]?.materializedViews[other] else {
                throw SchemaChangeError("materialized view `\(name.database).\(other)` does not exist; check the name",
                                        subject: other)
            }
            partner.name = name.name
            view.name = other
            databases[name.database]!.materializedViews[other] = view
            databases[name.database]!.materializedViews[name.name] = partner
            return
        }
        databases[name.database]!.materializedViews[name.name] = view
    }
}

extension Table {
    /// Checks StarRocks makes at CREATE TABLE: unique column names, and key, distribution and sort columns that exist.
    func validateDefinition() throws(SchemaChangeError) {
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name.lowercased()).inserted {
            throw SchemaChangeError("column `\(column.name)` is defined twice in table `\(name)`; remove one",
                                    subject: column.name)
        }
        guard hasKnownColumns, !columns.isEmpty else { return }
        var referenced = key?.columns ?? []
        if case .hash(let hashColumns)? = distribution?.method { referenced += hashColumns }
        referenced += orderBy ?? []
        for columnName in referenced where column(named: columnName) == nil {
            throw SchemaChangeError("column `\(columnName)` is not defined in table `\(name)`; define it or fix the name",
                                    subject: columnName)
        }
        try validatePrimaryKeyCoversPartitioning()
    }

    /// StarRocks rejects a PRIMARY KEY table whose key does not include every partition column (also the columns
    /// inside a partition expression such as `date_trunc('day', dt)`).
    func validatePrimaryKeyCoversPartitioning() throws(SchemaChangeError) {
        guard let key, key.model == .primary, let partitioning else { return }
        let expressions: [String]
        switch partitioning {
        case .range(let range): expressions = range.expressions
        case .list(let list): expressions = list.columns
        case .expression(let list): expressions = list
        }
        let keyColumns = Set(key.columns.map { $0.lowercased() })
        for expression in expressions {
            let words = expression.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { String($0) }
            for word in words where column(named: word) != nil && !keyColumns.contains(word.lowercased()) {
                throw SchemaChangeError(
                    "partition column `\(word)` of PRIMARY KEY table `\(name)` is not in its key; StarRocks requires "
                        + "the primary key to include every partition column: add it to PRIMARY KEY(...)",
                    subject: "PRIMARY")
            }
        }
    }
}
