/// A recursive-descent parser over one statement's tokens at a time.
///
/// The lexer hands over each statement's tokens (up to `;`); the statement parsers below consume them with the
/// helpers in this file. Nesting (parentheses, nested types) is bounded by `maximumDepth` so hostile input fails
/// with an error instead of exhausting the stack.
struct Parser {
    /// The deepest parenthesis or type nesting accepted.
    static let maximumDepth = 200

    var lexer: Lexer
    /// The current statement's tokens.
    var tokens: [LexToken] = []
    /// The current statement's terminating `;` or end of input.
    var endToken = LexToken(kind: .end, start: 0, end: 0, line: 0, lineStart: 0, hasEscapes: false)
    /// Index of the next token in `tokens`.
    var position = 0

    init(bytes: [UInt8], file: String, firstLine: Int) {
        lexer = Lexer(bytes: bytes, file: file, firstLine: firstLine)
    }

    /// Parses every statement of the input.
    mutating func parseAll() throws(DDLParseError) -> [ParsedStatement] {
        var result: [ParsedStatement] = []
        while let end = try lexer.nextStatement(into: &tokens) {
            endToken = end
            position = 0
            if tokens.isEmpty { continue }
            let first = tokens[0]
            let statement = try parseStatement()
            if position < tokens.count {
                throw error(at: tokens[position], "unexpected \(describe(tokens[position])) after the end of the "
                    + "statement; remove it or end the statement with ;")
            }
            let last = tokens[tokens.count - 1]
            let location = lexer.resolver.location(offset: first.start, line: first.line, lineStart: first.lineStart)
            let text = String(decoding: lexer.bytes[first.start..<last.end], as: UTF8.self)
            result.append(ParsedStatement(statement: statement, location: location, text: text))
        }
        return result
    }

    // MARK: - Token access

    /// The token `ahead` positions on, or the statement's end token.
    func peek(_ ahead: Int = 0) -> LexToken {
        let index = position + ahead
        return index < tokens.count ? tokens[index] : endToken
    }

    /// Whether all tokens of the statement are consumed.
    var atEnd: Bool { position >= tokens.count }

    mutating func advance() -> LexToken {
        let token = peek()
        if position < tokens.count { position += 1 }
        return token
    }

    /// Whether the token is the word `keyword` (ASCII, case-insensitive; `keyword` must be upper-case).
    func isWord(_ token: LexToken, _ keyword: StaticString) -> Bool {
        guard token.kind == .word, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        return keyword.withUTF8Buffer { expected -> Bool in
            var index = 0
            while index < expected.count {
                var byte = lexer.bytes[token.start + index]
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { byte -= 32 }
                if byte != expected[index] { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether the token `ahead` positions on is the word `keyword`.
    func peekWord(_ keyword: StaticString, ahead: Int = 0) -> Bool { isWord(peek(ahead), keyword) }

    /// Whether the token is the one-byte symbol `symbol`.
    func isSymbol(_ token: LexToken, _ symbol: UInt8) -> Bool {
        token.kind == .symbol && token.end - token.start == 1 && lexer.bytes[token.start] == symbol
    }

    /// Whether the next token is the one-byte symbol `symbol`.
    func peekSymbol(_ symbol: UInt8, ahead: Int = 0) -> Bool { isSymbol(peek(ahead), symbol) }

    /// Consumes the word `keyword` if it comes next.
    mutating func acceptWord(_ keyword: StaticString) -> Bool {
        if peekWord(keyword) {
            position += 1
            return true
        }
        return false
    }

    /// Consumes the words `keywords` if they all come next.
    mutating func acceptWords(_ first: StaticString, _ second: StaticString, _ third: StaticString? = nil) -> Bool {
        guard peekWord(first), peekWord(second, ahead: 1) else { return false }
        if let third {
            guard peekWord(third, ahead: 2) else { return false }
            position += 3
            return true
        }
        position += 2
        return true
    }

    /// Consumes the symbol if it comes next.
    mutating func acceptSymbol(_ symbol: UInt8) -> Bool {
        if peekSymbol(symbol) {
            position += 1
            return true
        }
        return false
    }

    /// Consumes the word `keyword` or fails saying what was expected where.
    mutating func expectWord(_ keyword: StaticString, _ context: @autoclosure () -> String) throws(DDLParseError) {
        if !acceptWord(keyword) {
            throw unexpected("expected \(keyword) \(context())")
        }
    }

    /// Consumes the symbol or fails saying what was expected where.
    mutating func expectSymbol(_ symbol: UInt8, _ context: @autoclosure () -> String) throws(DDLParseError) {
        if !acceptSymbol(symbol) {
            throw unexpected("expected `\(UnicodeScalar(symbol))` \(context())")
        }
    }

    /// `IF NOT EXISTS`, when it comes next.
    mutating func acceptIfNotExists() throws(DDLParseError) -> Bool {
        guard peekWord("IF") else { return false }
        position += 1
        try expectWord("NOT", "in IF NOT EXISTS")
        try expectWord("EXISTS", "in IF NOT EXISTS")
        return true
    }

    /// `IF EXISTS`, when it comes next.
    mutating func acceptIfExists() throws(DDLParseError) -> Bool {
        guard peekWord("IF") else { return false }
        position += 1
        try expectWord("EXISTS", "in IF EXISTS")
        return true
    }

    // MARK: - Errors

    /// An error at `token`.
    func error(at token: LexToken, _ message: String) -> DDLParseError {
        lexer.resolver.error(at: token.start, line: token.line, lineStart: token.lineStart, message)
    }

    /// An error at the next token: `"<expectation>, found <token>"` plus a hint for truncated statements.
    func unexpected(_ expectation: String, hint: String = "") -> DDLParseError {
        let token = peek()
        if token.kind == .end {
            let message = "\(expectation), but the statement ends here; complete the statement"
            if token.start >= lexer.bytes.count, let last = tokens.last {
                // At the end of the input, point just after the last token rather than at trailing blank lines.
                return lexer.resolver.error(at: last.end, message)
            }
            return error(at: token, message)
        }
        return error(at: token, "\(expectation), found \(describe(token))\(hint)")
    }

    /// How a token is shown in messages.
    func describe(_ token: LexToken) -> String {
        switch token.kind {
        case .end: return token.start >= lexer.bytes.count ? "the end of the input" : "`;`"
        case .string: return "the string \(clipped(lexer.rawText(token)))"
        case .number: return "the number \(clipped(lexer.rawText(token)))"
        case .quotedIdentifier: return clipped(lexer.rawText(token))
        case .word, .symbol: return "`\(clipped(lexer.rawText(token)))`"
        }
    }

    private func clipped(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "..." : text
    }
}
