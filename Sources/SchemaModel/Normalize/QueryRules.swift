import StarRocksDDL

/// View and MV query rules: queries are compared by meaning, as resolved token streams.
extension Normalize {
    /// How two queries compare after normalization.
    public enum QueryComparison: Hashable, Sendable {
        /// The same after normalization.
        case same
        /// Different; both normalized texts, for people.
        case different(expected: String, actual: String)
        /// The server rewrote the query in a way the rules cannot undo, or a name could not be resolved with
        /// confidence; the reason says how.
        case notComparable(reason: String)
    }

    /// Compares an expected and an actual query of a view or MV that lives in `database` (see `query(_:database:)`).
    /// Each side's names are resolved against its own tables (`expectedTables`, `actualTables`). Not comparable:
    /// a `SELECT *` that the server expanded into a column list (3.x rewrites), and texts that differ only where one
    /// side names a column the rules could not tie to one table (docs/starrocks-behaviour.md#query-rewrite).
    public static func compareQueries(expected: QueryText, actual: QueryText, database: String,
                                      expectedTables: QueryTables = .none,
                                      actualTables: QueryTables = .none) -> QueryComparison {
        let left = resolvedQuery(expected, database: database, tables: expectedTables)
        let right = resolvedQuery(actual, database: database, tables: actualTables)
        let leftText = left.map(\.text), rightText = right.map(\.text)
        if leftText == rightText { return .same }
        if hasStarItem(leftText) != hasStarItem(rightText) {
            return .notComparable(reason: "the server expanded SELECT * into a column list, so the query text cannot "
                + "be compared; name the columns in the migration to make it comparable")
        }
        if let column = unresolvedDifference(left, right) {
            return .notComparable(reason: "column \(column) could not be tied to one table of its FROM clause, and the "
                + "other side names its table; qualify it (table.\(column)) in the migration to make the query comparable")
        }
        return .different(expected: leftText.joined(separator: " "), actual: rightText.joined(separator: " "))
    }

    /// A query as normalized, resolved tokens (see `QueryResolver` for names). First the lexical rules, which fold
    /// what 3.x servers add when they store a view or MV query (docs/starrocks-behaviour.md#query-rewrite; 4.x keeps
    /// the original text, which these rules leave as it is):
    /// - backticks, keyword and identifier case, whitespace and newlines, a trailing `;`, wrapping parentheses;
    /// - aliases the server adds: ``sum(`t1`.`num`) AS `sum(num)` `` ≡ `sum(num)` (`dropEchoAliases`);
    /// - `AS` before aliases: `FROM t AS t0` ≡ `FROM t t0`; `INNER JOIN` ≡ `JOIN`, `LEFT OUTER JOIN` ≡ `LEFT JOIN`
    ///   (`foldJoins`); `<>` ≡ `!=` (3.x prints `!=`); `ORDER BY x ASC` ≡ `ORDER BY x` (3.x prints the default `ASC`,
    ///   as recorded 3.x MV output shows);
    /// - default arguments the printer adds (`foldingDefaultArguments`: `dictionary_get`, `time_slice`).
    public static func query(_ query: QueryText, database: String, tables: QueryTables = .none) -> [String] {
        resolvedQuery(query, database: database, tables: tables).map(\.text)
    }

    static func resolvedQuery(_ query: QueryText, database: String, tables: QueryTables) -> [ResolvedToken] {
        var lexemes = query.tokens.map(QueryLexeme.init)
        while lexemes.last?.text == ";" { lexemes.removeLast() }
        while lexemes.count >= 2, lexemes.first?.text == "(", lexemes.last?.text == ")",
              closes(lexemes.map(\.text), at: 0) == lexemes.count - 1 {
            lexemes = Array(lexemes.dropFirst().dropLast())
        }
        lexemes = foldOperators(lexemes)
        lexemes = foldingDefaultArguments(lexemes, text: \.text, isString: { $0.kind == .string },
                                          word: { QueryLexeme(text: $0, kind: .word) },
                                          comma: QueryLexeme(text: ",", kind: .symbol))
        lexemes = foldJoins(lexemes)
        lexemes = dropEchoAliases(lexemes)
        let resolved = QueryResolver(lexemes: lexemes, database: database, tables: tables).resolve()
        return resolved.filter { $0.isUnresolvedColumn || $0.text != "as" }
    }

    /// `<>` → `!=`; a default `ASC` dropped (3.x: ``ORDER BY `db`.`t`.`k` ASC``).
    static func foldOperators(_ lexemes: [QueryLexeme]) -> [QueryLexeme] {
        lexemes.compactMap { lexeme in
            if lexeme.kind == .symbol && lexeme.text == "<>" { return QueryLexeme(text: "!=", kind: .symbol) }
            if lexeme.isWord("asc") { return nil }
            return lexeme
        }
    }

