/// PARTITION BY, partition definitions, batches and DISTRIBUTED BY.
extension Parser {
    /// Words that end an unparenthesized expression-partitioning list.
    static let partitionStopWords: [StaticString] = [
        "DISTRIBUTED", "ORDER", "PROPERTIES", "REFRESH", "AS", "COMMENT", "ENGINE", "BROKER", "ROLLUP", "LIKE",
    ]

    /// The clause after `PARTITION BY`.
    mutating func parsePartitionBy() throws(DDLParseError) -> PartitionByClause {
        if peekWord("RANGE") && peekSymbol(UInt8(ascii: "("), ahead: 1) {
            position += 1
            return .range(try parseRangePartitioning())
        }
        if peekWord("LIST") && peekSymbol(UInt8(ascii: "("), ahead: 1) {
            position += 1
            let columns = try parseIdentifierList("partition column", context: "of PARTITION BY LIST")
            var elements: [PartitionElementClause] = []
            if acceptSymbol(UInt8(ascii: "(")) {
                if !peekSymbol(UInt8(ascii: ")")) {
                    repeat {
                        try expectWord("PARTITION", "to start a LIST partition (PARTITION p VALUES IN (...))")
                        elements.append(.list(try parseListPartitionDefinition()))
                    } while acceptSymbol(UInt8(ascii: ","))
                }
                try expectSymbol(UInt8(ascii: ")"), "to close the LIST partition list")
            }
            return .list(ListPartitionClause(columns: columns, elements: elements))
        }
        return .expression(try parseExpressionPartitioning())
    }

    /// `RANGE(expr, ...) (element, ...)` after RANGE.
    private mutating func parseRangePartitioning() throws(DDLParseError) -> RangePartitionClause {
        try expectSymbol(UInt8(ascii: "("), "after PARTITION BY RANGE")
        var expressions: [ExpressionClause] = []
        repeat {
            expressions.append(try captureExpression("a partition column or expression in PARTITION BY RANGE(...)"))
        } while acceptSymbol(UInt8(ascii: ","))
        try expectSymbol(UInt8(ascii: ")"), "to close PARTITION BY RANGE(...)")
        if peekWord("START") {
            throw error(at: peek(), "the START/END/EVERY batch must be inside parentheses: write PARTITION BY RANGE(col) "
                + "(START (\"...\") END (\"...\") EVERY (INTERVAL 1 DAY))")
        }
        guard acceptSymbol(UInt8(ascii: "(")) else {
            throw unexpected("expected `(` with the partition list after PARTITION BY RANGE(...), for example "
                + "(PARTITION p1 VALUES LESS THAN (\"2024-01-01\"))")
        }
        var elements: [PartitionElementClause] = []
        if !peekSymbol(UInt8(ascii: ")")) {
            repeat {
                elements.append(try parseRangeElement())
            } while acceptSymbol(UInt8(ascii: ","))
        }
        try expectSymbol(UInt8(ascii: ")"), "to close the RANGE partition list")
        return RangePartitionClause(expressions: expressions, elements: elements)
    }

    /// A RANGE partition (`PARTITION p VALUES ...`) or batch (`START .. END .. EVERY ..`).
    mutating func parseRangeElement() throws(DDLParseError) -> PartitionElementClause {
        if acceptWord("START") { return .batch(try parseBatch()) }
        try expectWord("PARTITION", "or START to begin a RANGE partition")
        return .range(try parseRangePartitionDefinition())
    }

    /// `[IF NOT EXISTS] p VALUES LESS THAN (...) | VALUES [(...), (...)) [("k" = "v")]` after PARTITION.
    mutating func parseRangePartitionDefinition() throws(DDLParseError) -> RangePartitionDefinitionClause {
        let ifNotExists = try acceptIfNotExists()
        let name = try parseIdentifier("a partition name")
        try expectWord("VALUES", "after partition name `\(name)`")
        let bound: RangeBoundClause
        if acceptWords("LESS", "THAN") {
            if peekWord("MAXVALUE") {
                position += 1
                bound = .lessThan([.maxValue])
            } else {
                bound = .lessThan(try parseValueTuple(allowMaxValue: true, "of partition `\(name)`"))
            }
        } else if acceptSymbol(UInt8(ascii: "[")) {
            let lower = try parseValueTuple(allowMaxValue: true, "of the lower bound of partition `\(name)`")
            try expectSymbol(UInt8(ascii: ","), "between the lower and upper bounds of partition `\(name)`")
            let upper = try parseValueTuple(allowMaxValue: true, "of the upper bound of partition `\(name)`")
            try expectSymbol(UInt8(ascii: ")"), "to close the range [lower, upper) of partition `\(name)`")
            bound = .fixed(lower: lower, upper: upper)
        } else {
            throw unexpected("expected LESS THAN (...) or [(lower), (upper)) after VALUES in partition `\(name)`")
        }
        var properties: [PropertyClause] = []
        if peekSymbol(UInt8(ascii: "(")) { properties = try parsePropertyList("of partition `\(name)`") }
        return RangePartitionDefinitionClause(ifNotExists: ifNotExists, name: name, bound: bound, properties: properties)
    }

