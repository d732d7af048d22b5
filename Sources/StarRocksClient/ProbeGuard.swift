/// Decides, before anything reaches the network, whether a `calibrate` statement stays inside its probe database.
///
/// Allowed: every statement the read-only guard allows; `CREATE DATABASE` of the probe database;
/// `DROP DATABASE [IF EXISTS] x [FORCE]` where `x` is the probe database or a probe database a crashed run left (its
/// name is the prefix followed by `_<digits>_<hex>`); `CREATE TABLE | VIEW | MATERIALIZED VIEW` of an object
/// qualified with the probe database whose every `FROM` (each source of a comma list), `JOIN` and `LIKE` source is
/// qualified with it too.
/// Every database name must be backticked and spelled exactly. Refused: everything else, several statements at once,
/// executable comments, and text it cannot tokenize.
public enum ProbeGuard {
    /// Where a probe writer may write.
    public struct Scope: Sendable, Hashable {
        /// The probe database this run created.
        public var database: String
        /// The prefix of probe databases (`calibrate.database_prefix`); stale ones may be dropped.
        public var prefix: String

        /// Creates a value from its parts.
        public init(database: String, prefix: String) {
            self.database = database
            self.prefix = prefix
        }

        /// Whether `name` is a probe database of this prefix (`<prefix>_<digits>_<hex>`).
        public func isProbeDatabase(_ name: String) -> Bool {
            guard name.hasPrefix(prefix + "_") else { return false }
            let parts = name.dropFirst(prefix.count + 1).split(separator: "_", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isASCIIDigit)
                && !parts[1].isEmpty && parts[1].allSatisfy(\.isHexDigit)
        }
    }

    /// Throws `ClientError.outsideProbeDatabase` unless `sql` stays inside `scope`.
    public static func check(_ sql: String, scope: Scope, environment: String? = nil) throws {
        if case .refused(let reason) = verdict(for: sql, scope: scope) {
            throw ClientError.outsideProbeDatabase(statement: sql, reason: reason, environment: environment)
        }
    }

    /// Whether `sql` (one statement) stays inside `scope`; read both with and without backslash escapes.
    public static func verdict(for sql: String, scope: Scope) -> ReadOnlyGuard.Verdict {
        if ReadOnlyGuard.verdict(for: sql) == .allowed { return .allowed }
        for escapes in [true, false] {
            let tokens: [SQLToken]
            do { tokens = try SQLScanner.tokens(sql, backslashEscapes: escapes) } catch {
                return .refused(reason: error.reason)
            }
            var body = tokens
            while body.last?.isSymbol(";") == true { body.removeLast() }
            if body.contains(where: { $0.isSymbol(";") }) { return .refused(reason: "several statements in one call") }
            let verdict = statement(body, scope: scope)
            if verdict != .allowed { return verdict }
        }
        return .allowed
    }

    private static func statement(_ t: [SQLToken], scope: Scope) -> ReadOnlyGuard.Verdict {
        guard t.count >= 3 else { return .refused(reason: "not a probe statement") }
        if t[0].isWord("CREATE") && t[1].isWord("DATABASE") {
            guard t.count == 3, name(t[2]) == scope.database else {
                return .refused(reason: "CREATE DATABASE of another database than the probe database")
            }
            return .allowed
        }
        if t[0].isWord("DROP") && t[1].isWord("DATABASE") {
            var at = 2
            if at + 1 < t.count, t[at].isWord("IF"), t[at + 1].isWord("EXISTS") { at += 2 }
            guard at < t.count, let target = name(t[at]), target == scope.database || scope.isProbeDatabase(target)
            else { return .refused(reason: "DROP DATABASE of a database that is not a probe database") }
            at += 1
            if at < t.count, t[at].isWord("FORCE") { at += 1 }
            return at == t.count ? .allowed : .refused(reason: "unexpected text after DROP DATABASE")
        }
        guard t[0].isWord("CREATE") else { return .refused(reason: "only CREATE and DROP DATABASE may write") }
        var at = 1
        if t[at].isWord("OR"), at + 1 < t.count, t[at + 1].isWord("REPLACE") { at += 2 }
        if at < t.count, t[at].isWord("EXTERNAL") || t[at].isWord("TEMPORARY") {
            return .refused(reason: "only OLAP tables, views and materialized views are probes")
        }
        if at < t.count, t[at].isWord("TABLE") || t[at].isWord("VIEW") {
            at += 1
        } else if at + 1 < t.count, t[at].isWord("MATERIALIZED"), t[at + 1].isWord("VIEW") {
            at += 2
        } else {
            return .refused(reason: "only tables, views and materialized views may be created")
        }
        if at + 2 < t.count, t[at].isWord("IF"), t[at + 1].isWord("NOT"), t[at + 2].isWord("EXISTS") { at += 3 }
        guard qualified(t, at, scope) else {
            return .refused(reason: "the new object is not qualified with the probe database")
        }
        for index in t.indices where t[index].isWord("FROM") || t[index].isWord("JOIN") || t[index].isWord("LIKE") {
            var next = index + 1
            while true {
                guard next < t.count else { return .refused(reason: "statement ends after \(t[index].text)") }
                if t[next].isSymbol("(") || t[next].kind == .string { break }
                guard qualified(t, next, scope) else {
                    return .refused(reason: "\(t[index].text) names an object outside the probe database")
                }
                // `FROM a [AS] x, b ...`: every source of a comma list is checked too.
                next += 3
                if next < t.count, t[next].isWord("AS") { next += 1 }
                if next < t.count, t[next].kind == .word || t[next].kind == .quotedIdentifier,
                   !clauseWords.contains(t[next].text) { next += 1 }
                guard next < t.count, t[next].isSymbol(",") else { break }
                next += 1
            }
        }
        return .allowed
    }

    /// Words that end a FROM source (so they are not taken for its alias).
    private static let clauseWords: Set<String> = [
        "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "ON", "USING",
        "UNION", "EXCEPT", "INTERSECT", "WINDOW", "QUALIFY", "LATERAL",
    ]

    /// Whether tokens at `at` are `` `probe`.`name` ``.
    private static func qualified(_ t: [SQLToken], _ at: Int, _ scope: Scope) -> Bool {
        at + 2 < t.count && name(t[at]) == scope.database && t[at + 1].isSymbol(".") && name(t[at + 2]) != nil
    }

    /// The name a backticked identifier spells (a doubled backtick is one); `nil` for anything else.
    private static func name(_ token: SQLToken) -> String? {
        guard token.kind == .quotedIdentifier, token.text.count >= 2 else { return nil }
        return String(token.text.dropFirst().dropLast()).replacingOccurrences(of: "``", with: "`")
    }
}

extension Character {
    /// `0`–`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
