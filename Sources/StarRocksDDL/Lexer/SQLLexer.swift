/// The project's one lexer, for text held outside a statement (an alias such as ``AS `sum(num)` `` that spells an
/// expression): the same tokens the parser sees.
///
/// ```sql
/// sum(`t1`.`num`)   -- word, symbol, quotedIdentifier, symbol, quotedIdentifier, symbol
/// ```
public enum SQLLexer {
    /// The tokens of `text` (comments dropped; a `;` ends the text), or `nil` when it does not lex (an unclosed quote).
    public static func tokens(_ text: String) -> [SQLToken]? {
        var lexer = Lexer(bytes: Array(text.utf8), file: "", firstLine: 1)
        var lexed: [LexToken] = []
        do {
            guard try lexer.nextStatement(into: &lexed) != nil else { return [] }
        } catch {
            return nil
        }
        return lexed.map(lexer.sqlToken)
    }
}
