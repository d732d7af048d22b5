/// Decoding of token text from source bytes.
extension Lexer {
    /// The token's text: words and numbers as written, strings without quotes and with escapes resolved,
    /// quoted identifiers without backticks.
    func text(_ token: LexToken) -> String {
        switch token.kind {
        case .string, .quotedIdentifier:
            let inner = bytes[(token.start + 1)..<(token.end - 1)]
            if !token.hasEscapes { return String(decoding: inner, as: UTF8.self) }
            return Lexer.unescape(inner, quote: bytes[token.start], backslashEscapes: token.kind == .string)
        case .end:
            return ""
        case .word, .number, .symbol:
            return String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        }
    }

    /// The raw source text of the token, quotes included.
    func rawText(_ token: LexToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// The token as a public `SQLToken`.
    func sqlToken(_ token: LexToken) -> SQLToken {
        let kind: SQLToken.Kind
        switch token.kind {
        case .word: kind = .word
        case .quotedIdentifier: kind = .quotedIdentifier
        case .string: kind = .string
        case .number: kind = .number
        case .symbol, .end: kind = .symbol
        }
        return SQLToken(kind: kind, text: text(token))
    }

    private static func unescape(_ inner: ArraySlice<UInt8>, quote: UInt8, backslashEscapes: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var index = inner.startIndex
        while index < inner.endIndex {
            let byte = inner[index]
            if byte == quote && index + 1 < inner.endIndex && inner[index + 1] == quote {
                out.append(quote)
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\\") && backslashEscapes && index + 1 < inner.endIndex {
                let next = inner[index + 1]
                switch next {
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "0"): out.append(0)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "Z"): out.append(0x1A)
                case UInt8(ascii: "%"), UInt8(ascii: "_"): out.append(UInt8(ascii: "\\")); out.append(next)
                default: out.append(next)
                }
                index += 2
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