    /// `[IF NOT EXISTS] p VALUES IN (v, ...) | ((v, w), ...) [("k" = "v")]` after PARTITION.
    mutating func parseListPartitionDefinition() throws(DDLParseError) -> ListPartitionDefinitionClause {
        let ifNotExists = try acceptIfNotExists()
        let name = try parseIdentifier("a partition name")
        try expectWord("VALUES", "after partition name `\(name)`")
        try expectWord("IN", "after VALUES in LIST partition `\(name)`")
        try expectSymbol(UInt8(ascii: "("), "to open the value list of partition `\(name)`")
        var values: [[String]] = []
        repeat {
            if peekSymbol(UInt8(ascii: "(")) {
                let tuple = try parseValueTuple(allowMaxValue: false, "of partition `\(name)`")
                values.append(tuple.map { if case .value(let text) = $0 { return text } else { return "" } })
            } else {
                values.append([try parseLiteralText("a partition value such as 'beijing'")])
            }
        } while acceptSymbol(UInt8(ascii: ","))
        try expectSymbol(UInt8(ascii: ")"), "to close the value list of partition `\(name)`")
        var properties: [PropertyClause] = []
        if peekSymbol(UInt8(ascii: "(")) { properties = try parsePropertyList("of partition `\(name)`") }
        return ListPartitionDefinitionClause(ifNotExists: ifNotExists, name: name, values: values, properties: properties)
    }

    /// `("a") END ("b") EVERY (INTERVAL n UNIT)` after START.
    mutating func parseBatch() throws(DDLParseError) -> RangeBatchClause {
        try expectSymbol(UInt8(ascii: "("), "after START")
        let start = try parseLiteralText("the START value such as \"2024-01-01\"")
        try expectSymbol(UInt8(ascii: ")"), "to close START (...)")
        try expectWord("END", "after START (...)")
        try expectSymbol(UInt8(ascii: "("), "after END")
        let end = try parseLiteralText("the END value such as \"2024-02-01\"")
        try expectSymbol(UInt8(ascii: ")"), "to close END (...)")
        try expectWord("EVERY", "after END (...)")
        try expectSymbol(UInt8(ascii: "("), "after EVERY")
        let every = try parseInterval("in EVERY (...)")
        try expectSymbol(UInt8(ascii: ")"), "to close EVERY (...)")
        return RangeBatchClause(start: start, end: end, every: every)
    }

    /// `expr, expr` or `(expr, expr)` for expression partitioning.
    private mutating func parseExpressionPartitioning() throws(DDLParseError) -> ExpressionPartitionClause {
        if peekSymbol(UInt8(ascii: "(")), let close = matchingParenthesis(from: position) {
            let after = close + 1 < tokens.count ? tokens[close + 1] : endToken
            let endsHere = after.kind == .end || Parser.partitionStopWords.contains { isWord(after, $0) }
                || startsInitialPartitionList(at: close + 1)
            if endsHere {
                position += 1
                var expressions: [ExpressionClause] = []
                repeat {
                    expressions.append(try captureExpression("a partition column or expression in PARTITION BY (...)"))
                } while acceptSymbol(UInt8(ascii: ","))
                try expectSymbol(UInt8(ascii: ")"), "to close PARTITION BY (...)")
                return ExpressionPartitionClause(expressions: expressions, isParenthesized: true,
                                                 initialPartitions: try parseInitialPartitions())
            }
        }
        var expressions: [ExpressionClause] = []
        repeat {
            expressions.append(try capturePartitionExpression())
        } while acceptSymbol(UInt8(ascii: ","))
        return ExpressionPartitionClause(expressions: expressions, isParenthesized: false,
                                         initialPartitions: try parseInitialPartitions())
    }

