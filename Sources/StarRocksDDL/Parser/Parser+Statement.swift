/// Statement dispatch, the small statements (DROP, CREATE/DROP INDEX, CREATE/DROP DATABASE, USE) and the
/// recognition of statements without schema effect.
extension Parser {
    /// Leading keywords of statements that never change the schema.
    static let noEffectLeaders: Set<String> = [
        "INSERT", "UPDATE", "DELETE", "SELECT", "WITH", "SET", "GRANT", "REVOKE", "ANALYZE", "REFRESH", "TRUNCATE",
        "ADMIN", "SUBMIT", "CANCEL", "SHOW", "DESC", "DESCRIBE", "EXPLAIN", "LOAD", "EXPORT", "BACKUP", "RESTORE",
        "KILL", "PAUSE", "RESUME", "STOP", "BEGIN", "START", "COMMIT", "ROLLBACK", "INSTALL", "UNINSTALL", "SYNC",
        "CLEAN", "EXECUTE", "CACHE", "HELP", "VALUES",
    ]

    /// Objects whose CREATE/ALTER/DROP never changes tables, views or materialized views.
    static let noEffectObjects: Set<String> = [
        "USER", "ROLE", "RESOURCE", "FUNCTION", "GLOBAL", "AGGREGATE", "ROUTINE", "CATALOG", "EXTERNAL", "STORAGE",
        "REPOSITORY", "PIPE", "FILE", "WAREHOUSE", "TASK", "STATS", "HISTOGRAM", "SNAPSHOT", "SYSTEM", "DICTIONARY",
        "SECURITY", "ANALYZE", "SQLBLACKLIST", "RESOURCE GROUP", "LOAD",
    ]

    /// Parses the statement whose tokens are loaded.
    mutating func parseStatement() throws(DDLParseError) -> Statement {
        let first = peek()
        if isSymbol(first, UInt8(ascii: "(")) { return noSchemaEffect("SELECT") }
        guard first.kind == .word else {
            throw error(at: first, "expected a statement such as CREATE TABLE or ALTER TABLE, found \(describe(first))")
        }
        let leader = upperWord(first)
        switch leader {
        case "CREATE":
            position += 1
            return try parseCreate()
        case "ALTER":
            position += 1
            return try parseAlter()
        case "DROP":
            position += 1
            return try parseDrop()
        case "USE":
            position += 1
            let first = try parseIdentifier("a database name after USE")
            if acceptSymbol(UInt8(ascii: ".")) {
                return .use(UseStatement(catalog: first, database: try parseIdentifier("a database name")))
            }
            return .use(UseStatement(database: first))
        default:
            if Parser.noEffectLeaders.contains(leader) {
                let kind = leader == "REFRESH" || leader == "SUBMIT" || leader == "CANCEL" ? leadingWords(3) : leader
                return noSchemaEffect(kind)
            }
            let written = lexer.text(first)
            let hint = Suggestion.hint(for: written, among: ["CREATE", "ALTER", "DROP", "USE"] + Parser.noEffectLeaders.sorted())
            throw error(at: first, "unknown statement `\(written)`\(hint); expected CREATE, ALTER, DROP, USE or a "
                + "statement without schema effect (INSERT, UPDATE, DELETE, SET, GRANT, ...)")
        }
    }

    /// Consumes the rest of the statement as a no-schema-effect statement of `kind`.
    private mutating func noSchemaEffect(_ kind: String) -> Statement {
        let first = tokens[0]
        let last = tokens[tokens.count - 1]
        position = tokens.count
        return .noSchemaEffect(NoSchemaEffectStatement(
            kind: kind, text: String(decoding: lexer.bytes[first.start..<last.end], as: UTF8.self)))
    }

    /// Up to `count` leading words of the statement, upper-cased and joined by spaces.
    private func leadingWords(_ count: Int) -> String {
        var words: [String] = []
        var index = 0
        while index < min(count, tokens.count) && tokens[index].kind == .word {
            words.append(upperWord(tokens[index]))
            index += 1
        }
        return words.joined(separator: " ")
    }

