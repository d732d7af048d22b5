/// Small building blocks shared by the statement parsers: names, literals, lists, captured expressions.
extension Parser {
    /// An identifier (bare word or backticked), described as `what` in errors.
    mutating func parseIdentifier(_ what: @autoclosure () -> String) throws(DDLParseError) -> String {
        let token = peek()
        guard token.kind == .word || token.kind == .quotedIdentifier else {
            throw unexpected("expected \(what())")
        }
        position += 1
        return lexer.text(token)
    }

    /// `name`, `db.name` or `catalog.db.name`.
    mutating func parseQualifiedName(_ what: @autoclosure () -> String) throws(DDLParseError) -> QualifiedNameClause {
        var parts = [try parseIdentifier(what())]
        while parts.count < 3 && peekSymbol(UInt8(ascii: ".")) {
            position += 1
            parts.append(try parseIdentifier("a name after `.` in \(what())"))
        }
        switch parts.count {
        case 1: return QualifiedNameClause(name: parts[0])
        case 2: return QualifiedNameClause(database: parts[0], name: parts[1])
        default: return QualifiedNameClause(catalog: parts[0], database: parts[1], name: parts[2])
        }
    }

    /// A string literal in either quote, returned without quotes.
    mutating func parseString(_ what: @autoclosure () -> String) throws(DDLParseError) -> String {
        let token = peek()
        guard token.kind == .string else { throw unexpected("expected \(what()) as a quoted string") }
        position += 1
        return lexer.text(token)
    }

    /// A non-negative integer.
    mutating func parseInteger(_ what: @autoclosure () -> String) throws(DDLParseError) -> Int {
        let token = peek()
        guard token.kind == .number, let value = Int(lexer.text(token)) else {
            throw unexpected("expected \(what()) as a whole number")
        }
        position += 1
        return value
    }

    /// `(a, b, c)`: a parenthesized, non-empty list of identifiers.
    mutating func parseIdentifierList(_ what: @autoclosure () -> String, context: @autoclosure () -> String) throws(DDLParseError) -> [String] {
        try expectSymbol(UInt8(ascii: "("), "before the \(what()) list \(context())")
        var names: [String] = []
        repeat {
            names.append(try parseIdentifier(what()))
        } while acceptSymbol(UInt8(ascii: ","))
        try expectSymbol(UInt8(ascii: ")"), "to close the \(what()) list \(context())")
        return names
    }

    /// `("k" = "v", ...)`: a parenthesized, possibly empty property list.
    mutating func parsePropertyList(_ context: @autoclosure () -> String) throws(DDLParseError) -> [PropertyClause] {
        try expectSymbol(UInt8(ascii: "("), "to open the property list \(context())")
        var properties: [PropertyClause] = []
        if acceptSymbol(UInt8(ascii: ")")) { return properties }
        repeat {
            let key = try parseString("a property key such as \"replication_num\" \(context())")
            try expectSymbol(UInt8(ascii: "="), "between the property key and its value")
            let value = try parseString("the value of property \"\(key)\"")
            properties.append(PropertyClause(key: key, value: value))
        } while acceptSymbol(UInt8(ascii: ","))
        try expectSymbol(UInt8(ascii: ")"), "to close the property list \(context())")
        return properties
    }

    /// `COMMENT 'x'` or `COMMENT = 'x'` after the COMMENT keyword was consumed.
    mutating func parseCommentValue(_ context: @autoclosure () -> String) throws(DDLParseError) -> String {
        _ = acceptSymbol(UInt8(ascii: "="))
        return try parseString("the comment text \(context())")
    }

    /// A partition-bound or list value: a string, a number (optionally signed) or `MAXVALUE`.
    mutating func parsePartitionValue(allowMaxValue: Bool) throws(DDLParseError) -> PartitionValueClause {
        let token = peek()
        if allowMaxValue && isWord(token, "MAXVALUE") {
            position += 1
            return .maxValue
        }
        return .value(try parseLiteralText("a partition value such as \"2024-01-01\""))
    }

    /// A string or (signed) number literal's text, quote-free.
    mutating func parseLiteralText(_ what: @autoclosure () -> String) throws(DDLParseError) -> String {
        let token = peek()
        switch token.kind {
        case .string, .number:
            position += 1
            return lexer.text(token)
        case .symbol where isSymbol(token, UInt8(ascii: "-")) || isSymbol(token, UInt8(ascii: "+")):
            let number = peek(1)
            guard number.kind == .number else { throw unexpected("expected \(what())") }
            position += 2
            return (isSymbol(token, UInt8(ascii: "-")) ? "-" : "") + lexer.text(number)
        default:
            throw unexpected("expected \(what())")
        }
    }

