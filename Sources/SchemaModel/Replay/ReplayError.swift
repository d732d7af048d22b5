import StarRocksDDL

/// A statement StarRocks would reject during replay (ALTER of a missing table, a duplicate column, dropping a key
/// column, ...), located at a file, line and column with the source line for a caret, and naming the statement.
public struct ReplayError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file the statement came from.
    public var file: String
    /// 1-based line of the offending name (or of the statement's first token).
    public var line: Int
    /// 1-based column of the offending name (or of the statement's first token).
    public var column: Int
    /// Lower-case message that says what is wrong and what to do.
    public var message: String
    /// The migration revision, when the caller knows it (MigrationHistory sets it).
    public var revision: String?
    /// The source line the error points into, for the caret.
    public var sourceLine: String
    /// The rejected statement's text (no trailing `;`).
    public var statement: String

    /// Creates a replay error.
    public init(file: String, line: Int, column: Int, message: String, revision: String? = nil,
                sourceLine: String, statement: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.revision = revision
        self.sourceLine = sourceLine
        self.statement = statement
    }

    /// The error's location.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// `file:line:column: error: message (revision r)`, the source line with a caret under the column, and the
    /// statement (its first line, shortened).
    public var description: String {
        let revisionNote = revision.map { " (revision \($0))" } ?? ""
        return "\(file):\(line):\(column): error: \(message)\(revisionNote)\n\(sourceLine)\n"
            + SourceLocation.caret(under: column, in: sourceLine) + "\n"
            + "in statement: \(Self.summary(of: statement))"
    }

    /// The first line of `statement`, cut at 120 characters.
    static func summary(of statement: String) -> String {
        let firstLine = statement.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first
            .map(String.init) ?? statement
        let clipped = firstLine.count > 120 ? String(firstLine.prefix(117)) + "..." : firstLine
        return statement.contains("\n") && clipped == firstLine ? clipped + " ..." : clipped
    }

    /// The error for `change` rejected in `parsed`: the caret points at the first occurrence of the change's subject
    /// in the statement (after `after`, when given), else at the statement's first token. `source` is the
    /// whole text and its first line number when known (otherwise the statement text stands in for it).
    init(_ change: SchemaChangeError, in parsed: ParsedStatement, after: String? = nil,
         source: (text: String, firstLine: Int)?) {
        let text = parsed.text
        var offset = 0
        if let subject = change.subject {
            var start = after.flatMap { StatementSearch.offset(of: $0, in: text, from: 0) }.map { $0 + 1 } ?? 0
            if let clause = change.clauseIndex, clause > 0 {
                let commas = StatementSearch.topLevelCommas(in: text, from: start)
                if clause - 1 < commas.count { start = commas[clause - 1] + 1 }
            }
            offset = StatementSearch.offset(of: subject, in: text, from: start, caseSensitive: true)
                ?? StatementSearch.offset(of: subject, in: text, from: start)
                ?? StatementSearch.offset(of: subject, in: text, from: 0) ?? 0
        }
        let prefix = Array(text.unicodeScalars.prefix(offset))
        let newlines = prefix.filter { $0 == "\n" }.count
        let line = parsed.location.line + newlines
        let column: Int
        if let lastNewline = prefix.lastIndex(of: "\n") {
            column = prefix.count - lastNewline
        } else {
            column = parsed.location.column + prefix.count
        }
        let sourceLine: String
        let index = line - (source?.firstLine ?? 1)
        let sourceLines = source?.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if let sourceLines, index >= 0, index < sourceLines.count {
            sourceLine = String(decoding: sourceLines[index], as: UTF8.self)
        } else {
            let statementLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let own = newlines < statementLines.count ? String(statementLines[newlines]) : ""
            sourceLine = newlines == 0 ? String(repeating: " ", count: parsed.location.column - 1) + own : own
        }
        self.init(file: parsed.location.file, line: line, column: column, message: change.message,
                  sourceLine: sourceLine.hasSuffix("\r") ? String(sourceLine.dropLast()) : sourceLine, statement: text)
    }
}

/// Finding a name inside a statement's text for the caret.
enum StatementSearch {
    /// Scalar offsets of the commas at parenthesis depth 0 outside quotes, at or after `start` (the separators of
    /// ALTER TABLE clauses).
    static func topLevelCommas(in text: String, from start: Int) -> [Int] {
        var result: [Int] = []
        var depth = 0
        var quote: Unicode.Scalar?
        var escaped = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if scalar == "\\" && open != "`" {
                    escaped = true
                } else if scalar == open {
                    quote = nil
                }
                continue
            }
            switch scalar {
            case "'", "\"", "`": quote = scalar
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "," where depth == 0 && offset >= start: result.append(offset)
            default: break
            }
        }
        return result
    }

    /// The scalar offset of the first occurrence of `name` (case-insensitive unless asked) at identifier boundaries at or after
    /// `start`, bare or backticked; `nil` when absent.
    static func offset(of name: String, in text: String, from start: Int, caseSensitive: Bool = false) -> Int? {
        let scalars = Array((caseSensitive ? text : text.lowercased()).unicodeScalars)
        let needle = Array((caseSensitive ? name : name.lowercased()).unicodeScalars)
        guard !needle.isEmpty, scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
        var index = start
        while index <= scalars.count - needle.count {
            if scalars[index] == needle[0], Array(scalars[index..<(index + needle.count)]) == needle {
                let before = index == 0 ? nil : scalars[index - 1]
                let afterIndex = index + needle.count
                let after = afterIndex < scalars.count ? scalars[afterIndex] : nil
                if !(before.map(isWordScalar) ?? false) && !(after.map(isWordScalar) ?? false) {
                    return before == "`" ? index - 1 : index
                }
            }
            index += 1
        }
        return nil
    }
}
