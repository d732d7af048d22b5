/// The query text after the top-level `AS` of a CREATE [OR REPLACE] VIEW, ALTER VIEW or CREATE MATERIALIZED VIEW
/// statement (or of its SHOW CREATE text), exactly as written, without the trailing `;`. A 4.0+ FE keeps that text
/// (`MaterializedView.getOriginalViewDefineSql`, the view's original definition) and prints it, comments and line
/// breaks included; the model keeps only the query's tokens, so the writable catalog hands the text to the printer.
enum QueryDefinition {
    /// The text, or `nil` when `statement` has no top-level `AS` followed by a query.
    static func text(in statement: String) -> String? {
        let tokens = StatementTokenizer.tokens(statement)
        guard tokens.count >= 2, tokens[0].isWord("CREATE") || tokens[0].isWord("ALTER"),
              tokens.prefix(5).contains(where: { $0.isWord("VIEW") }) else { return nil }
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" { depth -= 1 }
            guard depth == 0, token.isWord("AS"), index + 1 < tokens.count else { continue }
            let bytes = Array(statement.utf8)
            var body = String(decoding: bytes[tokens[index + 1].start...], as: UTF8.self)
            while let last = body.last, last.isWhitespace || last == ";" { body.removeLast() }
            return body
        }
        return nil
    }
}
