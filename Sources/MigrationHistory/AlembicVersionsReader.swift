/// Reads an Alembic `versions/` directory's revision graph from the module-level assignments, without Python.
///
/// ```python
/// revision: str = "0003a"
/// down_revision: Union[str, None] = ("0003a", '0003b')   # a merge
/// branch_labels = None
/// depends_on = None
/// ```
/// Only string literals, `None` and tuples/lists of strings are understood; anything computed is an error
/// naming file and line.
public enum AlembicVersionsReader {
    /// The assignments read, by name.
    static let revisionName = "revision"
    static let parentName = "down_revision"
    static let labelsName = "branch_labels"
    static let dependsName = "depends_on"
    static let names: Set<String> = [revisionName, parentName, labelsName, dependsName]

    /// A Python value we understand.
    enum Value: Equatable {
        case none
        case strings([String])
    }

    /// The revision declared by one `versions/*.py` file.
    public static func readRevision(_ text: String, file: String) throws(HistoryError) -> Revision {
        var values: [String: (value: Value, line: Int)] = [:]
        let lines = text.sourceLines().map(String.init)
        var openTriple: String?
        var index = 0
        var message = ""
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            index += 1
            if let delimiter = openTriple {
                if line.contains(delimiter) { openTriple = nil }
                if message.isEmpty { message = String(line.trimmingBlanks()) }
                continue
            }
            if let delimiter = startsTripleQuote(line) {
                let afterOpen = line.trimmingBlanks().dropFirst(3)
                if message.isEmpty, lineNumber <= 3 {
                    message = String(afterOpen.replacingTriple(delimiter).trimmingBlanks())
                }
                if !afterOpen.contains(delimiter) { openTriple = delimiter }
                continue
            }
            guard let (name, valueStart) = assignment(line), names.contains(name) else { continue }
            var valueText = String(line[valueStart...])
            while bracketDepth(valueText) > 0, index < lines.count {
                valueText += "\n" + lines[index]
                index += 1
            }
            guard let value = parseValue(valueText) else {
                throw .malformedAlembic(file: file, line: lineNumber,
                                        reason: "\(name) must be a string literal, None, or a tuple/list of strings "
                                            + "(the drift job reads it without running Python)")
            }
            values[name] = (value, lineNumber)
        }
        guard let revision = values[revisionName], case let .strings(ids) = revision.value, ids.count == 1,
              RevisionFileReader.isValidID(ids[0]) else {
            throw .malformedAlembic(file: file, line: values[revisionName]?.line ?? 1,
                                    reason: "missing or invalid module-level `revision = \"<id>\"`")
        }
        guard values[parentName] != nil else {
            throw .malformedAlembic(file: file, line: revision.line,
                                    reason: "missing module-level `down_revision` (None for the first revision)")
        }
        func list(_ name: String) -> [String] {
            if case let .strings(items)? = values[name]?.value { return items }
            return []
        }
        return Revision(id: ids[0], parents: list(parentName), message: message, file: file, sql: "", firstLine: 1,
                        branchLabels: list(labelsName), dependsOn: list(dependsName))
    }

    /// `name = ...` or `name: annotation = ...` at column 0; returns the name and where the value starts.
    static func assignment(_ line: String) -> (String, String.Index)? {
        guard let first = line.first, first.isLetter || first == "_" else { return nil }
        let nameEnd = line.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? line.endIndex
        let name = String(line[..<nameEnd])
        var cursor = nameEnd
        var depth = 0
        while cursor < line.endIndex {
            let character = line[cursor]
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth -= 1 }
            if character == "=", depth == 0 {
                let next = line.index(after: cursor)
                if next < line.endIndex, line[next] == "=" { return nil }
                let head = line[nameEnd..<cursor].trimmingBlanks()
                guard head.isEmpty || head.hasPrefix(":") else { return nil }
                return (name, next)
            }
            if character == "#" || character == "(" && depth == 1 && line[nameEnd..<cursor].trimmingBlanks().isEmpty {
                return nil
            }
            cursor = line.index(after: cursor)
        }
        return nil
    }

    /// Opening `"""`/`'''` at the start of a line (a docstring), if any.
    static func startsTripleQuote(_ line: String) -> String? {
        let trimmed = line.trimmingBlanks()
        var body = trimmed
        if let first = body.first, "rRuUbB".contains(first) { body = body.dropFirst() }
        for delimiter in ["\"\"\"", "'''"] where body.hasPrefix(delimiter) { return delimiter }
        return nil
    }

    /// Open minus closed brackets outside strings and comments.
    static func bracketDepth(_ text: String) -> Int {
        var depth = 0
        for token in tokens(text) ?? [] {
            if token == "(" || token == "[" { depth += 1 }
            if token == ")" || token == "]" { depth -= 1 }
        }
        return depth
    }

    /// Tokens: `(`, `)`, `[`, `]`, `,`, `None`, or a string literal written `'s:text`; nil on anything else.
    static func tokens(_ text: String) -> [String]? {
        var result: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "#" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if character.isWhitespace || character == "\\" { index += 1; continue }
            if "()[],".contains(character) { result.append(String(character)); index += 1; continue }
            var quoteIndex = index
            if "rRuU".contains(character), index + 1 < characters.count, "'\"".contains(characters[index + 1]) {
                quoteIndex += 1
            }
            let quote = characters[quoteIndex]
            if quote == "'" || quote == "\"" {
                var end = quoteIndex + 1
                var literal = ""
                while end < characters.count, characters[end] != quote, characters[end] != "\n" {
                    if characters[end] == "\\", end + 1 < characters.count { end += 1 }
                    literal.append(characters[end])
                    end += 1
                }
                guard end < characters.count, characters[end] == quote else { return nil }
                result.append("s:" + literal)
                index = end + 1
                continue
            }
            if characters[index...].starts(with: ["N", "o", "n", "e"]) {
                result.append("None"); index += 4; continue
            }
            return nil
        }
        return result
    }

    /// `None`, `"x"`, `("a", "b")`, `["a"]`, `("a",)`, `()`.
    static func parseValue(_ text: String) -> Value? {
        guard let tokens = tokens(text), !tokens.isEmpty else { return nil }
        if tokens == ["None"] { return Value.none }
        var inner = tokens
        if let first = inner.first, first == "(" || first == "[" {
            guard inner.last == (first == "(" ? ")" : "]") else { return nil }
            inner = Array(inner.dropFirst().dropLast())
        }
        var strings: [String] = []
        var expectValue = true
        for token in inner {
            if expectValue, token.hasPrefix("s:") { strings.append(String(token.dropFirst(2))); expectValue = false }
            else if !expectValue, token == "," { expectValue = true }
            else { return nil }
        }
        return .strings(strings)
    }
}

extension Substring {
    /// The text with `delimiter` removed.
    func replacingTriple(_ delimiter: String) -> Substring {
        guard let range = firstRange(of: delimiter) else { return self }
        return self[..<range.lowerBound]
    }
}
