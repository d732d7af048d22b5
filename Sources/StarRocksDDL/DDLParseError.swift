/// A lexical or syntax error, located at a file, line and column, with the offending source line for a caret.
public struct DDLParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the parser.
    public var file: String
    /// 1-based line of the offending token.
    public var line: Int
    /// 1-based column of the offending token.
    public var column: Int
    /// Lower-case message that says what is wrong and what to do.
    public var message: String
    /// The full source line the error points into (without its line break).
    public var sourceLine: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String, sourceLine: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// The error's location.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// `file:line:column: error: message`, then the source line and a caret under the offending column.
    public var description: String {
        "\(file):\(line):\(column): error: \(message)\n\(sourceLine)\n"
            + SourceLocation.caret(under: column, in: sourceLine)
    }
}
