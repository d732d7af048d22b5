import SchemaModel

/// What common MySQL-protocol clients send on connect and on schema reflection, beyond what starrocks-drift sends:
/// the `mysql`/`mariadb` client, PyMySQL (`SET AUTOCOMMIT`, `ROLLBACK` when a pooled connection is returned) and
/// SQLAlchemy with the `starrocks` dialect (`ADMIN SHOW FRONTEND CONFIG LIKE 'run_mode'`, `SHOW FULL COLUMNS`,
/// `SHOW INDEX`). None of them changes the catalog: transaction control is accepted as a StarRocks FE accepts it
/// outside an explicit transaction (an OK with nothing to commit or roll back).
extension StatementRouter {
    /// `ADMIN SHOW FRONTEND CONFIG` titles (AdminShowConfigStmt).
    static let frontendConfigTitles = ["Key", "AliasNames", "Value", "Type", "IsMutable", "Comment"]
    /// `SHOW FULL COLUMNS` titles (ShowColumnStmt); without FULL, Collation, Privileges and Comment are left out.
    static let fullColumnTitles = ["Field", "Type", "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment"]
    /// `SHOW INDEX` titles (ShowIndexStmt, MySQL's set).
    static let indexTitles = ["Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name", "Collation",
                              "Cardinality", "Sub_part", "Packed", "Null", "Index_type", "Comment"]
    /// The FE's `qe_max_connection`: connections one FE accepts in total (per user the limit is the
    /// `max_user_connections` property, default 100).
    static let frontendMaxConnections = 4096

    /// The reply to a client statement, or `nil` when `tokens` is not one (the router answers it).
    func clientReply(_ tokens: [StatementToken], session: SessionContext) -> SimulatorReply? {
        guard let first = tokens.first, first.kind == .word else { return nil }
        var cursor = TokenCursor(tokens)
        cursor.advance()
        switch first.text.uppercased() {
        case "BEGIN", "COMMIT", "ROLLBACK":
            return .ok
        case "START":
            return cursor.accept("TRANSACTION") ? .ok : nil
        case "ADMIN":
            return cursor.accept("SHOW", "FRONTEND", "CONFIG") ? frontendConfig(&cursor) : nil
        case "SHOW":
            let full = cursor.accept("FULL")
            if cursor.accept("COLUMNS") || cursor.accept("FIELDS") { return showColumns(&cursor, full: full, session: session) }
            if full { return nil }
            if cursor.accept("INDEX") || cursor.accept("INDEXES") || cursor.accept("KEYS") {
                return showIndex(&cursor, session: session)
            }
            if cursor.accept("WARNINGS") || cursor.accept("ERRORS") {
                return .resultSet(SimulatedResultSet(columns: ["Level", "Code", "Message"], rows: []))
            }
            return nil
        default:
            return nil
        }
    }

    /// `ADMIN SHOW FRONTEND CONFIG [LIKE 'pattern']`: the FE settings clients ask about.
    private func frontendConfig(_ cursor: inout TokenCursor) -> SimulatorReply {
        var pattern: SQLPattern?
        if cursor.accept("LIKE") {
            guard let text = cursor.literal() else { return .error(ServerErrors.syntax(near: "LIKE")) }
            pattern = SQLPattern(text)
        }
        let settings: [[String?]] = [
            ["default_replication_num", "[]", String(index.state.defaultReplicationNum), "short", "true", ""],
            ["mysql_server_version", "[]", SystemVariables.mysqlServerVersion, "String", "true", ""],
            ["qe_max_connection", "[]", String(Self.frontendMaxConnections), "int", "false", ""],
            ["run_mode", "[]", index.state.runMode, "String", "false", ""],
        ]
        let rows = settings.filter { pattern?.matches($0[0]!) ?? true }
        return .resultSet(SimulatedResultSet(columns: Self.frontendConfigTitles, rows: rows))
    }

    /// `SHOW [FULL] COLUMNS FROM [db.]t [FROM db] [LIKE 'pattern']`, in the DESC type spelling.
    private func showColumns(_ cursor: inout TokenCursor, full: Bool, session: SessionContext) -> SimulatorReply {
        let object: CatalogIndex.Object
        switch target(&cursor, session: session) {
        case .failure(let error): return .error(error)
        case .success(let found): object = found
        }
        var pattern: SQLPattern?
        if cursor.accept("LIKE"), let text = cursor.literal() { pattern = SQLPattern(text) }
        let rows: [[String?]] = index.columns(of: object).compactMap { column in
            guard pattern?.matches(column.name) ?? true else { return nil }
            let type = ColumnTypeSpellings.describeType(column.type)
            let isString = ColumnTypeSpellings.characterLength(column.type) != nil
            let null = column.nullable ? "YES" : "NO"
            let key = column.keyKind.isEmpty ? "NO" : "YES"
            let extra = column.aggregate?.rawValue ?? ""
            let defaultText = DescribeRows.defaultText(column.defaultValue)
            return full
                ? [column.name, type, isString ? "utf8_general_ci" : nil, null, key, defaultText, extra, "", column.comment]
                : [column.name, type, null, key, defaultText, extra]
        }
        let titles = full ? Self.fullColumnTitles : ["Field", "Type", "Null", "Key", "Default", "Extra"]
        return .resultSet(SimulatedResultSet(columns: titles, rows: rows))
    }

    /// `SHOW INDEX FROM [db.]t [FROM db]`: one row per indexed column of the table's BITMAP/GIN/NGRAMBF indexes.
    private func showIndex(_ cursor: inout TokenCursor, session: SessionContext) -> SimulatorReply {
        let object: CatalogIndex.Object
        switch target(&cursor, session: session) {
        case .failure(let error): return .error(error)
        case .success(let found): object = found
        }
        var indexes: [TableIndex] = []
        switch index.model(of: object) {
        case .table(let table)?: indexes = table.indexes
        case .materializedView(let view)?: indexes = view.indexes
        default: break
        }
        let rows: [[String?]] = indexes.flatMap { tableIndex in
            tableIndex.columns.enumerated().map { offset, column in
                [object.name, "1", tableIndex.name, String(offset + 1), column, nil, nil, nil, nil, "YES",
                 tableIndex.type, tableIndex.comment]
            }
        }
        return .resultSet(SimulatedResultSet(columns: Self.indexTitles, rows: rows))
    }

    /// `FROM|IN [db.]t [FROM|IN db]` resolved to an object.
    private func target(_ cursor: inout TokenCursor, session: SessionContext)
        -> Result<CatalogIndex.Object, SimulatedServerError> {
        guard cursor.accept("FROM") || cursor.accept("IN"), var parts = cursor.qualifiedName() else {
            return .failure(ServerErrors.syntax(near: cursor.current?.text ?? "<EOF>"))
        }
        if cursor.accept("FROM") || cursor.accept("IN") {
            guard let database = cursor.name() else { return .failure(ServerErrors.syntax(near: "<EOF>")) }
            parts = [database, parts.last!]
        }
        return ObjectResolver(index: index, session: session).resolve(parts)
    }
}
