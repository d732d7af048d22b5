/// CREATE TABLE in its column-list, LIKE and CTAS forms.
extension Parser {
    /// Leading words of CREATE TABLE clauses, for "did you mean" hints.
    static let tableClauseWords = [
        "ENGINE", "DUPLICATE", "AGGREGATE", "UNIQUE", "PRIMARY", "COMMENT", "PARTITION", "DISTRIBUTED", "ORDER",
        "PROPERTIES", "AS",
    ]

    /// After `CREATE TABLE`.
    mutating func parseCreateTable() throws(DDLParseError) -> CreateTableStatement {
        let ifNotExists = try acceptIfNotExists()
        var table = CreateTableStatement(ifNotExists: ifNotExists, name: try parseQualifiedName("a table name"))
        if acceptWord("LIKE") {
            table.like = try parseQualifiedName("the source table name after LIKE")
            return table
        }
        if acceptSymbol(UInt8(ascii: "(")) {
            repeat {
                if peekWord("INDEX") && peekSymbol(UInt8(ascii: "("), ahead: 2) {
                    position += 1
                    table.indexes.append(try parseIndexDefinition())
                } else {
                    table.columns.append(try parseColumnDefinition())
                }
            } while acceptSymbol(UInt8(ascii: ","))
            try expectSymbol(UInt8(ascii: ")"), "or `,` after a column definition of table `\(table.name.name)`")
        }
        try parseTableClauses(into: &table)
        if table.like != nil { return table }
        if table.columns.isEmpty && table.asQuery == nil {
            throw unexpected("expected a column list `(...)`, LIKE or AS SELECT for table `\(table.name.name)`")
        }
        return table
    }

    /// ENGINE, key, COMMENT, PARTITION BY, DISTRIBUTED BY, ORDER BY, PROPERTIES (any order, each once), then an
    /// optional `AS query` — or, without a column list, `LIKE source` after PARTITION BY, DISTRIBUTED BY and
    /// PROPERTIES only, in that order (StarRocks.g4 `createTableLikeStatement`, 3.2+:
    /// `CREATE TABLE t partitionDesc? distributionDesc? properties? LIKE src`).
    private mutating func parseTableClauses(into table: inout CreateTableStatement) throws(DDLParseError) {
        var seen: [String] = []
        while !atEnd {
            let token = peek()
            let clause: String
            if isWord(token, "ENGINE") {
                clause = "ENGINE"
            } else if (isWord(token, "DUPLICATE") || isWord(token, "AGGREGATE") || isWord(token, "UNIQUE")
                        || isWord(token, "PRIMARY")) && peekWord("KEY", ahead: 1) {
                clause = "KEY"
            } else if isWord(token, "COMMENT") {
                clause = "COMMENT"
            } else if isWord(token, "PARTITION") {
                clause = "PARTITION BY"
            } else if isWord(token, "DISTRIBUTED") {
                clause = "DISTRIBUTED BY"
            } else if isWord(token, "ORDER") {
                clause = "ORDER BY"
            } else if isWord(token, "PROPERTIES") {
                clause = "PROPERTIES"
            } else if isWord(token, "LIKE") && table.columns.isEmpty && table.indexes.isEmpty {
                try checkLikeClauses(seen, at: token, table: table.name.name)
                position += 1
                table.like = try parseQualifiedName("the source table name after LIKE")
                return
            } else if isWord(token, "AS") {
                position += 1
                table.asQuery = try captureQuery("of CREATE TABLE ... AS")
                return
            } else {
                let hint = token.kind == .word ? Suggestion.hint(for: lexer.text(token), among: Parser.tableClauseWords) : ""
                throw unexpected("expected a table clause (ENGINE, DUPLICATE|AGGREGATE|UNIQUE|PRIMARY KEY, COMMENT, "
                    + "PARTITION BY, DISTRIBUTED BY, ORDER BY, PROPERTIES or AS SELECT)", hint: hint)
            }
            if seen.contains(clause) {
                throw error(at: token, "the \(clause) clause is given twice for table `\(table.name.name)`; keep one")
            }
            seen.append(clause)
            position += 1
            switch clause {
            case "ENGINE":
                _ = acceptSymbol(UInt8(ascii: "="))
                table.engine = try parseIdentifier("an engine name such as OLAP after ENGINE=")
            case "KEY":
                position += 1
                let model = KeyClause.Model(rawValue: upperWord(token)) ?? .duplicate
                table.key = KeyClause(model: model, columns: try parseIdentifierList(
                    "key column", context: "of \(model.rawValue) KEY"))
            case "COMMENT":
                table.comment = try parseCommentValue("of table `\(table.name.name)`")
            case "PARTITION BY":
                try expectWord("BY", "after PARTITION")
                table.partitionBy = try parsePartitionBy()
            case "DISTRIBUTED BY":
                try expectWord("BY", "after DISTRIBUTED")
                table.distributedBy = try parseDistribution()
            case "ORDER BY":
                try expectWord("BY", "after ORDER")
                table.orderBy = try parseOrderByColumns()
            default:
                table.properties = try parsePropertyList("of table `\(table.name.name)`")
            }
        }
    }

    /// The clauses `CREATE TABLE ... LIKE` takes: PARTITION BY, DISTRIBUTED BY and PROPERTIES, in that order (the
    /// copy keeps the source's columns, key, comment and sort key, so the grammar offers nothing else).
    private func checkLikeClauses(_ seen: [String], at token: LexToken, table: String) throws(DDLParseError) {
        let allowed = ["PARTITION BY", "DISTRIBUTED BY", "PROPERTIES"]
        if let other = seen.first(where: { !allowed.contains($0) }) {
            throw error(at: token, "CREATE TABLE `\(table)` ... LIKE takes only PARTITION BY, DISTRIBUTED BY and "
                + "PROPERTIES before LIKE, not \(other); remove it (the copy keeps the source's \(other.lowercased()))")
        }
        let order = seen.compactMap { allowed.firstIndex(of: $0) }
        if order != order.sorted() {
            throw error(at: token, "CREATE TABLE `\(table)` ... LIKE needs its clauses in the order PARTITION BY, "
                + "DISTRIBUTED BY, PROPERTIES; reorder them")
        }
    }
}
