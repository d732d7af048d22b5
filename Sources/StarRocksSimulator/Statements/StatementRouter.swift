/// The per-connection state a statement can read or change.
struct SessionContext: Sendable {
    /// The current database (`USE`, COM_INIT_DB, or the handshake's database).
    var database: String?
    /// The authenticated user.
    var user: String
}

/// Answers one statement from the catalog, the way a StarRocks FE would: SHOW and SELECT statements that
/// starrocks-drift sends get StarRocks-shaped result sets, session `SET`/`USE` get OK, writes are rejected, anything
/// else is a StarRocks-shaped syntax error.
struct StatementRouter: Sendable {
    let index: CatalogIndex

    /// Statement verbs that change a server; the simulator never applies them.
    static let writeVerbs: Set<String> = [
        "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "RENAME", "REFRESH",
        "CANCEL", "LOAD", "KILL", "INSTALL", "UNINSTALL", "ANALYZE", "SUBMIT", "EXPORT", "RECOVER", "BACKUP", "RESTORE",
        "REPLACE", "UPSERT", "MERGE", "CALL", "EXECUTE", "PREPARE", "OPTIMIZE", "PAUSE", "RESUME", "STOP", "SYNC",
        "CLEAN", "RECOVER", "BEGIN", "START", "COMMIT", "ROLLBACK", "LOCK", "UNLOCK", "FLUSH", "CACHE", "WARM",
    ]

    /// The reply to `sql` for a session.
    func reply(to sql: String, session: inout SessionContext) -> SimulatorReply {
        let tokens = StatementTokenizer.tokens(sql)
        guard let first = tokens.first else { return .error(ServerErrors.syntax(near: "<EOF>")) }
        if let reply = clientReply(tokens, session: session) { return reply }
        let verb = first.text.uppercased()
        if first.kind == .word && Self.isWrite(verb: verb, tokens: tokens) {
            return .error(ServerErrors.writeRejected(verb))
        }
        var cursor = TokenCursor(tokens)
        cursor.advance()
        switch first.kind == .word ? verb : "" {
        case "SHOW": return show(&cursor, session: session)
        case "SELECT": return SelectAnswerer(index: index, session: session, sql: sql).select(tokens)
        case "SET": return .ok
        case "USE": return use(&cursor, session: &session)
        case "DESC", "DESCRIBE": return describe(&cursor, session: session)
        default: return .error(ServerErrors.syntax(near: first.text, column: first.start))
        }
    }

    /// Whether the statement would change the server (session-level SET and ADMIN SHOW are reads).
    static func isWrite(verb: String, tokens: [StatementToken]) -> Bool {
        if Self.writeVerbs.contains(verb) { return true }
        let second = tokens.count > 1 ? tokens[1].text.uppercased() : ""
        switch verb {
        case "SET": return second == "GLOBAL" || second == "PASSWORD" || (second == "@@" && tokens.count > 2
            && tokens[2].text.uppercased() == "GLOBAL")
        case "ADMIN": return second != "SHOW"
        default: return false
        }
    }

    private func use(_ cursor: inout TokenCursor, session: inout SessionContext) -> SimulatorReply {
        guard let parts = cursor.qualifiedName() else { return .error(ServerErrors.syntax(near: "<EOF>")) }
        let requested = parts.last!
        guard let database = index.databaseName(requested) else {
            return .error(ServerErrors.unknownDatabase(requested))
        }
        session.database = database
        return .ok
    }

    /// `DESC [db.]t`: Field, Type, Null, Key, Default, Extra from the parsed model (views and MVs too).
    private func describe(_ cursor: inout TokenCursor, session: SessionContext) -> SimulatorReply {
        switch ObjectResolver(index: index, session: session).resolve(&cursor) {
        case .failure(let error): return .error(error)
        case .success(let object):
            return .resultSet(SimulatedResultSet(columns: DescribeRows.columns,
                                                 rows: DescribeRows.rows(index.columns(of: object))))
        }
    }
}

/// Resolves `[catalog.][db.]name` against the catalog and the session's database.
struct ObjectResolver {
    let index: CatalogIndex
    let session: SessionContext

    /// The StarRocks internal catalog's name.
    static let internalCatalog = "default_catalog"

    /// The database a statement means: the given one or the session's.
    func database(_ given: String?) -> Result<String, SimulatedServerError> {
        guard let name = given ?? session.database else { return .failure(ServerErrors.noDatabaseSelected) }
        guard let database = index.databaseName(name) else { return .failure(ServerErrors.unknownDatabase(name)) }
        return .success(database)
    }

    /// Reads a qualified name at the cursor and finds the object.
    func resolve(_ cursor: inout TokenCursor) -> Result<CatalogIndex.Object, SimulatedServerError> {
        guard let parts = cursor.qualifiedName() else {
            return .failure(ServerErrors.syntax(near: cursor.current?.text ?? "<EOF>"))
        }
        return resolve(parts)
    }

    /// Finds the object `parts` names (`name`, `db.name` or `catalog.db.name`).
    func resolve(_ parts: [String]) -> Result<CatalogIndex.Object, SimulatedServerError> {
        if parts.count == 3 && parts[0].lowercased() != Self.internalCatalog {
            return .failure(ServerErrors.analysis("Unknown catalog '\(parts[0])'"))
        }
        let name = parts.last!
        let database: String
        switch self.database(parts.count >= 2 ? parts[parts.count - 2] : nil) {
        case .failure(let error): return .failure(error)
        case .success(let found): database = found
        }
        guard let object = index.object(name, in: database) else {
            return .failure(ServerErrors.unknownTable(database: database, name: name))
        }
        return .success(object)
    }
}
