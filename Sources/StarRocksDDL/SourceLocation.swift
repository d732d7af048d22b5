/// A position in a source file: 1-based line and column (the column counts characters, not bytes).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the parser.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
