/// SELECT statements: system variables and functions without FROM, `information_schema` tables, and the migration
/// version table (or any catalog table, which has no rows).
struct SelectAnswerer {
    let index: CatalogIndex
    let session: SessionContext
    /// The statement's text, for column titles as typed.
    let sql: String

    /// One select-list item: its tokens, and the title the result column gets.
    private struct Item {
        var tokens: [StatementToken]
        var title: String
    }

    func select(_ tokens: [StatementToken]) -> SimulatorReply {
        var position = 1
        var depth = 0
        var items: [[StatementToken]] = [[]]
        while position < tokens.count {
            let token = tokens[position]
            if depth == 0 && (token.isWord("FROM") || token.isWord("LIMIT") || token.text == ";") { break }
            if token.text == "(" { depth += 1 }
            if token.text == ")" { depth -= 1 }
            if depth == 0 && token.kind == .symbol && token.text == "," {
                items.append([])
            } else {
                items[items.count - 1].append(token)
            }
            position += 1
        }
        guard items.allSatisfy({ !$0.isEmpty }) else { return .error(ServerErrors.syntax(near: "<EOF>")) }
        let selectItems = items.map(item)
        var cursor = TokenCursor(Array(tokens[position...]))
        if cursor.accept("FROM") { return selectFrom(&cursor, items: selectItems) }
        return selectExpressions(selectItems)
    }

    private func item(_ tokens: [StatementToken]) -> Item {
        var expression = tokens
        var alias: String?
        if tokens.count >= 3, tokens[tokens.count - 2].isWord("AS"), tokens.last!.isName || tokens.last!.kind == .string {
            alias = tokens.last!.text
            expression = Array(tokens.dropLast(2))
        } else if tokens.count >= 2, tokens.last!.isName, tokens[tokens.count - 2].kind != .symbol {
            alias = tokens.last!.text
            expression = Array(tokens.dropLast())
        }
        let bytes = Array(sql.utf8)
        let title = alias ?? String(decoding: bytes[expression.first!.start..<expression.last!.end], as: UTF8.self)
        return Item(tokens: expression, title: title)
    }

    // MARK: without FROM

    private func selectExpressions(_ items: [Item]) -> SimulatorReply {
        var row: [String?] = []
        for item in items {
            switch value(of: item.tokens) {
            case .failure(let error): return .error(error)
            case .success(let value): row.append(value)
            }
        }
        return .resultSet(SimulatedResultSet(columns: items.map(\.title), rows: [row]))
    }

    private func value(of tokens: [StatementToken]) -> Result<String?, SimulatedServerError> {
        let words = tokens.map { $0.text.lowercased() }
        if words.first == "@@" {
            var name = words.dropFirst()
            if name.count >= 3, ["session", "global", "local"].contains(name.first!), name.dropFirst().first == "." {
                name = name.dropFirst(2)
            }
            let variable = name.joined()
            guard let value = SystemVariables.values(state: index.state, database: session.database)[variable] else {
                return .failure(ServerErrors.unknownVariable(variable))
            }
            return .success(value)
        }
        if tokens.count == 1 && (tokens[0].kind == .number || tokens[0].kind == .string) { return .success(tokens[0].text) }
        if words == ["null"] { return .success(nil) }
        if words.count == 3, words[1] == "(", words[2] == ")" {
            switch words[0] {
            case "current_version": return .success(index.state.serverVersion)
            case "version": return .success(SystemVariables.mysqlServerVersion)
            case "database", "schema": return .success(session.database)
            case "user", "current_user", "session_user", "system_user": return .success("'\(session.user)'@'%'")
            case "connection_id": return .success("1")
            case "now", "current_timestamp", "sysdate": return .success(InformationSchemaRows.fixedTime)
            case "last_insert_id": return .success("0")
            case "catalog": return .success(ObjectResolver.internalCatalog)
            default: break
            }
        }
        let text = tokens.map(\.text).joined(separator: " ")
        return .failure(ServerErrors.analysis("No matching function with signature: \(text) (starrocks-sim does not "
            + "evaluate it)"))
    }

    // MARK: with FROM

    private func selectFrom(_ cursor: inout TokenCursor, items: [Item]) -> SimulatorReply {
        guard let parts = cursor.qualifiedName() else { return .error(ServerErrors.syntax(near: "FROM")) }
        if cursor.accept("AS") { _ = cursor.name() } else if let next = cursor.current, next.kind == .word,
            !["WHERE", "ORDER", "LIMIT"].contains(next.text.uppercased()) { cursor.advance() }
        let schema = parts.count >= 2 ? parts[parts.count - 2] : session.database
        let table = parts.last!
        if schema?.lowercased() == InformationSchemaRows.schemaName {
            return informationSchema(table.lowercased(), &cursor, items: items)
        }
        return catalogTable(parts, &cursor, items: items)
    }

