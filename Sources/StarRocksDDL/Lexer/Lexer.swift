/// Splits UTF-8 source bytes into tokens, one statement (up to `;`) at a time.
///
/// Comments (`--`, `#`, `/* */`) and whitespace are skipped. Strings take either quote with backslash escapes and
/// doubled quotes; backticked identifiers take doubled backticks.
struct Lexer {
    let bytes: [UInt8]
    var resolver: LocationResolver
    private(set) var offset = 0
    private var line = 0
    private var lineStart = 0

    init(bytes: [UInt8], file: String, firstLine: Int) {
        self.bytes = bytes
        self.resolver = LocationResolver(bytes: bytes, file: file, firstLine: firstLine)
    }

    /// Lexes the next statement's tokens (without its `;`) and returns them with the terminating `.end` token,
    /// or `nil` at the end of input.
    mutating func nextStatement(into tokens: inout [LexToken]) throws(DDLParseError) -> LexToken? {
        tokens.removeAll(keepingCapacity: true)
        while true {
            guard let token = try next() else {
                if tokens.isEmpty { return nil }
                return LexToken(kind: .end, start: bytes.count, end: bytes.count, line: line, lineStart: lineStart,
                                hasEscapes: false)
            }
            if token.kind == .symbol && bytes[token.start] == UInt8(ascii: ";") {
                return LexToken(kind: .end, start: token.start, end: token.end, line: token.line,
                                lineStart: token.lineStart, hasEscapes: false)
            }
            tokens.append(token)
        }
    }

    /// The next token, or `nil` at the end of input.
    mutating func next() throws(DDLParseError) -> LexToken? {
        try skipTrivia()
        guard offset < bytes.count else { return nil }
        let start = offset
        let startLine = line
        let startLineStart = lineStart
        let byte = bytes[offset]
        var kind = LexToken.Kind.symbol
        var escapes = false
        switch byte {
        case UInt8(ascii: "`"):
            kind = .quotedIdentifier
            escapes = try scanQuoted(UInt8(ascii: "`"), backslashEscapes: false, what: "backticked identifier")
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            kind = .string
            escapes = try scanQuoted(byte, backslashEscapes: true, what: "string")
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            kind = scanNumber()
        default:
            if Lexer.isIdentifierStart(byte) {
                kind = .word
                offset += 1
                while offset < bytes.count && Lexer.isIdentifierPart(bytes[offset]) { offset += 1 }
            } else {
                try scanSymbol(byte)
            }
        }
        return LexToken(kind: kind, start: start, end: offset, line: startLine, lineStart: startLineStart,
                        hasEscapes: escapes)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func newline(at index: Int) {
        line += 1
        lineStart = index + 1
    }

    private mutating func skipTrivia() throws(DDLParseError) {
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\n"):
                newline(at: offset)
                offset += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                offset += 1
            case UInt8(ascii: "#"):
                skipLineComment()
            case UInt8(ascii: "-") where offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "-"):
                skipLineComment()
            case UInt8(ascii: "/") where offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "*"):
                let start = offset
                let startLine = line
                let startLineStart = lineStart
                offset += 2
                var closed = false
                while offset < bytes.count {
                    if bytes[offset] == UInt8(ascii: "*") && offset + 1 < bytes.count
                        && bytes[offset + 1] == UInt8(ascii: "/") {
                        offset += 2
                        closed = true
                        break
                    }
                    if bytes[offset] == UInt8(ascii: "\n") { newline(at: offset) }
                    offset += 1
                }
                if !closed {
                    throw resolver.error(at: start, line: startLine, lineStart: startLineStart,
                                         "unterminated comment; close it with */")
                }
            default:
                return
            }
        }
    }

    private mutating func skipLineComment() {
        while offset < bytes.count && bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
    }

    /// Scans a quoted token starting at `offset`; returns whether it contains escapes or doubled quotes.
    private mutating func scanQuoted(_ quote: UInt8, backslashEscapes: Bool, what: String) throws(DDLParseError) -> Bool {
        let start = offset
        let startLine = line
        let startLineStart = lineStart
        var escapes = false
        // Locals instead of stored properties keep this hot loop cheap in unoptimized builds too.
        var index = offset + 1
        var lineCount = line
        var currentLineStart = lineStart
        let backslash: UInt8 = backslashEscapes ? UInt8(ascii: "\\") : quote
        let closed = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte == quote {
                    if index + 1 < count && buffer[index + 1] == quote {
                        escapes = true
                        index += 2
                        continue
                    }
                    index += 1
                    return true
                }
                if byte == backslash {
                    escapes = true
                    index += 1
                    if index < count {
                        if buffer[index] == UInt8(ascii: "\n") {
                            lineCount += 1
                            currentLineStart = index + 1
                        }
                        index += 1
                    }
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    lineCount += 1
                    currentLineStart = index + 1
                }
                index += 1
            }
            return false
        }
        offset = index
        line = lineCount
        lineStart = currentLineStart
        if closed { return escapes }
        let close = String(UnicodeScalar(quote))
        throw resolver.error(at: start, line: startLine, lineStart: startLineStart,
                             "unterminated \(what); close it with \(close)")
    }

    /// Scans digits with an optional fraction and exponent; a number running into letters is a word (`2col`).
    private mutating func scanNumber() -> LexToken.Kind {
        while offset < bytes.count && Lexer.isDigit(bytes[offset]) { offset += 1 }
        if offset + 1 < bytes.count && bytes[offset] == UInt8(ascii: ".") && Lexer.isDigit(bytes[offset + 1]) {
            offset += 1
            while offset < bytes.count && Lexer.isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            var probe = offset + 1
            if probe < bytes.count && (bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-")) {
                probe += 1
            }
            if probe < bytes.count && Lexer.isDigit(bytes[probe]) {
                offset = probe
                while offset < bytes.count && Lexer.isDigit(bytes[offset]) { offset += 1 }
            }
        }
        if offset < bytes.count && Lexer.isIdentifierPart(bytes[offset]) {
            while offset < bytes.count && Lexer.isIdentifierPart(bytes[offset]) { offset += 1 }
            return .word
        }
        return .number
    }

    private mutating func scanSymbol(_ byte: UInt8) throws(DDLParseError) {
        let next: UInt8 = offset + 1 < bytes.count ? bytes[offset + 1] : 0
        switch byte {
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") {
                offset += (offset + 2 < bytes.count && bytes[offset + 2] == UInt8(ascii: ">")) ? 3 : 2
            } else if next == UInt8(ascii: ">") {
                offset += 2
            } else {
                offset += 1
            }
        case UInt8(ascii: ">"), UInt8(ascii: "!"):
            offset += next == UInt8(ascii: "=") ? 2 : 1
        case UInt8(ascii: "|"):
            offset += next == UInt8(ascii: "|") ? 2 : 1
        case UInt8(ascii: "&"):
            offset += next == UInt8(ascii: "&") ? 2 : 1
        case UInt8(ascii: ":"):
            offset += next == UInt8(ascii: "=") ? 2 : 1
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
             UInt8(ascii: "%"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "?"), UInt8(ascii: "@"):
            offset += 1
        default:
            let shown = byte < 0x20 || byte == 0x7F ? "byte 0x" + String(byte, radix: 16) : "`\(UnicodeScalar(byte))`"
            throw resolver.error(at: offset, line: line, lineStart: lineStart,
                                 "unexpected character \(shown); remove it or quote it in a string")
        }
    }
}
