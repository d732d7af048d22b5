import StarRocksDDL

/// Rollup indexes and synchronous materialized views: both are extra indexes of one base table. SHOW CREATE TABLE
/// does not print them and no SHOW the tool sends lists them, so the expected side remembers their names only to
/// report them as *not compared* next to their table (never as clean, never as a missing MV).
extension Catalog {
    /// Whether `CREATE MATERIALIZED VIEW` makes a synchronous MV: StarRocks' parser (`AstBuilder`) takes a statement
    /// with neither a REFRESH nor a DISTRIBUTED BY clause as the old synchronous form (`SyncRefreshSchemeDesc`), an
    /// index of the single table its query reads; anything else is an asynchronous MV.
    static func isSynchronous(_ create: CreateMaterializedViewStatement) -> Bool {
        create.refresh == nil && create.distributedBy == nil && create.partitionBy == nil
    }

    /// Records `name` as a rollup or synchronous MV of `table`.
    mutating func addRollup(_ name: String, on table: ObjectName) {
        var names = rollups[table.description] ?? []
        if !names.contains(name) { names.append(name) }
        rollups[table.description] = names
    }

    /// Forgets the rollup or synchronous MV `name` of `table`; `false` when there was none.
    @discardableResult
    mutating func dropRollup(_ name: String, on table: ObjectName) -> Bool {
        guard var names = rollups[table.description], let index = names.firstIndex(of: name) else { return false }
        names.remove(at: index)
        rollups[table.description] = names.isEmpty ? nil : names
        return true
    }

    /// `DROP MATERIALIZED VIEW db.name` of a synchronous MV: the base table holding it, if any.
    func tableHoldingRollup(_ name: ObjectName) -> ObjectName? {
        for (table, names) in rollups where names.contains(name.name) {
            let parts = table.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0] == name.database { return ObjectName(database: parts[0], name: parts[1]) }
        }
        return nil
    }

    /// `CREATE MATERIALIZED VIEW ... AS SELECT ... FROM [db.]t ...` in the synchronous form: an index of `t`.
    mutating func createSynchronousMaterializedView(_ create: CreateMaterializedViewStatement, named name: ObjectName)
        throws(SchemaChangeError) {
        guard let base = Self.baseTable(of: QueryText(create.query.tokens), defaultDatabase: name.database) else {
            throw SchemaChangeError("cannot find the base table of synchronous materialized view `\(name)` (a "
                + "CREATE MATERIALIZED VIEW without REFRESH or DISTRIBUTED BY reads one table: SELECT ... FROM t)",
                subject: name.name)
        }
        _ = try table(base)
        if tableHoldingRollup(name) != nil || databases[name.database]?.kind(of: name.name) != nil {
            if create.ifNotExists { return }
            throw SchemaChangeError("materialized view `\(name)` already exists; use IF NOT EXISTS or another name",
                                    subject: name.name)
        }
        addRollup(name.name, on: base)
    }

    /// The first table after the outermost FROM of a query: `FROM t` or `FROM db.t`.
    static func baseTable(of query: QueryText, defaultDatabase: String) -> ObjectName? {
        let tokens = query.tokens
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" { depth -= 1 }
            guard depth == 0, token.kind == .word, token.text.lowercased() == "from", index + 1 < tokens.count else {
                continue
            }
            let first = tokens[index + 1]
            guard first.kind == .word || first.kind == .quotedIdentifier else { return nil }
            if index + 3 < tokens.count, tokens[index + 2].text == ".",
               tokens[index + 3].kind == .word || tokens[index + 3].kind == .quotedIdentifier {
                return ObjectName(database: first.text, name: tokens[index + 3].text)
            }
            return ObjectName(database: defaultDatabase, name: first.text)
        }
        return nil
    }
}
