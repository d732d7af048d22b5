import StarRocksDDL

/// Finding words inside a statement's text to point findings at the right line and column (internal).
enum StatementText {
    /// The location of the first occurrence of `word` as a whole word outside quotes and comments, after the first
    /// occurrence of `after` when given; the statement's start when not found.
    static func location(of word: String, after: String?, in parsed: ParsedStatement) -> SourceLocation {
        let characters = Array(parsed.text)
        var offsets = wordOffsets(characters)
        if let after, let anchor = offsets.first(where: { $0.word == after.uppercased() }) {
            offsets = offsets.filter { $0.offset > anchor.offset }
        }
        guard let hit = offsets.first(where: { $0.word == word.uppercased() }) else { return parsed.location }
        return advance(parsed, over: characters[..<hit.offset])
    }

    /// The location of the first quoted occurrence of `literal` (`"key"`, `'key'` or `` `key` ``), else the start.
    static func location(ofQuoted literal: String, in parsed: ParsedStatement) -> SourceLocation {
        let characters = Array(parsed.text)
        let wanted = Array(literal.lowercased())
        var index = 0
        while index + wanted.count + 1 < characters.count {
            let quote = characters[index]
            if quote == "'" || quote == "\"" || quote == "`",
               characters[index + wanted.count + 1] == quote,
               Array(String(characters[(index + 1)...(index + wanted.count)]).lowercased()) == wanted {
                return advance(parsed, over: characters[..<index])
            }
            index += 1
        }
        return parsed.location
    }

    /// The location reached from the statement start after `prefix`.
    static func advance(_ parsed: ParsedStatement, over prefix: ArraySlice<Character>) -> SourceLocation {
        var line = parsed.location.line
        var column = parsed.location.column
        for character in prefix {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: parsed.location.file, line: line, column: column)
    }

    /// Upper-cased bare words with their character offsets, skipping quoted text and comments.
    static func wordOffsets(_ characters: [Character]) -> [(word: String, offset: Int)] {
        var result: [(word: String, offset: Int)] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" || character == "\"" || character == "`" {
                index += 1
                while index < characters.count, characters[index] != character {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
                index += 1
            } else if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character.isLetter || character == "_" {
                let start = index
                while index < characters.count, characters[index].isLetter || characters[index].isNumber
                    || characters[index] == "_" { index += 1 }
                result.append((String(characters[start..<index]).uppercased(), start))
            } else {
                index += 1
            }
        }
        return result
    }
}
