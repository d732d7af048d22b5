/// Expressions (generated columns, partition expressions) printed the FE's way, from the model's text. Two
/// spellings exist in SHOW CREATE TABLE output:
///
/// - **analysed** (`AstToStringBuilder` visiting an analysed expression, as for a generated column): column
///   references are slot references and print backticked (`` date_trunc('day', `event_day`) ``), string literals
///   single-quoted, `CAST(x AS BIGINT)` with the keyword and target type upper-cased;
/// - **as written** (the partition expressions of expression partitioning and of RANGE over a function, which the
///   FE keeps unanalysed): identifiers bare, string literals single-quoted (`date_trunc('month', event_day)`).
enum ExpressionText {
    /// Words that are never column references.
    static let keywords: Set<String> = [
        "AS", "AND", "OR", "NOT", "IN", "IS", "NULL", "CASE", "WHEN", "THEN", "ELSE", "END", "LIKE", "BETWEEN",
        "INTERVAL", "TRUE", "FALSE", "DISTINCT", "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND",
        "MILLISECOND", "MICROSECOND", "CAST", "REGEXP",
    ]

    /// The analysed spelling.
    static func analyzed(_ text: String) -> String {
        render(text, backtickColumns: true)
    }

    /// The as-written spelling.
    static func asWritten(_ text: String) -> String {
        render(text, backtickColumns: false)
    }

    /// A partition expression of expression partitioning: a lone column prints backticked (it is a slot reference
    /// in the partition column list), a function call as written.
    static func partitionExpression(_ text: String) -> String {
        let tokens = StatementTokenizer.tokens(text)
        if tokens.count == 1, tokens[0].isName { return ServerQuoting.backticked(tokens[0].text) }
        return asWritten(text)
    }

    private static func render(_ text: String, backtickColumns: Bool) -> String {
        let tokens = StatementTokenizer.tokens(text)
        var out = ""
        var castDepths: [Int] = []
        var depth = 0
        for (index, token) in tokens.enumerated() {
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if let previous, needsSpace(between: previous, and: token) { out += " " }
            switch token.kind {
            case .string:
                out += "'" + token.text.replacingOccurrences(of: "'", with: "\\'") + "'"
            case .number:
                out += token.text
            case .symbol:
                if token.text == "(" { depth += 1 }
                if token.text == ")" {
                    if castDepths.last == depth { castDepths.removeLast() }
                    depth -= 1
                }
                out += token.text
            case .quotedIdentifier, .word:
                let upper = token.text.uppercased()
                let isCall = next?.text == "(" && token.kind == .word
                let afterCastAs = previous?.isWord("AS") == true && castDepths.last == depth
                if token.kind == .word && upper == "CAST" && isCall {
                    castDepths.append(depth + 1)
                    out += backtickColumns ? "CAST" : token.text
                } else if token.kind == .word && afterCastAs {
                    out += backtickColumns ? upper : token.text
                } else if token.kind == .word && (isCall || keywords.contains(upper)) {
                    out += backtickColumns && upper == "AS" ? "AS" : token.text
                } else {
                    out += backtickColumns ? ServerQuoting.backticked(token.text) : token.text
                }
            }
        }
        return out
    }

    /// Spacing of `Expr.toSql`: `f(a, b)`, `a + b`, `t.c`; no space inside parentheses or before a comma.
    private static func needsSpace(between previous: StatementToken, and token: StatementToken) -> Bool {
        if token.kind == .symbol && [")", ",", "."].contains(token.text) { return false }
        if previous.kind == .symbol && ["(", "."].contains(previous.text) { return false }
        if token.kind == .symbol && token.text == "(" {
            return !(previous.kind == .word && !keywords.contains(previous.text.uppercased()))
                && !(previous.kind == .word && previous.text.uppercased() == "CAST")
        }
        return true
    }
}
