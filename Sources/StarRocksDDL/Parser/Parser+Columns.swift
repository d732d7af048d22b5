/// Column types, column definitions and index definitions.
extension Parser {
    /// Scalar type names StarRocks accepts (upper-cased).
    static let scalarTypeNames: [StaticString] = [
        "INT", "BIGINT", "VARCHAR", "DATETIME", "DATE", "STRING", "INTEGER", "TINYINT", "SMALLINT", "LARGEINT",
        "FLOAT", "DOUBLE", "DECIMAL", "DECIMALV2", "DECIMAL32", "DECIMAL64", "DECIMAL128", "DECIMAL256", "NUMERIC",
        "CHAR", "BINARY", "VARBINARY", "BOOLEAN", "JSON", "BITMAP", "HLL", "PERCENTILE", "VARIANT",
    ]

    /// Aggregate functions of AGGREGATE KEY value columns (upper-cased).
    static let aggregateNames: [StaticString] = [
        "SUM", "MIN", "MAX", "REPLACE", "REPLACE_IF_NOT_NULL", "HLL_UNION", "BITMAP_UNION", "PERCENTILE_UNION",
    ]

    /// A column type: scalar with optional `(n[, m])`, or nested `ARRAY<>`, `MAP<>`, `STRUCT<>`.
    mutating func parseType(depth: Int = 0) throws(DDLParseError) -> ColumnTypeClause {
        let token = peek()
        guard token.kind == .word else {
            throw unexpected("expected a column type such as INT, VARCHAR(n) or DATETIME")
        }
        if depth > 64 { throw tooDeep(token) }
        if Parser.scalarTypeNames.contains(where: { isWord(token, $0) }) {
            position += 1
            let name = lexer.text(token)
            var arguments: [Int] = []
            if acceptSymbol(UInt8(ascii: "(")) {
                repeat {
                    arguments.append(try parseInteger("a type argument of \(name)"))
                } while acceptSymbol(UInt8(ascii: ","))
                try expectSymbol(UInt8(ascii: ")"), "to close the arguments of \(name)")
            }
            return .scalar(name: name, arguments: arguments)
        }
        switch upperWord(token) {
        case "ARRAY":
            position += 1
            try expectSymbol(UInt8(ascii: "<"), "after ARRAY")
            let element = try parseType(depth: depth + 1)
            try expectSymbol(UInt8(ascii: ">"), "to close ARRAY<...>")
            return .array(element)
        case "MAP":
            position += 1
            try expectSymbol(UInt8(ascii: "<"), "after MAP")
            let key = try parseType(depth: depth + 1)
            try expectSymbol(UInt8(ascii: ","), "between the key and value types of MAP<K, V>")
            let value = try parseType(depth: depth + 1)
            try expectSymbol(UInt8(ascii: ">"), "to close MAP<...>")
            return .map(key: key, value: value)
        case "STRUCT":
            position += 1
            try expectSymbol(UInt8(ascii: "<"), "after STRUCT")
            var fields: [StructFieldClause] = []
            repeat {
                let name = try parseIdentifier("a field name in STRUCT<...>")
                let type = try parseType(depth: depth + 1)
                var comment: String?
                if acceptWord("COMMENT") { comment = try parseString("the field comment") }
                fields.append(StructFieldClause(name: name, type: type, comment: comment))
            } while acceptSymbol(UInt8(ascii: ","))
            try expectSymbol(UInt8(ascii: ">"), "to close STRUCT<...>")
            return .struct(fields)
        default:
            let written = lexer.text(token)
            let known = Parser.scalarTypeNames.map { $0.description } + ["ARRAY", "MAP", "STRUCT"]
            throw error(at: token, "unknown column type `\(written)`\(Suggestion.hint(for: written, among: known)); "
                + "use a StarRocks type such as INT, BIGINT, VARCHAR(n), STRING, DECIMAL(p, s), DATE, DATETIME, "
                + "BOOLEAN, JSON or ARRAY<T>")
        }
    }

    /// A full column definition: name, type, then KEY, aggregate, NULL/NOT NULL, DEFAULT, AUTO_INCREMENT,
    /// `AS expr` and COMMENT (attributes after the aggregate in any order, each at most once).
    mutating func parseColumnDefinition() throws(DDLParseError) -> ColumnDefinitionClause {
        let name = try parseIdentifier("a column name")
        return try parseColumnDefinition(named: name)
    }

