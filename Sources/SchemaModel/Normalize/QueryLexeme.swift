/// One token of a view or MV query in comparable spelling: words and backticked names lower-cased (StarRocks
/// column and keyword names are case-insensitive), strings single-quoted whatever quote was written.
struct QueryLexeme: Hashable {
    /// The comparable text.
    var text: String
    /// The token's kind as lexed.
    var kind: QueryText.Token.Kind

    /// A lexeme with this text and kind.
    init(text: String, kind: QueryText.Token.Kind) {
        self.text = text
        self.kind = kind
    }

    /// The comparable lexeme of a query token.
    init(_ token: QueryText.Token) {
        switch token.kind {
        case .word, .quotedIdentifier: self.init(text: token.text.lowercased(), kind: token.kind)
        case .string: self.init(text: "'" + token.text + "'", kind: .string)
        case .number, .symbol: self.init(text: token.text, kind: token.kind)
        }
    }

    /// Whether this is the bare word `word` (lower-case).
    func isWord(_ word: String) -> Bool {
        kind == .word && text == word
    }

    /// The text of a bare word; empty for anything else.
    var wordText: String { kind == .word ? text : "" }

    /// A name: a backticked identifier, or a bare word that is not a keyword.
    var isName: Bool {
        kind == .quotedIdentifier || (kind == .word && !QueryLexeme.keywords.contains(text))
    }

    /// Bare words that are SQL syntax in a query, never a table, alias or column name.
    static let keywords: Set<String> = [
        "select", "from", "where", "and", "or", "not", "on", "using", "join", "inner", "outer", "left", "right", "full",
        "cross", "semi", "anti", "natural", "lateral", "group", "by", "order", "having", "limit", "offset", "union",
        "except", "intersect", "minus", "all", "distinct", "as", "case", "when", "then", "else", "end", "in", "is",
        "null", "true", "false", "like", "rlike", "regexp", "between", "exists", "asc", "desc", "nulls", "over", "partition", "rows", "range", "unbounded", "preceding", "following", "current", "row",
        "interval", "with", "recursive", "window", "qualify", "cast", "div", "mod", "xor", "rollup", "cube",
        "grouping", "sets",
    ]
}
