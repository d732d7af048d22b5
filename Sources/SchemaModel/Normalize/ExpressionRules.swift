import StarRocksDDL

/// Expression text rules (partition expressions, generated columns, expression defaults).
extension Normalize {
    /// An expression in comparable form.
    ///
    /// Handles (3.1+ expression partitioning, 3.3+ RANGE over expressions, generated columns):
    /// - string quotes: input `date_trunc("month", k1)` prints `date_trunc('month', k1)`
    ///   (docs/starrocks-behaviour.md#expression-partitioning);
    /// - backticks and case: `CAST(substr(`bill`, 3, 11) AS BIGINT)` for `cast(substr(bill, 3, 11) as bigint)`;
    /// - qualifiers: generated columns print `` `tbl`.`col` `` for `col` (docs/starrocks-behaviour.md#columns);
    /// - wrapping parentheses: `PARTITION BY (date_trunc('week', event_day))` for `PARTITION BY date_trunc(...)`;
    /// - default arguments the printer adds (`foldingDefaultArguments`: `dictionary_get`, `time_slice`);
    /// - whitespace.
    public static func expression(_ text: String) -> String {
        if text.utf8.allSatisfy({ isWordByte($0) }), let first = text.utf8.first, !(48...57).contains(first) {
            return text.lowercased()
        }
        var tokens = ExpressionLexer.tokens(text)
        tokens = strippingQualifiers(tokens)
        tokens = foldingDefaultArguments(tokens, text: { $0.kind == .string ? $0.text : $0.text.lowercased() },
                                         isString: { $0.kind == .string },
                                         word: { ExpressionLexer.Token(kind: .identifier, text: $0) },
                                         comma: ExpressionLexer.Token(kind: .symbol, text: ","))
        while isWrapped(tokens) { tokens = Array(tokens.dropFirst().dropLast()) }
        var out = ""
        var previous: ExpressionLexer.Token?
        for token in tokens {
            if let previous, previous.isWordLike && token.isWordLike { out += " " }
            out += token.rendered
            previous = token
        }
        return out
    }

    /// `[A-Za-z0-9_]`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95
    }

    /// Drops `qualifier.` before an identifier: `t.c` → `c`, `db.t.c` → `c` (numbers like `1.5` are single tokens).
    static func strippingQualifiers(_ tokens: [ExpressionLexer.Token]) -> [ExpressionLexer.Token] {
        var out: [ExpressionLexer.Token] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .identifier, index + 2 < tokens.count, tokens[index + 1].text == ".",
               tokens[index + 2].kind == .identifier {
                index += 2
                continue
            }
            out.append(token)
            index += 1
        }
        return out
    }

    /// Whether the first token is `(` and its matching `)` is the last token.
    static func isWrapped(_ tokens: [ExpressionLexer.Token]) -> Bool {
        guard tokens.count >= 2, tokens.first?.text == "(", tokens.last?.text == ")" else { return false }
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" {
                depth -= 1
                if depth == 0 && index != tokens.count - 1 { return false }
            }
        }
        return true
    }
}

/// Expression text held in the model as comparable tokens: identifiers (bare or backticked, lower-cased), string
/// literals (either quote, rendered single-quoted), numbers and symbols — lexed by the project's one lexer
/// (StarRocksDDL's `SQLLexer`, the tokens the parser sees).
enum ExpressionLexer {
    struct Token: Hashable {
        enum Kind { case identifier, string, number, symbol }
        var kind: Kind
        var text: String

        var isWordLike: Bool { kind == .identifier || kind == .number }

        var rendered: String {
            switch kind {
            case .string: return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "\\'") + "'"
            default: return text
            }
        }
    }

    /// The tokens of `text`; text that does not lex (an unclosed quote) is one symbol token, so it still compares
    /// (as itself) instead of vanishing.
    static func tokens(_ text: String) -> [Token] {
        guard let lexed = SQLLexer.tokens(text) else { return [Token(kind: .symbol, text: text)] }
        return lexed.map { token in
            switch token.kind {
            case .word, .quotedIdentifier: return Token(kind: .identifier, text: token.text.lowercased())
            case .string: return Token(kind: .string, text: token.text)
            case .number: return Token(kind: .number, text: token.text)
            case .symbol: return Token(kind: .symbol, text: token.text)
            }
        }
    }
}
