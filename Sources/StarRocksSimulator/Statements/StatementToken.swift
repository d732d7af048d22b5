/// One lexical token of a statement the simulator received, with its byte range in the statement's UTF-8 text.
///
/// A deliberate second tokenizer (the project's one SQL lexer is StarRocksDDL's): the simulator answers for a
/// StarRocks server in tests, so the statements it routes are read by code that the tool under test does not share.
struct StatementToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Keyword or bare identifier.
        case word
        /// A backticked identifier (text without backticks).
        case quotedIdentifier
        /// A string literal in single or double quotes (text without quotes, escapes resolved).
        case string
        case number
        /// Punctuation, operators and `@@`-variables' `@` signs.
        case symbol
    }

    var kind: Kind
    var text: String
    /// UTF-8 offsets of the token in its statement.
    var start: Int
    var end: Int

    /// Whether the token is the bare word `keyword` (case-insensitive).
    func isWord(_ keyword: String) -> Bool {
        kind == .word && text.uppercased() == keyword
    }

    /// Whether the token can name an object (a bare word or a backticked identifier).
    var isName: Bool { kind == .word || kind == .quotedIdentifier }
}

/// Splits a statement into tokens; comments (`-- `, `#`, `/* */`) are skipped. Never fails: an unterminated
/// literal runs to the end of the text.
enum StatementTokenizer {
    static func tokens(_ text: String) -> [StatementToken] {
        let bytes = Array(text.utf8)
        var tokens: [StatementToken] = []
        var i = 0
        func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                i += 1
            } else if byte == UInt8(ascii: "-") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-")
                        || byte == UInt8(ascii: "#") {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            } else if byte == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i = min(bytes.count, i + 2)
            } else if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                let start = i
                var value: [UInt8] = []
                i += 1
                while i < bytes.count {
                    if bytes[i] == byte {
                        if i + 1 < bytes.count && bytes[i + 1] == byte {
                            value.append(byte)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    if bytes[i] == UInt8(ascii: "\\") && byte != UInt8(ascii: "`") && i + 1 < bytes.count {
                        value.append(unescape(bytes[i + 1]))
                        i += 2
                        continue
                    }
                    value.append(bytes[i])
                    i += 1
                }
                let kind: StatementToken.Kind = byte == UInt8(ascii: "`") ? .quotedIdentifier : .string
                tokens.append(StatementToken(kind: kind, text: String(decoding: value, as: UTF8.self), start: start, end: i))
            } else if isDigit(byte) {
                let start = i
                while i < bytes.count && (isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ".")) { i += 1 }
                tokens.append(StatementToken(kind: .number, text: string(start, i), start: start, end: i))
            } else if isWordByte(byte) {
                let start = i
                while i < bytes.count && (isWordByte(bytes[i]) || isDigit(bytes[i])) { i += 1 }
                tokens.append(StatementToken(kind: .word, text: string(start, i), start: start, end: i))
            } else {
                let start = i
                let pair = i + 1 < bytes.count ? string(i, i + 2) : ""
                i += ["<>", "!=", "<=", ">=", "@@"].contains(pair) ? 2 : 1
                tokens.append(StatementToken(kind: .symbol, text: string(start, i), start: start, end: i))
            }
        }
        return tokens
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    private static func unescape(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "0"): return 0x00
        default: return byte
        }
    }
}
