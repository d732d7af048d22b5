/// View and MV query rules: queries are compared as normalized token streams.
extension Normalize {
    /// How two queries compare after normalization.
    public enum QueryComparison: Hashable, Sendable {
        /// The same after normalization.
        case same
        /// Different; both normalized texts, for people.
        case different(expected: String, actual: String)
        /// The server rewrote the query in a way the rules cannot undo; the reason says how.
        case notComparable(reason: String)
    }

    /// Compares an expected and an actual query (see `query(_:)` for the rules). A `SELECT *` that the server
    /// expanded into a column list (3.x rewrites, sample 06) cannot be matched token by token: `.notComparable`.
    public static func compareQueries(expected: QueryText, actual: QueryText) -> QueryComparison {
        let left = query(expected)
        let right = query(actual)
        if left == right { return .same }
        if hasStarItem(left) != hasStarItem(right) {
            return .notComparable(reason: "the server expanded SELECT * into a column list, so the query text cannot "
                + "be compared; name the columns in the migration to make it comparable")
        }
        return .different(expected: left.joined(separator: " "), actual: right.joined(separator: " "))
    }

    /// A query as normalized tokens. Folds what 3.x servers add when they store a view or MV query (samples 04, 06,
    /// 19, corpus MV cases; 4.x keeps the original text, which these rules leave as it is):
    /// - backticks, keyword and identifier case, whitespace and newlines, a trailing `;`, wrapping parentheses;
    /// - qualifiers: ``SELECT `t1`.`dt` FROM `db`.`t1` `` ≡ `SELECT dt FROM t1` (`stripQualifiers`);
    /// - aliases the server adds: ``sum(`t1`.`num`) AS `sum(num)` `` ≡ `sum(num)` (`dropEchoAliases`);
    /// - `AS` before aliases: `FROM t AS t0` ≡ `FROM t t0`; `INNER JOIN` ≡ `JOIN`, `LEFT OUTER JOIN` ≡ `LEFT JOIN`;
    /// - default arguments the printer adds (`foldingDefaultArguments`: `dictionary_get`, `time_slice`).
    public static func query(_ query: QueryText) -> [String] {
        var tokens = query.tokens.map(queryToken)
        while tokens.last == ";" { tokens.removeLast() }
        tokens = stripQualifiers(tokens)
        tokens = foldingDefaultArguments(tokens, text: { $0 }, isString: { $0.hasPrefix("'") },
                                         word: { $0 }, comma: ",")
        tokens = dropEchoAliases(tokens)
        tokens = foldJoins(tokens.filter { $0 != "as" })
        while tokens.count >= 2, tokens.first == "(", tokens.last == ")", closes(tokens, at: 0) == tokens.count - 1 {
            tokens = Array(tokens.dropFirst().dropLast())
        }
        return tokens
    }

    /// One token's comparable text: words and identifiers lower-cased, strings single-quoted.
    static func queryToken(_ token: QueryText.Token) -> String {
        switch token.kind {
        case .word, .quotedIdentifier: return token.text.lowercased()
        case .string: return "'" + token.text + "'"
        case .number, .symbol: return token.text
        }
    }

    /// Drops `a.` from `a.b` (and `a.b.` from `a.b.c`, `t.` from `t.*`): the 3.x server qualifies every column with its
    /// table and every table with its database.
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

    /// Drops `AS alias` where the alias only repeats the select item (3.x adds ``AS `sum(num)` `` for `sum(num)`;
    /// 2.x added `` AS `k1` `` for every plain column).
    static func dropEchoAliases(_ tokens: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            if tokens[index] == "as", index + 1 < tokens.count, let start = itemStart(out) {
                let item = out[start...].joined()
                if compact(tokens[index + 1]) == item {
                    index += 2
                    continue
                }
            }
            out.append(tokens[index])
            index += 1
        }
        return out
    }

    /// Where the select item that ends at the end of `tokens` starts: after the nearest `select`, `distinct` or `,` at
    /// the same parenthesis depth; `nil` when there is no such item.
    static func itemStart(_ tokens: [String]) -> Int? {
        var depth = 0
        var index = tokens.count - 1
        while index >= 0 {
            let token = tokens[index]
            if token == ")" { depth += 1 }
            if token == "(" {
                if depth == 0 { return nil }
                depth -= 1
            }
            if depth == 0 && (token == "," || token == "select" || token == "distinct") {
                return index + 1 < tokens.count ? index + 1 : nil
            }
            index -= 1
        }
        return nil
    }

    /// An alias in the same spelling as a joined item: no spaces or backticks, lower-case, qualifiers dropped.
    static func compact(_ alias: String) -> String {
        let tokens = ExpressionLexer.tokens(alias).map { token -> String in
            token.kind == .string ? token.rendered : token.text
        }
        return stripQualifiers(tokens).joined()
    }

    /// `inner join` → `join`; `left|right|full outer join` → `left|right|full join`.
    static func foldJoins(_ tokens: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        for token in tokens {
            if token == "join", let last = out.last, last == "inner" || last == "outer" {
                out.removeLast()
            }
            out.append(token)
        }
        return out
    }

    /// Whether a `*` stands as a select item (not `count(*)`, not a product).
    static func hasStarItem(_ tokens: [String]) -> Bool {
        for (index, token) in tokens.enumerated() where token == "*" && index > 0 {
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

    /// A token that can be a name: starts with a letter, `_` or `$`, or is any backticked name (already unquoted).
    static func isIdentifier(_ token: String) -> Bool {
        guard let first = token.first else { return false }
        return (first.isLetter || first == "_" || first == "$") && !sqlKeywords.contains(token)
    }

    /// Keywords that can never be qualifiers.
    static let sqlKeywords: Set<String> = ["select", "from", "where", "and", "or", "not", "on", "join", "group", "by",
                                           "order", "having", "limit", "union", "all", "as", "case", "when", "then",
                                           "else", "end", "in", "is", "null", "distinct"]
}