    /// One unparenthesized partition expression. A function call (`date_trunc('day', dt)`, `time_slice(...)`) ends at
    /// its closing parenthesis when an initial partition list follows, so `(START ...)` is not glued onto it.
    private mutating func capturePartitionExpression() throws(DDLParseError) -> ExpressionClause {
        if peek().kind == .word, peekSymbol(UInt8(ascii: "("), ahead: 1),
           let close = matchingParenthesis(from: position + 1), startsInitialPartitionList(at: close + 1) {
            var captured: [SQLToken] = []
            while position <= close {
                captured.append(lexer.sqlToken(peek()))
                position += 1
            }
            return ExpressionClause(tokens: captured)
        }
        return try captureExpression("a partition column or expression after PARTITION BY",
                                     stopWords: Parser.partitionStopWords)
    }

    /// Whether the tokens at `index` open an initial partition list: `(START ...`, `(PARTITION ...` or `()`.
    private func startsInitialPartitionList(at index: Int) -> Bool {
        guard index + 1 < tokens.count, isSymbol(tokens[index], UInt8(ascii: "(")) else { return false }
        let next = tokens[index + 1]
        return isWord(next, "START") || isWord(next, "PARTITION") || isSymbol(next, UInt8(ascii: ")"))
    }

    /// The optional `(element, ...)` of initial partitions after an expression partitioning clause: RANGE batches
    /// and partitions after a function call, LIST partitions after a column list.
    private mutating func parseInitialPartitions() throws(DDLParseError) -> [PartitionElementClause] {
        guard startsInitialPartitionList(at: position) else { return [] }
        position += 1
        var elements: [PartitionElementClause] = []
        if acceptSymbol(UInt8(ascii: ")")) { return [] }
        repeat {
            if acceptWord("START") {
                elements.append(.batch(try parseBatch()))
            } else {
                try expectWord("PARTITION", "or START to begin an initial partition")
                if isInListPartition() {
                    elements.append(.list(try parseListPartitionDefinition()))
                } else {
                    elements.append(.range(try parseRangePartitionDefinition()))
                }
            }
        } while acceptSymbol(UInt8(ascii: ","))
        try expectSymbol(UInt8(ascii: ")"), "to close the initial partition list")
        return elements
    }

    /// Whether the partition definition after `PARTITION` is a LIST one (`p VALUES IN (...)`).
    private func isInListPartition() -> Bool {
        var index = position
        while index + 1 < tokens.count, index < position + 6 {
            if isWord(tokens[index], "VALUES") { return isWord(tokens[index + 1], "IN") }
            index += 1
        }
        return false
    }

    /// The index of the `)` matching the `(` at `start`, or `nil` when it is not closed in this statement.
    func matchingParenthesis(from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            if isSymbol(token, UInt8(ascii: "(")) { depth += 1 }
            if isSymbol(token, UInt8(ascii: ")")) {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// `HASH(cols) [BUCKETS n]` or `RANDOM [BUCKETS n]` after `DISTRIBUTED BY`.
    mutating func parseDistribution() throws(DDLParseError) -> DistributedByClause {
        let method: DistributedByClause.Method
        if acceptWord("HASH") {
            method = .hash(try parseIdentifierList("distribution column", context: "of DISTRIBUTED BY HASH"))
        } else if acceptWord("RANDOM") {
            method = .random
        } else {
            throw unexpected("expected HASH(columns) or RANDOM after DISTRIBUTED BY")
        }
        var buckets: Int?
        if acceptWord("BUCKETS") { buckets = try parseInteger("the bucket count after BUCKETS") }
        return DistributedByClause(method: method, buckets: buckets)
    }

    /// `(a, b)` or `a, b` after `ORDER BY`.
    mutating func parseOrderByColumns() throws(DDLParseError) -> [String] {
        if peekSymbol(UInt8(ascii: "(")) {
            return try parseIdentifierList("sort column", context: "of ORDER BY")
        }
        var names: [String] = []
        repeat {
            names.append(try parseIdentifier("a sort column after ORDER BY"))
        } while acceptSymbol(UInt8(ascii: ","))
        return names
    }
}
