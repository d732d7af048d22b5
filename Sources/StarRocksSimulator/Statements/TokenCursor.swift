/// Walks a statement's tokens for the small grammar the simulator understands.
struct TokenCursor {
    let tokens: [StatementToken]
    private(set) var position = 0

    init(_ tokens: [StatementToken]) { self.tokens = tokens }

    var current: StatementToken? { position < tokens.count ? tokens[position] : nil }

    /// True when only an optional `;` remains.
    var atEnd: Bool {
        position >= tokens.count || (position == tokens.count - 1 && tokens[position].text == ";")
    }

    mutating func advance() { position += 1 }

    /// Consumes the word sequence `words` when it comes next.
    mutating func accept(_ words: String...) -> Bool {
        var probe = position
        for word in words {
            guard probe < tokens.count, tokens[probe].isWord(word) else { return false }
            probe += 1
        }
        position = probe
        return true
    }

    /// Consumes the symbol `symbol` when it comes next.
    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard let token = current, token.kind == .symbol, token.text == symbol else { return false }
        position += 1
        return true
    }

    /// A name: a word or backticked identifier.
    mutating func name() -> String? {
        guard let token = current, token.isName else { return nil }
        position += 1
        return token.text
    }

    /// `[catalog.][db.]name` as its parts (1 to 3).
    mutating func qualifiedName() -> [String]? {
        guard var part = name() else { return nil }
        var parts = [part]
        while parts.count < 3, acceptSymbol(".") {
            guard let next = name() else { return nil }
            part = next
            parts.append(part)
        }
        return parts
    }

    /// A string literal or a bare word/number used as a value.
    mutating func literal() -> String? {
        guard let token = current, token.kind != .symbol else { return nil }
        position += 1
        return token.text
    }
}