    /// `inner join` → `join`; `left|right|full outer join` → `left|right|full join`.
    static func foldJoins(_ lexemes: [QueryLexeme]) -> [QueryLexeme] {
        var out: [QueryLexeme] = []
        out.reserveCapacity(lexemes.count)
        for lexeme in lexemes {
            if lexeme.isWord("join"), let last = out.last, last.isWord("inner") || last.isWord("outer") {
                out.removeLast()
            }
            out.append(lexeme)
        }
        return out
    }

    /// Drops `AS alias` where the alias only repeats the select item, qualifiers aside (3.x adds ``AS `sum(num)` ``
    /// for `sum(num)`, ``AS `concat(test.tbl1.k1, test.tbl1.k2)` `` for that call; 2.x added `` AS `k1` `` for
    /// every plain column).
    static func dropEchoAliases(_ lexemes: [QueryLexeme]) -> [QueryLexeme] {
        var out: [QueryLexeme] = []
        out.reserveCapacity(lexemes.count)
        var index = 0
        while index < lexemes.count {
            if lexemes[index].isWord("as"), index + 1 < lexemes.count, let start = itemStart(out),
               let alias = compact(lexemes[index + 1]),
               stripQualifiers(out[start...].map(\.text)).joined() == alias {
                index += 2
                continue
            }
            out.append(lexemes[index])
            index += 1
        }
        return out
    }

    /// Where the select item that ends at the end of `lexemes` starts: after the nearest `select`, `distinct` or `,`
    /// at the same parenthesis depth; `nil` when there is no such item.
    static func itemStart(_ lexemes: [QueryLexeme]) -> Int? {
        var depth = 0
        var index = lexemes.count - 1
        while index >= 0 {
            let lexeme = lexemes[index]
            if lexeme.text == ")" { depth += 1 }
            if lexeme.text == "(" {
                if depth == 0 { return nil }
                depth -= 1
            }
            if depth == 0 && (lexeme.text == "," || lexeme.isWord("select") || lexeme.isWord("distinct")) {
                return index + 1 < lexemes.count ? index + 1 : nil
            }
            index -= 1
        }
        return nil
    }

    /// An alias in the spelling `dropEchoAliases` compares items in: lexed by the parser's lexer, lower-case,
    /// qualifiers dropped, joined without spaces; `nil` when it does not lex.
    static func compact(_ alias: QueryLexeme) -> String? {
        guard let tokens = SQLLexer.tokens(alias.text) else { return nil }
        return stripQualifiers(tokens.map { QueryLexeme(QueryText.Token($0)).text }).joined()
    }

    /// Drops `a.` from `a.b` (and `a.b.` from `a.b.c`, `t.` from `t.*`): only for telling whether an alias echoes
    /// its item, never for comparing.
    static func stripQualifiers(_ tokens: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            if index + 2 < tokens.count, tokens[index + 1] == ".", isIdentifier(tokens[index]),
               isIdentifier(tokens[index + 2]) || tokens[index + 2] == "*" {
                index += 2
                continue
            }
            out.append(tokens[index])
            index += 1
        }
        return out
    }

    /// The column of the first place where the two sides differ only because one side kept a column it could not
    /// resolve (`k1`) and the other resolved it (`db.t.k1`), if every difference is of that kind.
    static func unresolvedDifference(_ left: [ResolvedToken], _ right: [ResolvedToken]) -> String? {
        guard left.count == right.count else { return nil }
        var column: String?
        for (one, other) in zip(left, right) where one.text != other.text {
            let (bare, full) = one.isUnresolvedColumn ? (one, other) : (other, one)
            guard bare.isUnresolvedColumn, full.text.hasSuffix("." + bare.text) else { return nil }
            column = column ?? bare.text
        }
        return column
    }

    /// Whether a `*` stands as a select item (not `count(*)`, not a product); `t.*` counts.
    static func hasStarItem(_ tokens: [String]) -> Bool {
        for (index, token) in tokens.enumerated() where (token == "*" || token.hasSuffix(".*")) && index > 0 {
            let before = tokens[index - 1]
            let after = index + 1 < tokens.count ? tokens[index + 1] : "from"
            if (before == "select" || before == "," || before == "distinct") && (after == "," || after == "from") {
                return true
            }
        }
        return false
    }

    /// The index of the `)` matching the `(` at `open`.
    static func closes(_ tokens: [String], at open: Int) -> Int? {
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index] == "(" { depth += 1 }
            if tokens[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// A token that can be a name: starts with a letter, `_` or `$`, and is not a keyword that can never qualify.
    static func isIdentifier(_ token: String) -> Bool {
        guard let first = token.first else { return false }
        return (first.isLetter || first == "_" || first == "$") && !QueryLexeme.keywords.contains(token)
    }
}
