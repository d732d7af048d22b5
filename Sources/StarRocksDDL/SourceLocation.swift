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

    /// The line under `sourceLine` that puts a `^` below `column` (1-based, in Unicode scalars), keeping the
    /// source line's tabs so the caret lines up in a terminal. Every located error in the project renders with it.
    public static func caret(under column: Int, in sourceLine: String) -> String {
        var caret = ""
        var count = 0
        for scalar in sourceLine.unicodeScalars {
            if count >= column - 1 { break }
            caret.append(scalar == "\t" ? "\t" : " ")
            count += 1
        }
        return caret + String(repeating: " ", count: max(0, column - 1 - count)) + "^"
    }
}
