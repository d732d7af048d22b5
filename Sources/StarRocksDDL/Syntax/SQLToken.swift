/// One lexical token of an expression or query kept as a token stream.
///
/// ```sql
/// date_trunc('day', `k1`)   -- word, symbol, string, symbol, quotedIdentifier, symbol
/// ```
public struct SQLToken: Hashable, Sendable {
    /// What kind of token this is.
    public enum Kind: Hashable, Sendable {
        /// A bare word: keyword or unquoted identifier, as written (case kept).
        case word
        /// A backticked identifier; `text` is without backticks.
        case quotedIdentifier
        /// A string literal in either quote; `text` is without quotes, escapes resolved.
        case string
        /// A numeric literal as written (`42`, `1.5`, `1e3`), without sign.
        case number
        /// Punctuation or an operator: `(`, `)`, `,`, `.`, `>=`, `+`, ...
        case symbol
    }

    /// The token's kind.
    public var kind: Kind
    /// The token's text (see `Kind` for what is stripped).
    public var text: String

    /// Creates a token.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// An expression kept as written, as a token stream (partition expressions, generated columns, DEFAULT (expr)).
///
/// ```sql
/// from_unixtime_ms(create_time)
/// ```
public struct ExpressionClause: Hashable, Sendable, CustomStringConvertible {
    /// The expression's tokens in source order (comments dropped).
    public var tokens: [SQLToken]

    /// Creates an expression from tokens.
    public init(tokens: [SQLToken]) {
        self.tokens = tokens
    }

    /// Canonical, re-parseable text: tokens joined by single spaces except around `(`, `)`, `,`, `.`;
    /// strings single-quoted, quoted identifiers backticked.
    public var text: String { TokenText.render(tokens) }

    /// Same as `text`.
    public var description: String { text }

    /// The single identifier this expression consists of (`dt` or `` `dt` ``), or `nil` for anything else.
    public var identifier: String? {
        guard tokens.count == 1, tokens[0].kind == .word || tokens[0].kind == .quotedIdentifier else { return nil }
        return tokens[0].text
    }
}

/// A query (view, materialized view or CTAS body) kept as a token stream.
///
/// ```sql
/// SELECT dt, sum(num) FROM t1 GROUP BY dt
/// ```
public struct QueryClause: Hashable, Sendable, CustomStringConvertible {
    /// The query's tokens in source order (comments dropped, trailing `;` excluded).
    public var tokens: [SQLToken]

    /// Creates a query from tokens.
    public init(tokens: [SQLToken]) {
        self.tokens = tokens
    }

    /// Canonical, re-parseable text (see `ExpressionClause.text`).
    public var text: String { TokenText.render(tokens) }

    /// Same as `text`.
    public var description: String { text }
}

/// Renders token streams as canonical text.
enum TokenText {
    /// Joins tokens with single spaces, without spaces after `(` and `.`, before `)`, `,` and `.`, and between a
    /// name and the `(` of its call. Two symbols are always separated so the text re-lexes to the same tokens.
    static func render(_ tokens: [SQLToken]) -> String {
        var out = ""
        var previous: SQLToken?
        for token in tokens {
            if let previous, needsSpace(previous, token) { out += " " }
            switch token.kind {
            case .quotedIdentifier: out += SQLQuoting.backticked(token.text)
            case .string: out += SQLQuoting.singleQuoted(token.text)
            case .word, .number, .symbol: out += token.text
            }
            previous = token
        }
        return out
    }

    private static func needsSpace(_ previous: SQLToken, _ token: SQLToken) -> Bool {
        if previous.kind == .symbol && (previous.text == "(" || previous.text == ".") { return false }
        if token.kind == .symbol && (token.text == ")" || token.text == "," || token.text == ".") { return false }
        if token.kind == .symbol && token.text == "(" {
            if previous.kind == .quotedIdentifier { return false }
            if previous.kind == .word { return keywordsBeforeParenthesis.contains(previous.text.uppercased()) }
        }
        return true
    }

    /// Words that are kept apart from a following `(` because they are keywords, not function names.
    private static let keywordsBeforeParenthesis: Set<String> = [
        "AS", "IN", "AND", "OR", "NOT", "ON", "FROM", "WHERE", "SELECT", "JOIN", "EXISTS", "THEN", "WHEN", "ELSE",
        "BY", "UNION", "ALL", "WITH", "VALUES", "USING", "HAVING", "EXCEPT", "INTERSECT", "DISTINCT", "IS", "LIKE",
        "CASE", "END", "OVER", "LATERAL", "INTO", "SET",
    ]
}
