import StarRocksDDL

/// Token-level edits of expressions held as canonical SQL text (partition expressions, generated columns).
enum ExpressionText {
    /// `text` with every identifier equal (case-insensitively) to `old` replaced by `new`; string literals, function
    /// names (a word followed by `(`) and qualifiers (a word followed by `.`, as `tbl` in `tbl`.`col`) are left alone.
    static func renamingIdentifier(in text: String, from old: String, to new: String) -> String {
        let characters = Array(text)
        var out = ""
        var index = 0
        let target = old.lowercased()
        while index < characters.count {
            let character = characters[index]
            if character == "'" || character == "\"" {
                let end = endOfQuoted(characters, from: index, quote: character)
                out += String(characters[index..<end])
                index = end
            } else if character == "`" {
                let end = endOfQuoted(characters, from: index, quote: "`")
                let inner = String(characters[(index + 1)..<max(index + 1, end - 1)])
                let isQualifier = nextNonSpace(characters, from: end) == "."
                out += (!isQualifier && inner.lowercased() == target) ? SQLText.identifier(new)
                    : String(characters[index..<end])
                index = end
            } else if character.isLetter || character == "_" {
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
                    end += 1
                }
                let word = String(characters[index..<end])
                let next = nextNonSpace(characters, from: end)
                if word.lowercased() == target && next != "(" && next != "." {
                    out += SQLText.isPlainWord(new) ? new : SQLText.identifier(new)
                } else {
                    out += word
                }
                index = end
            } else {
                out.append(character)
                index += 1
            }
        }
        return out
    }

    /// The index just past the closing quote of the literal that starts at `start` (backslash escapes and doubled
    /// quotes are skipped); the end of the text when it is unterminated.
    private static func endOfQuoted(_ characters: [Character], from start: Int, quote: Character) -> Int {
        var index = start + 1
        while index < characters.count {
            if characters[index] == "\\" && quote != "`" {
                index += 2
                continue
            }
            if characters[index] == quote {
                if index + 1 < characters.count && characters[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return characters.count
    }

    private static func nextNonSpace(_ characters: [Character], from start: Int) -> Character? {
        characters[min(start, characters.count)...].first { $0 != " " }
    }
}

extension ExpressionText {
    /// The model's text for an expression: a lone identifier is its bare name; otherwise the parser's canonical
    /// rendering with backticks dropped from identifiers that are plain words.
    static func canonical(_ expression: ExpressionClause) -> String {
        if let identifier = expression.identifier { return identifier }
        let tokens = expression.tokens.map { token -> SQLToken in
            token.kind == .quotedIdentifier && SQLText.isPlainWord(token.text) ? SQLToken(kind: .word, text: token.text)
                : token
        }
        return ExpressionClause(tokens: tokens).text
    }
}