    private mutating func parseCreate() throws(DDLParseError) -> Statement {
        if acceptWord("TABLE") { return .createTable(try parseCreateTable()) }
        if acceptWord("VIEW") { return .createView(try parseCreateView(orReplace: false)) }
        if acceptWords("OR", "REPLACE") {
            if acceptWord("VIEW") { return .createView(try parseCreateView(orReplace: true)) }
            if peekWord("FUNCTION") || peekWord("GLOBAL") { return noSchemaEffect(leadingWords(4)) }
            throw unexpected("expected VIEW after CREATE OR REPLACE")
        }
        if acceptWords("MATERIALIZED", "VIEW") { return .createMaterializedView(try parseCreateMaterializedView()) }
        if acceptWord("INDEX") {
            _ = try acceptIfNotExists()
            let name = try parseIdentifier("an index name")
            try expectWord("ON", "after the index name in CREATE INDEX")
            let table = try parseQualifiedName("a table name")
            let columns = try parseIdentifierList("column", context: "of index `\(name)`")
            return .createIndex(CreateIndexStatement(table: table, index: try parseIndexTail(name: name, columns: columns)))
        }
        if acceptWord("DATABASE") || acceptWord("SCHEMA") {
            let ifNotExists = try acceptIfNotExists()
            let (catalog, name) = try parseDatabaseName()
            var properties: [PropertyClause] = []
            if acceptWord("PROPERTIES") { properties = try parsePropertyList("of database `\(name)`") }
            return .createDatabase(CreateDatabaseStatement(ifNotExists: ifNotExists, catalog: catalog, name: name,
                                                           properties: properties))
        }
        if peekWord("TEMPORARY") {
            // 3.3.1+ `CREATE TEMPORARY TABLE`: the table belongs to the session that created it (dropped when it
            // ends, invisible to SHOW TABLES of other sessions), so it is no part of the schema a migration builds.
            throw error(at: peek(), "CREATE TEMPORARY TABLE creates a session object, not schema: a temporary table "
                + "lives only in the session that created it and no server shows it; remove it from the migration or "
                + "create a regular table")
        }
        if peekWord("EXTERNAL") && peekWord("TABLE", ahead: 1) {
            throw unexpected("external tables are not supported; create an OLAP table instead")
        }
        if peek().kind == .word && Parser.noEffectObjects.contains(upperWord(peek())) {
            return noSchemaEffect(leadingWords(3))
        }
        throw unexpected("expected TABLE, VIEW, MATERIALIZED VIEW, INDEX or DATABASE after CREATE")
    }

    private mutating func parseAlter() throws(DDLParseError) -> Statement {
        if acceptWord("TABLE") { return .alterTable(try parseAlterTable()) }
        if acceptWord("VIEW") { return .alterView(try parseAlterView()) }
        if acceptWords("MATERIALIZED", "VIEW") { return .alterMaterializedView(try parseAlterMaterializedView()) }
        if peekWord("DATABASE") || peekWord("SCHEMA") {
            throw unexpected("altering a database is not supported; rename or change databases outside migrations")
        }
        if peek().kind == .word && Parser.noEffectObjects.contains(upperWord(peek())) {
            return noSchemaEffect(leadingWords(3))
        }
        throw unexpected("expected TABLE, VIEW or MATERIALIZED VIEW after ALTER")
    }

    private mutating func parseDrop() throws(DDLParseError) -> Statement {
        let kind: ObjectKindClause
        if acceptWord("TABLE") {
            kind = .table
        } else if acceptWord("VIEW") {
            kind = .view
        } else if acceptWords("MATERIALIZED", "VIEW") {
            kind = .materializedView
        } else if acceptWord("INDEX") {
            let name = try parseIdentifier("an index name")
            try expectWord("ON", "after the index name in DROP INDEX")
            return .dropIndex(DropIndexStatement(name: name, table: try parseQualifiedName("a table name")))
        } else if acceptWord("DATABASE") || acceptWord("SCHEMA") {
            let ifExists = try acceptIfExists()
            let (catalog, name) = try parseDatabaseName()
            return .dropDatabase(DropDatabaseStatement(ifExists: ifExists, catalog: catalog, name: name,
                                                       force: acceptWord("FORCE")))
        } else if peek().kind == .word && Parser.noEffectObjects.contains(upperWord(peek())) {
            return noSchemaEffect(leadingWords(3))
        } else {
            throw unexpected("expected TABLE, VIEW, MATERIALIZED VIEW, INDEX or DATABASE after DROP")
        }
        let ifExists = try acceptIfExists()
        let name = try parseQualifiedName("the name of the \(kind.rawValue.lowercased()) to drop")
        return .drop(DropStatement(kind: kind, ifExists: ifExists, name: name, force: acceptWord("FORCE")))
    }

    private mutating func parseDatabaseName() throws(DDLParseError) -> (String?, String) {
        let first = try parseIdentifier("a database name")
        if acceptSymbol(UInt8(ascii: ".")) { return (first, try parseIdentifier("a database name")) }
        return (nil, first)
    }
}