    /// `(v1, v2)`: a parenthesized tuple of partition values.
    mutating func parseValueTuple(allowMaxValue: Bool, _ context: @autoclosure () -> String) throws(DDLParseError) -> [PartitionValueClause] {
        try expectSymbol(UInt8(ascii: "("), "to open the value list \(context())")
        var values: [PartitionValueClause] = []
        repeat {
            values.append(try parsePartitionValue(allowMaxValue: allowMaxValue))
        } while acceptSymbol(UInt8(ascii: ","))
        try expectSymbol(UInt8(ascii: ")"), "to close the value list \(context())")
        return values
    }

    /// `INTERVAL n UNIT` or a bare `n`.
    mutating func parseInterval(_ context: @autoclosure () -> String) throws(DDLParseError) -> IntervalClause {
        if acceptWord("INTERVAL") {
            let count = try parseInteger("the interval count \(context())")
            let unit = peek()
            guard unit.kind == .word else { throw unexpected("expected a time unit such as DAY \(context())") }
            position += 1
            return IntervalClause(count: count, unit: lexer.text(unit).uppercased())
        }
        return IntervalClause(count: try parseInteger("the step (INTERVAL n UNIT or a number) \(context())"), unit: nil)
    }

    /// Captures tokens up to a `,` or `)` at depth 0, a stop word at depth 0 (`IN` only when no `(` follows), or the
    /// end of the statement.
    mutating func captureExpression(_ what: @autoclosure () -> String, stopWords: [StaticString] = []) throws(DDLParseError) -> ExpressionClause {
        var captured: [SQLToken] = []
        var depth = 0
        while !atEnd {
            let token = peek()
            if token.kind == .symbol {
                if isSymbol(token, UInt8(ascii: "(")) {
                    depth += 1
                    if depth > Parser.maximumDepth { throw tooDeep(token) }
                } else if isSymbol(token, UInt8(ascii: ")")) {
                    if depth == 0 { break }
                    depth -= 1
                } else if depth == 0 && isSymbol(token, UInt8(ascii: ",")) {
                    break
                }
            } else if depth == 0 && token.kind == .word && stopWords.contains(where: { isWord(token, $0) }) {
                // `IN (` continues an expression (`x IN (1, 2)`); `IN rollup` ends it.
                if !(isWord(token, "IN") && peekSymbol(UInt8(ascii: "("), ahead: 1)) { break }
            }
            captured.append(lexer.sqlToken(token))
            position += 1
        }
        if depth > 0 { throw unexpected("expected `)` to close a parenthesis in \(what())") }
        if captured.isEmpty { throw unexpected("expected \(what())") }
        return ExpressionClause(tokens: captured)
    }

    /// Removes one pair of parentheses that encloses the whole token list.
    static func strippingOuterParentheses(_ tokens: [SQLToken]) -> [SQLToken] {
        guard tokens.count >= 3, tokens.first == SQLToken(kind: .symbol, text: "("),
              tokens.last == SQLToken(kind: .symbol, text: ")") else { return tokens }
        var depth = 0
        for (index, token) in tokens.enumerated() where token.kind == .symbol {
            if token.text == "(" { depth += 1 }
            if token.text == ")" {
                depth -= 1
                if depth == 0 && index != tokens.count - 1 { return tokens }
            }
        }
        return Array(tokens[1..<(tokens.count - 1)])
    }

    /// Captures every remaining token of the statement as a query, checking that parentheses balance.
    mutating func captureQuery(_ context: @autoclosure () -> String) throws(DDLParseError) -> QueryClause {
        if atEnd { throw unexpected("expected a query after AS \(context())") }
        var captured: [SQLToken] = []
        captured.reserveCapacity(tokens.count - position)
        var open: [LexToken] = []
        while !atEnd {
            let token = advance()
            if isSymbol(token, UInt8(ascii: "(")) {
                open.append(token)
                if open.count > Parser.maximumDepth { throw tooDeep(token) }
            } else if isSymbol(token, UInt8(ascii: ")")) {
                if open.popLast() == nil {
                    throw error(at: token, "unbalanced `)` in the query \(context()); remove it or add the matching `(`")
                }
            }
            captured.append(lexer.sqlToken(token))
        }
        if let unclosed = open.last {
            throw error(at: unclosed, "unclosed `(` in the query \(context()); add the matching `)`")
        }
        return QueryClause(tokens: captured)
    }

    /// The error for nesting beyond `maximumDepth`.
    func tooDeep(_ token: LexToken) -> DDLParseError {
        error(at: token, "nesting is deeper than \(Parser.maximumDepth) levels; simplify the statement")
    }

    /// The upper-cased text of a word token.
    func upperWord(_ token: LexToken) -> String {
        lexer.text(token).uppercased()
    }
}
