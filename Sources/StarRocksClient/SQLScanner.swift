/// One token of a statement, as far as the read-only guard needs to know: it never parses SQL, it only needs to find
/// statement boundaries, keywords outside quotes and comments, and parentheses.
///
/// A deliberate second tokenizer (the project's one SQL lexer is StarRocksDDL's): the guard is a security boundary
/// that must stay small enough to audit and must not change when the DDL grammar grows, so StarRocksClient does not
/// import the parser.
struct SQLToken: Equatable {
    /// The kinds of token the guard tells apart.
    enum Kind: Equatable {
        /// An unquoted word (keyword or identifier); `text` is upper-cased.
        case word
        /// A `` `quoted` `` identifier.
        case quotedIdentifier
        /// A '…' or "…" literal.
        case string
        /// A number.
        case number
        /// `@name`, `@@name`, `@@scope.name`; `text` is lower-cased.
        case variable
        /// Any other single character (`;`, `(`, `)`, `,`, `=`, …).
        case symbol
    }

    var kind: Kind
    var text: String

    /// Whether this is the unquoted keyword `keyword` (upper-case).
    func isWord(_ keyword: String) -> Bool { kind == .word && text == keyword }

    /// Whether this is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}

/// Why a statement could not be tokenized.
struct SQLScanError: Error, Equatable {
    var reason: String
}

/// Splits SQL text into tokens, dropping whitespace and comments, and refusing what it cannot see through.
enum SQLScanner {
    /// The tokens of `sql`; throws for an unterminated quote or comment, or a MySQL executable comment (`/*! … */`),
    /// whose content the server runs. `backslashEscapes` is false for servers in NO_BACKSLASH_ESCAPES mode, where
    /// `\'` ends a string.
    static func tokens(_ sql: String, backslashEscapes: Bool = true) throws(SQLScanError) -> [SQLToken] {
        let chars = Array(sql.unicodeScalars)
        var tokens: [SQLToken] = []
        var i = 0
        func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            if c.properties.isWhitespace {
                i += 1
            } else if c == "#" || (c == "-" && peek(1) == "-" && (peek(2).map { $0.properties.isWhitespace } ?? true)) {
                while i < chars.count, chars[i] != "\n" { i += 1 }
            } else if c == "/" && peek(1) == "*" {
                if peek(2) == "!" || (peek(2) == "M" && peek(3) == "!") {
                    throw SQLScanError(reason: "executable comments (/*! … */) are not allowed")
                }
                i += 2
                while i < chars.count, !(chars[i] == "*" && peek(1) == "/") { i += 1 }
                guard i < chars.count else { throw SQLScanError(reason: "unterminated comment") }
                i += 2
            } else if c == "'" || c == "\"" || c == "`" {
                let start = i
                i += 1
                var closed = false
                while i < chars.count {
                    if backslashEscapes && chars[i] == "\\" && c != "`" { i += 2; continue }
                    if chars[i] == c {
                        if peek(1) == c { i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    i += 1
                }
                guard closed else { throw SQLScanError(reason: "unterminated quote \(c)") }
                let text = String(String.UnicodeScalarView(chars[start..<i]))
                tokens.append(SQLToken(kind: c == "`" ? .quotedIdentifier : .string, text: text))
            } else if c == "@" {
                let start = i
                i += 1
                if peek(0) == "@" { i += 1 }
                while i < chars.count, isWordScalar(chars[i]) || chars[i] == "." { i += 1 }
                let text = String(String.UnicodeScalarView(chars[start..<i])).lowercased()
                tokens.append(SQLToken(kind: .variable, text: text))
            } else if c.properties.numericType != nil && c.isASCII {
                let start = i
                while i < chars.count, isWordScalar(chars[i]) || chars[i] == "." { i += 1 }
                tokens.append(SQLToken(kind: .number, text: String(String.UnicodeScalarView(chars[start..<i]))))
            } else if isWordScalar(c) {
                let start = i
                while i < chars.count, isWordScalar(chars[i]) { i += 1 }
                let text = String(String.UnicodeScalarView(chars[start..<i])).uppercased()
                tokens.append(SQLToken(kind: .word, text: text))
            } else {
                tokens.append(SQLToken(kind: .symbol, text: String(Character(c))))
                i += 1
            }
        }
        return tokens
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "$"
        }
        return !c.properties.isWhitespace
    }
}
