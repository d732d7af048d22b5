/// Decides, before anything reaches the network, whether a statement can only read.
///
/// Allowed: `SELECT` / `WITH … SELECT` (no `INTO`, no locking clause, no sequence or lock functions), `SHOW`,
/// `ADMIN SHOW`, `DESCRIBE`/`DESC`/`EXPLAIN` of a table or of an allowed query (never `EXPLAIN ANALYZE`, which runs
/// the statement), `SET` of session or user variables, `SET NAMES`/`CHARACTER SET`, `SET CATALOG`, and `USE`.
/// Refused: everything else, several statements at once, executable comments, and text it cannot tokenize.
public enum ReadOnlyGuard {
    /// The guard's decision about one piece of SQL text.
    public enum Verdict: Sendable, Hashable {
        /// The statement can only read.
        case allowed
        /// The statement might change something (or cannot be understood); `reason` says why.
        case refused(reason: String)
    }

    /// Functions that change state even inside a SELECT (MariaDB sequences, named locks).
    static let sideEffectFunctions: Set<String> = [
        "NEXTVAL", "SETVAL", "GET_LOCK", "RELEASE_LOCK", "RELEASE_ALL_LOCKS",
    ]
    /// Words that begin a data-changing statement.
    static let writeKeywords: Set<String> = [
        "INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "UPSERT", "LOAD", "CREATE", "ALTER", "DROP", "TRUNCATE",
        "RENAME", "GRANT", "REVOKE", "CALL", "DO", "HANDLER", "LOCK", "UNLOCK", "KILL", "ADMIN", "SUBMIT", "CACHE",
    ]

    /// Throws `ClientError.readOnlyViolation` unless `sql` is allowed.
    public static func check(_ sql: String, environment: String? = nil) throws {
        if case .refused(let reason) = verdict(for: sql) {
            throw ClientError.readOnlyViolation(statement: sql, reason: reason, environment: environment)
        }
    }

    /// Whether `sql` (exactly one statement, optionally ending in `;`) can only read. The text is read both with and
    /// without backslash escapes in strings (the server's sql_mode decides), and must be allowed both ways.
    public static func verdict(for sql: String) -> Verdict {
        let verdict = verdict(for: sql, backslashEscapes: true)
        guard verdict == .allowed else { return verdict }
        return self.verdict(for: sql, backslashEscapes: false)
    }

    private static func verdict(for sql: String, backslashEscapes: Bool) -> Verdict {
        let tokens: [SQLToken]
        do {
            tokens = try SQLScanner.tokens(sql, backslashEscapes: backslashEscapes)
        } catch {
            return .refused(reason: error.reason)
        }
        var statements: [[SQLToken]] = [[]]
        for token in tokens {
            if token.isSymbol(";") { statements.append([]) } else { statements[statements.count - 1].append(token) }
        }
        statements.removeAll { $0.isEmpty }
        guard !statements.isEmpty else { return .refused(reason: "empty statement") }
        guard statements.count == 1 else { return .refused(reason: "several statements in one call") }
        return verdict(statement: statements[0][...])
    }

