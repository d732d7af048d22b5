/// Turns byte offsets into line/column locations and builds located errors.
///
/// Columns are computed on demand; a cache makes increasing offsets on one long line linear, not quadratic.
struct LocationResolver {
    let bytes: [UInt8]
    let file: String
    let firstLine: Int
    private var cacheLineStart = -1
    private var cacheOffset = 0
    private var cacheColumn = 1

    init(bytes: [UInt8], file: String, firstLine: Int) {
        self.bytes = bytes
        self.file = file
        self.firstLine = firstLine
    }

    /// The 1-based column of `offset` on the line starting at `lineStart`.
    mutating func column(offset: Int, lineStart: Int) -> Int {
        var from = lineStart
        var column = 1
        if cacheLineStart == lineStart && cacheOffset <= offset {
            from = cacheOffset
            column = cacheColumn
        }
        var index = from
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cacheLineStart = lineStart
        cacheOffset = end
        cacheColumn = column
        return column
    }

    /// The location of `offset`, given its 0-based line index and line start.
    mutating func location(offset: Int, line: Int, lineStart: Int) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + line, column: column(offset: offset, lineStart: lineStart))
    }

    /// The text of the line starting at `lineStart`, without its line break (invalid UTF-8 repaired).
    func sourceLine(lineStart: Int) -> String {
        var end = lineStart
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var cut = end
        if cut > lineStart && bytes[cut - 1] == UInt8(ascii: "\r") { cut -= 1 }
        let limit = min(cut, lineStart + 4096)
        return String(decoding: bytes[lineStart..<limit], as: UTF8.self)
    }

    /// An error at `offset`, locating its line by scanning (used only on failure paths).
    func error(at offset: Int, _ message: String) -> DDLParseError {
        var line = 0
        var lineStart = 0
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return error(at: offset, line: line, lineStart: lineStart, message)
    }

    /// An error at `offset` whose line and line start are known.
    func error(at offset: Int, line: Int, lineStart: Int, _ message: String) -> DDLParseError {
        var copy = self
        let column = copy.column(offset: offset, lineStart: lineStart)
        return DDLParseError(file: file, line: firstLine + line, column: column, message: message,
                             sourceLine: sourceLine(lineStart: lineStart))
    }
}
