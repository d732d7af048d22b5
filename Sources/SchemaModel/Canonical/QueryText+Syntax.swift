import StarRocksDDL

extension QueryText.Token {
    /// The parser's token for this model token.
    var syntaxToken: SQLToken {
        switch kind {
        case .word: return SQLToken(kind: .word, text: text)
        case .quotedIdentifier: return SQLToken(kind: .quotedIdentifier, text: text)
        case .string: return SQLToken(kind: .string, text: text)
        case .number: return SQLToken(kind: .number, text: text)
        case .symbol: return SQLToken(kind: .symbol, text: text)
        }
    }

    /// The model token for a parser token.
    init(_ token: SQLToken) {
        switch token.kind {
        case .word: self.init(kind: .word, text: token.text)
        case .quotedIdentifier: self.init(kind: .quotedIdentifier, text: token.text)
        case .string: self.init(kind: .string, text: token.text)
        case .number: self.init(kind: .number, text: token.text)
        case .symbol: self.init(kind: .symbol, text: token.text)
        }
    }
}

extension QueryText {
    /// The model query for a parser token stream.
    init(_ tokens: [SQLToken]) {
        self.init(tokens: tokens.map(Token.init))
    }
}
