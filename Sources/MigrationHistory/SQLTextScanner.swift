/// A statement of a SQL text located by byte offsets and line, found without parsing (internal).
struct ScannedStatement {
    /// UTF-8 offsets of the statement text, from its first non-blank character to its `;` (exclusive).
    var range: Range<Int>
    /// 1-based line of the first character, relative to the scanned text.
    var line: Int
    /// The statement text without the `;`.
    var text: String
}

/// Splits SQL text on `;` outside quotes and comments, and reports comment lines (internal).
///
/// Not a tokenizer but a byte classifier (code / quoted / comment), kept apart from StarRocksDDL's lexer on purpose:
/// it runs on text that is not SQL yet — revision files before their `${placeholders}` are expanded, and Alembic's
/// offline output before the statements with no schema effect are set aside — where the lexer would stop at `$`.
///
/// Knows `'..'`, `".."`, `` `..` `` (with backslash and doubled-quote escapes), `-- ..`, `# ..` and `/* .. */`.
enum SQLTextScanner {
    /// A region of the text the scanner classified.
    enum Region { case code, quoted, comment }

    /// Calls `visit(offset, byte, region)` for every byte.
    static func walk(_ bytes: [UInt8], _ visit: (Int, UInt8, Region) -> Void) {
        var index = 0
        var quote: UInt8? = nil
        var lineComment = false
        var blockComment = false
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if lineComment {
                if byte == UInt8(ascii: "\n") { lineComment = false; visit(index, byte, .code) } else {
                    visit(index, byte, .comment)
                }
            } else if blockComment {
                visit(index, byte, .comment)
                if byte == UInt8(ascii: "*"), next == UInt8(ascii: "/") {
                    visit(index + 1, next!, .comment); index += 1; blockComment = false
                }
            } else if let open = quote {
                visit(index, byte, .quoted)
                if byte == UInt8(ascii: "\\"), open != UInt8(ascii: "`"), let next {
                    visit(index + 1, next, .quoted); index += 1
                } else if byte == open {
                    if next == open { visit(index + 1, next!, .quoted); index += 1 } else { quote = nil }
                }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                quote = byte; visit(index, byte, .quoted)
            } else if byte == UInt8(ascii: "-"), next == UInt8(ascii: "-") {
                lineComment = true; visit(index, byte, .comment)
            } else if byte == UInt8(ascii: "#") {
                lineComment = true; visit(index, byte, .comment)
            } else if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                blockComment = true; visit(index, byte, .comment)
            } else {
                visit(index, byte, .code)
            }
            index += 1
        }
    }

    /// The statements of `text` (the last one may lack its `;`); comments inside are kept in `text`.
    static func statements(_ text: String) -> [ScannedStatement] {
        let bytes = Array(text.utf8)
        var result: [ScannedStatement] = []
        var start: Int? = nil
        var startLine = 1
        var line = 1
        func close(at end: Int) {
            guard let begin = start else { return }
            let slice = bytes[begin..<end]
            result.append(ScannedStatement(range: begin..<end, line: startLine,
                                           text: String(decoding: slice, as: UTF8.self)))
            start = nil
        }
        walk(bytes) { offset, byte, region in
            if region == .code, byte == UInt8(ascii: ";") { close(at: offset) }
            else if start == nil, region != .comment, !isBlank(byte) { start = offset; startLine = line }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        close(at: bytes.count)
        return result
    }

    /// Whether `byte` is ASCII white space.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `text` with the given byte ranges replaced by spaces (newlines kept, so line numbers stay right).
    static func blanking(_ text: String, ranges: [Range<Int>]) -> String {
        var bytes = Array(text.utf8)
        for range in ranges {
            for offset in range where bytes[offset] != UInt8(ascii: "\n") { bytes[offset] = 0x20 }
            if range.upperBound < bytes.count, bytes[range.upperBound] == UInt8(ascii: ";") {
                bytes[range.upperBound] = 0x20
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The code words of a statement, upper-cased, quotes and comments skipped (`["INSERT", "INTO", ...]`).
    static func leadingWords(_ text: String, count: Int) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var done = false
        // The leading words sit near the start; a bounded prefix keeps this cheap on long statements.
        walk(Array(text.utf8.prefix(512))) { _, byte, region in
            guard !done else { return }
            let isWord = region == .code && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A))
            if isWord { current.append(byte) } else if !current.isEmpty || region == .quoted {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self).uppercased()) }
                current = []
                if words.count >= count { done = true }
            }
        }
        if !done, !current.isEmpty { words.append(String(decoding: current, as: UTF8.self).uppercased()) }
        return Array(words.prefix(count))
    }
}
