/// A token as the lexer produces it: a kind and a byte range, located by line; text is decoded on demand.
struct LexToken {
    enum Kind: UInt8 {
        case word, quotedIdentifier, string, number, symbol
        /// The end of a statement (its `;` or the end of input); never part of a statement's tokens.
        case end
    }

    var kind: Kind
    /// Byte range in the source, including quotes.
    var start: Int
    var end: Int
    /// 0-based line index and the byte offset where that line starts.
    var line: Int
    var lineStart: Int
    /// String literal or quoted identifier contains escapes or doubled quotes to resolve.
    var hasEscapes: Bool
}