    private func informationSchema(_ table: String, _ cursor: inout TokenCursor, items: [Item]) -> SimulatorReply {
        let source = InformationSchemaRows(index: index)
        guard let titles = InformationSchemaRows.columns[table] else {
            return .error(ServerErrors.unknownTable(database: InformationSchemaRows.schemaName, name: table))
        }
        let filter: RowFilter
        switch RowFilter.parse(&cursor, titles: titles) {
        case .failure(let error): return .error(error)
        case .success(let parsed): filter = parsed
        }
        let schemaColumn = titles.firstIndex(of: "TABLE_SCHEMA") ?? titles.firstIndex(of: "SCHEMA_NAME")
            ?? titles.firstIndex(of: "DB_NAME")
        let schemas = schemaColumn.flatMap { filter.requiredValues(of: $0) }
        let nameColumn = table == "schemata" ? nil : titles.firstIndex(of: "TABLE_NAME")
        let names = nameColumn.flatMap { filter.requiredValues(of: $0) }
        let rows = filter.apply(source.rows(of: table, schemas: schemas, names: names) ?? [])
        return project(rows, titles: titles, items: items)
    }

    private func catalogTable(_ parts: [String], _ cursor: inout TokenCursor, items: [Item]) -> SimulatorReply {
        let resolver = ObjectResolver(index: index, session: session)
        let name = parts.last!
        let database: String
        switch resolver.database(parts.count >= 2 ? parts[parts.count - 2] : nil) {
        case .failure(let error): return .error(error)
        case .success(let found): database = found
        }
        var titles: [String] = []
        var rows: [[String?]] = []
        if let version = index.state.versionTable, version.table.lowercased() == name.lowercased(),
           version.database.map({ $0 == database }) ?? true {
            guard version.exists else { return .error(ServerErrors.unknownTable(database: database, name: name)) }
            titles = version.hasIDColumn ? ["id", version.column] : [version.column]
            rows = version.revisions.enumerated().map { offset, revision in
                version.hasIDColumn ? [String(offset + 1), revision] : [revision]
            }
        } else if let object = index.object(name, in: database) {
            switch index.model(of: object) {
            case .table(let table)?: titles = table.columns.map(\.name)
            case .view(let view)?: titles = view.columns.map(\.name)
            case .materializedView(let view)?: titles = view.columns.map(\.name)
            case nil: titles = []
            }
        } else {
            return .error(ServerErrors.unknownTable(database: database, name: name))
        }
        switch RowFilter.parse(&cursor, titles: titles) {
        case .failure(let error): return .error(error)
        case .success(let filter): return project(filter.apply(rows), titles: titles, items: items)
        }
    }

    /// The selected columns of `rows` (`*`, names, `t.name`, `COUNT(*)`).
    private func project(_ rows: [[String?]], titles: [String], items: [Item]) -> SimulatorReply {
        var columns: [String] = []
        var pickers: [([String?]) -> String?] = []
        for item in items {
            let words = item.tokens.map { $0.text }
            if words == ["*"] || (words.count == 3 && words[1] == "." && words[2] == "*") {
                for (offset, title) in titles.enumerated() {
                    columns.append(title)
                    pickers.append { $0[offset] }
                }
                continue
            }
            if words.count == 4, words[0].lowercased() == "count", words[1] == "(", words[3] == ")" {
                columns.append(item.title)
                let count = String(rows.count)
                pickers.append { _ in count }
                continue
            }
            guard let name = item.tokens.last, name.isName,
                  item.tokens.count == 1 || (item.tokens.count == 3 && item.tokens[1].text == ".") else {
                return .error(ServerErrors.analysis("starrocks-sim cannot evaluate '\(item.title)'; select plain columns"))
            }
            guard let offset = titles.firstIndex(where: { $0.lowercased() == name.text.lowercased() }) else {
                return .error(ServerErrors.unknownColumn(name.text))
            }
            columns.append(item.title)
            pickers.append { $0[offset] }
        }
        let countOnly = items.allSatisfy { $0.tokens.first?.text.lowercased() == "count" }
        let projected: [[String?]] = countOnly ? [pickers.map { $0([]) }] : rows.map { row in pickers.map { $0(row) } }
        return .resultSet(SimulatedResultSet(columns: columns, rows: projected))
    }
}