    /// `sql` with every quoted literal replaced by `'?'`, so messages never echo a value (such as a password).
    public static func redactingLiterals(_ sql: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for c in sql {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" {
                quote = c
                out += "'?'"
            } else {
                out.append(c)
            }
        }
        return out
    }

    private static func verdict(statement t: ArraySlice<SQLToken>) -> Verdict {
        guard let first = t.first else { return .refused(reason: "empty statement") }
        if first.isSymbol("(") { return query(t) }
        guard first.kind == .word else { return .refused(reason: "a statement must begin with a keyword") }
        switch first.text {
        case "SELECT", "WITH": return query(t)
        case "SHOW", "USE": return .allowed
        case "ADMIN":
            return t.dropFirst().first?.isWord("SHOW") == true
                ? .allowed : .refused(reason: "ADMIN statements other than ADMIN SHOW change the server")
        case "DESC", "DESCRIBE", "EXPLAIN": return explain(t.dropFirst())
        case "SET": return set(t.dropFirst())
        default:
            return .refused(reason: "\(first.text) statements are not read-only")
        }
    }

    /// A SELECT or WITH query (possibly parenthesized): refuses INTO, locking reads and side-effect functions.
    private static func query(_ t: ArraySlice<SQLToken>) -> Verdict {
        let tokens = Array(t)
        if let main = mainStatementStart(tokens), !(main.isWord("SELECT") || main.isSymbol("(")) {
            return .refused(reason: "a WITH clause must introduce a SELECT")
        }
        for (n, token) in tokens.enumerated() {
            let next = n + 1 < tokens.count ? tokens[n + 1] : nil
            guard token.kind == .word else { continue }
            switch token.text {
            case "INTO": return .refused(reason: "SELECT … INTO writes files or variables")
            case "FOR" where next?.isWord("UPDATE") == true || next?.isWord("SHARE") == true:
                return .refused(reason: "SELECT … FOR \(next!.text) locks rows")
            case "LOCK" where next?.isWord("IN") == true:
                return .refused(reason: "SELECT … LOCK IN SHARE MODE locks rows")
            case "NEXT" where next?.isWord("VALUE") == true:
                return .refused(reason: "NEXT VALUE FOR advances a sequence")
            case let name where sideEffectFunctions.contains(name) && next?.isSymbol("(") == true:
                return .refused(reason: "\(name)() changes server state")
            default: continue
            }
        }
        return .allowed
    }

    /// For `WITH …`, the first token of the statement the common table expressions introduce.
    private static func mainStatementStart(_ tokens: [SQLToken]) -> SQLToken? {
        guard tokens.first?.isWord("WITH") == true else { return nil }
        var depth = 0
        var n = 0
        while n < tokens.count {
            let token = tokens[n]
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") {
                depth -= 1
                if depth == 0, n + 1 < tokens.count {
                    let next = tokens[n + 1]
                    if !(next.isSymbol(",") || next.isWord("AS")) { return next }
                }
            }
            n += 1
        }
        return nil
    }

    /// `DESCRIBE table`, `EXPLAIN [options] <query>`; never `EXPLAIN ANALYZE` (it runs the statement).
    private static func explain(_ t: ArraySlice<SQLToken>) -> Verdict {
        let options: Set<String> = [
            "EXTENDED", "PARTITIONS", "FORMAT", "JSON", "TRADITIONAL", "TREE", "VERBOSE", "COSTS", "LOGICAL",
        ]
        var rest = t
        while let token = rest.first, token.isSymbol("=") || (token.kind == .word && options.contains(token.text)) {
            rest = rest.dropFirst()
        }
        guard let target = rest.first else { return .allowed }
        if target.isWord("ANALYZE") { return .refused(reason: "EXPLAIN ANALYZE runs the statement it explains") }
        if target.isWord("SELECT") || target.isWord("WITH") || target.isSymbol("(") { return query(rest) }
        if target.kind == .word && writeKeywords.contains(target.text) {
            return .refused(reason: "only queries may be explained")
        }
        return .allowed
    }

    /// `SET` of session or user variables, `SET NAMES`, `SET CHARACTER SET`, `SET CATALOG`; every comma-separated
    /// assignment is checked.
    private static func set(_ t: ArraySlice<SQLToken>) -> Verdict {
        guard !t.isEmpty else { return .refused(reason: "SET without a variable") }
        if case .refused(let reason) = query(t) { return .refused(reason: reason) }
        var items: [[SQLToken]] = [[]]
        var depth = 0
        for token in t {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if token.isSymbol(","), depth == 0 { items.append([]) } else { items[items.count - 1].append(token) }
        }
        for item in items {
            if case .refused(let reason) = setItem(item[...]) { return .refused(reason: reason) }
        }
        return .allowed
    }

    /// One `name = value` (or `NAMES …`, `CATALOG …`) of a SET statement: session scope only.
    private static func setItem(_ item: ArraySlice<SQLToken>) -> Verdict {
        var rest = item
        guard var head = rest.first else { return .refused(reason: "SET with an empty assignment") }
        if head.kind == .word {
            switch head.text {
            case "NAMES", "CHARSET", "CATALOG": return .allowed
            case "CHARACTER" where rest.dropFirst().first?.isWord("SET") == true: return .allowed
            case "GLOBAL", "PERSIST", "PERSIST_ONLY":
                return .refused(reason: "SET \(head.text) changes the server for everyone")
            case "PASSWORD": return .refused(reason: "SET PASSWORD changes an account")
            case "ROLE", "DEFAULT": return .refused(reason: "SET \(head.text) changes roles")
            case "PROPERTY": return .refused(reason: "SET PROPERTY changes a user's stored properties")
            case "STATEMENT": return .refused(reason: "SET STATEMENT … FOR runs another statement")
            case "TRANSACTION": return .refused(reason: "SET TRANSACTION is not needed for reading")
            case "SESSION", "LOCAL":
                rest = rest.dropFirst()
                guard let next = rest.first else { return .refused(reason: "SET \(head.text) without a variable") }
                if next.isWord("TRANSACTION") { return .refused(reason: "SET TRANSACTION is not needed for reading") }
                head = next
            default: break
            }
        }
        if head.kind == .variable {
            let name = head.text
            if name.hasPrefix("@@") {
                let scoped = name.dropFirst(2)
                if let dot = scoped.firstIndex(of: "."), !["session", "local"].contains(scoped[..<dot]) {
                    return .refused(reason: "SET \(name) is not a session variable")
                }
            }
        } else if head.kind != .word && head.kind != .quotedIdentifier {
            return .refused(reason: "unrecognized SET form")
        }
        let afterName = rest.dropFirst().first
        guard afterName?.isSymbol("=") == true || afterName?.isSymbol(":") == true else {
            return .refused(reason: "unrecognized SET form")
        }
        return .allowed
    }
}