    /// The rest of a column definition after its name.
    mutating func parseColumnDefinition(named name: String) throws(DDLParseError) -> ColumnDefinitionClause {
        var column = ColumnDefinitionClause(name: name, type: try parseType())
        if acceptWord("KEY") { column.isKey = true }
        let candidate = peek()
        if candidate.kind == .word, Parser.aggregateNames.contains(where: { isWord(candidate, $0) }) {
            column.aggregate = upperWord(advance())
        }
        var seen: UInt8 = 0
        while !atEnd {
            let token = peek()
            let attribute: ColumnAttribute
            if isWord(token, "NOT") || isWord(token, "NULL") {
                attribute = .nullability
            } else if isWord(token, "DEFAULT") || isWord(token, "AUTO_INCREMENT") {
                attribute = .defaultValue
            } else if isWord(token, "AS") {
                attribute = .generated
            } else if isWord(token, "COMMENT") {
                attribute = .comment
            } else {
                break
            }
            if seen & attribute.rawValue != 0 {
                throw error(at: token, "`\(lexer.text(token))` is given twice for column `\(name)`; keep one")
            }
            seen |= attribute.rawValue
            switch attribute {
            case .nullability:
                if acceptWord("NOT") {
                    try expectWord("NULL", "after NOT in column `\(name)`")
                    column.nullable = false
                } else {
                    position += 1
                    column.nullable = true
                }
            case .defaultValue:
                if acceptWord("AUTO_INCREMENT") {
                    column.isAutoIncrement = true
                } else {
                    position += 1
                    column.defaultValue = try parseDefault(column: name)
                }
            case .generated:
                position += 1
                let expression = try captureExpression("the generated column expression of `\(name)`",
                                                       stopWords: Parser.columnDefinitionEndWords)
                column.generatedExpression = ExpressionClause(tokens: Parser.strippingOuterParentheses(expression.tokens))
            case .comment:
                position += 1
                column.comment = try parseString("the comment of column `\(name)`")
            }
        }
        return column
    }

    /// Words that end a column definition's `AS expr` at depth 0 (StarRocks.g4 `columnDesc`: the expression is
    /// followed only by `comment?`; `addColumnClause` / `modifyColumnClause` then allow `FIRST | AFTER identifier`,
    /// `(TO | IN) rollup` or `FROM rollup` and `properties`). `IN` ends it only when no `(` follows: `x IN (1, 2)`
    /// is an expression.
    static let columnDefinitionEndWords: [StaticString] = ["COMMENT", "AFTER", "FIRST", "TO", "IN", "FROM", "PROPERTIES"]

    /// The attributes after a column's type, each allowed once (bit flags).
    enum ColumnAttribute: UInt8 {
        case nullability = 1, defaultValue = 2, generated = 4, comment = 8
    }

    /// The value after DEFAULT.
    mutating func parseDefault(column name: String) throws(DDLParseError) -> ColumnDefaultClause {
        let token = peek()
        if isWord(token, "CURRENT_TIMESTAMP") || isWord(token, "NOW") {
            position += 1
            if acceptSymbol(UInt8(ascii: "(")) {
                try expectSymbol(UInt8(ascii: ")"), "after CURRENT_TIMESTAMP(")
            }
            return .currentTimestamp
        }
        if isWord(token, "NULL") {
            position += 1
            return .null
        }
        if isSymbol(token, UInt8(ascii: "(")) {
            position += 1
            let expression = try captureExpression("the DEFAULT expression of `\(name)`")
            try expectSymbol(UInt8(ascii: ")"), "to close the DEFAULT expression of `\(name)`")
            return .expression(expression)
        }
        if isWord(token, "TRUE") || isWord(token, "FALSE") {
            position += 1
            return .literal(lexer.text(token))
        }
        return .literal(try parseLiteralText("a DEFAULT value for `\(name)` (a quoted value, a number, "
            + "CURRENT_TIMESTAMP or (expression))"))
    }

    /// `INDEX name (cols) [USING TYPE [("k" = "v")]] [COMMENT '...']` after the INDEX keyword was consumed.
    mutating func parseIndexDefinition() throws(DDLParseError) -> IndexDefinitionClause {
        let name = try parseIdentifier("an index name")
        let columns = try parseIdentifierList("column", context: "of index `\(name)`")
        return try parseIndexTail(name: name, columns: columns)
    }

    /// The `USING ...`, properties and COMMENT of an index.
    mutating func parseIndexTail(name: String, columns: [String]) throws(DDLParseError) -> IndexDefinitionClause {
        var index = IndexDefinitionClause(name: name, columns: columns)
        if acceptWord("USING") {
            let type = peek()
            guard type.kind == .word else { throw unexpected("expected an index type such as BITMAP, GIN or NGRAMBF") }
            position += 1
            index.type = upperWord(type)
            if peekSymbol(UInt8(ascii: "(")) || peekWord("PROPERTIES") {
                _ = acceptWord("PROPERTIES")
                index.properties = try parsePropertyList("of index `\(name)`")
            }
        }
        if acceptWord("COMMENT") {
            index.comment = try parseCommentValue("of index `\(name)`")
        }
        return index
    }
}
