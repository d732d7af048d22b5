/// CREATE/ALTER VIEW and CREATE/ALTER MATERIALIZED VIEW.
extension Parser {
    /// After `CREATE [OR REPLACE] VIEW`.
    mutating func parseCreateView(orReplace: Bool) throws(DDLParseError) -> CreateViewStatement {
        let ifNotExists = try acceptIfNotExists()
        let name = try parseQualifiedName("a view name")
        let columns = peekSymbol(UInt8(ascii: "(")) && !startsQuery() ? try parseViewColumns().columns : []
        var comment: String?
        var security: String?
        try parseViewOptions(comment: &comment, security: &security)
        try expectWord("AS", "before the query of view `\(name.name)`")
        let query = try captureQuery("of view `\(name.name)`")
        return CreateViewStatement(orReplace: orReplace, ifNotExists: ifNotExists, name: name, columns: columns,
                                   comment: comment, security: security, query: query)
    }

    /// After `ALTER VIEW`.
    mutating func parseAlterView() throws(DDLParseError) -> AlterViewStatement {
        let name = try parseQualifiedName("a view name")
        let columns = peekSymbol(UInt8(ascii: "(")) && !startsQuery() ? try parseViewColumns().columns : []
        var comment: String?
        var security: String?
        try parseViewOptions(comment: &comment, security: &security)
        try expectWord("AS", "before the new query of view `\(name.name)`")
        let query = try captureQuery("of view `\(name.name)`")
        return AlterViewStatement(name: name, columns: columns, comment: comment, security: security, query: query)
    }

    /// Whether the `(` at the current position opens a query rather than a column list.
    private func startsQuery() -> Bool {
        peekWord("SELECT", ahead: 1) || peekWord("WITH", ahead: 1)
    }

    /// `COMMENT '...'` and `SECURITY NONE|INVOKER`, in any order.
    private mutating func parseViewOptions(comment: inout String?, security: inout String?) throws(DDLParseError) {
        while true {
            if comment == nil && acceptWord("COMMENT") {
                comment = try parseCommentValue("of the view")
            } else if security == nil && acceptWord("SECURITY") {
                let token = peek()
                guard isWord(token, "NONE") || isWord(token, "INVOKER") else {
                    throw unexpected("expected NONE or INVOKER after SECURITY")
                }
                position += 1
                security = upperWord(token)
            } else {
                return
            }
        }
    }

    /// `(c1 [COMMENT '..'], INDEX i (c) USING BITMAP, ...)`.
    private mutating func parseViewColumns() throws(DDLParseError) -> (columns: [ViewColumnClause], indexes: [IndexDefinitionClause]) {
        try expectSymbol(UInt8(ascii: "("), "before the column list")
        var columns: [ViewColumnClause] = []
        var indexes: [IndexDefinitionClause] = []
        repeat {
            if peekWord("INDEX") && peekSymbol(UInt8(ascii: "("), ahead: 2) {
                position += 1
                indexes.append(try parseIndexDefinition())
                continue
            }
            let name = try parseViewColumnName()
            var comment: String?
            if acceptWord("COMMENT") { comment = try parseString("the comment of column `\(name)`") }
            columns.append(ViewColumnClause(name: name, comment: comment))
        } while acceptSymbol(UInt8(ascii: ","))
        try expectSymbol(UInt8(ascii: ")"), "or `,` in the column list")
        return (columns, indexes)
    }

    /// One name in a view or MV column list. Besides identifiers, the 3.x MV printer writes the names it derived
    /// from unaliased select items without quoting them: ``CREATE MATERIALIZED VIEW `mv2` (k1, count(v1))`` (corpus
    /// 042). Such a name runs to the next `,`, `)` or COMMENT at depth 0 and is rebuilt from its tokens with a space
    /// only between two words (`count(DISTINCT v1)`).
    private mutating func parseViewColumnName() throws(DDLParseError) -> String {
        let first = peek()
        let isPlain = first.kind != .symbol && !peekSymbol(UInt8(ascii: "("), ahead: 1)
            && !peekSymbol(UInt8(ascii: "."), ahead: 1)
        if isPlain { return try parseIdentifier("a column name in the column list") }
        var text = ""
        var depth = 0
        var previousWasWord = false
        while !atEnd {
            let token = peek()
            if depth == 0 && (peekSymbol(UInt8(ascii: ",")) || peekSymbol(UInt8(ascii: ")")) || isWord(token, "COMMENT")) {
                break
            }
            if isSymbol(token, UInt8(ascii: "(")) { depth += 1 }
            if isSymbol(token, UInt8(ascii: ")")) { depth -= 1 }
            let sql = lexer.sqlToken(token)
            let isWordLike = sql.kind != .symbol
            if isWordLike && previousWasWord { text += " " }
            text += sql.kind == .string ? "'" + sql.text + "'" : sql.text
            previousWasWord = isWordLike
            position += 1
        }
        if text.isEmpty { throw unexpected("expected a column name in the column list") }
        return text
    }

    /// After `CREATE MATERIALIZED VIEW`.
    mutating func parseCreateMaterializedView() throws(DDLParseError) -> CreateMaterializedViewStatement {
        let ifNotExists = try acceptIfNotExists()
        let name = try parseQualifiedName("a materialized view name")
        var view = CreateMaterializedViewStatement(ifNotExists: ifNotExists, name: name, query: QueryClause(tokens: []))
        if peekSymbol(UInt8(ascii: "(")) && !startsQuery() {
            (view.columns, view.indexes) = try parseViewColumns()
        }
        var seen: Set<String> = []
        while !peekWord("AS") {
            let token = peek()
            guard token.kind == .word else {
                throw unexpected("expected a materialized view clause (COMMENT, PARTITION BY, DISTRIBUTED BY, "
                    + "ORDER BY, REFRESH, PROPERTIES) or AS SELECT")
            }
            let clause = upperWord(token)
            if seen.contains(clause) {
                throw error(at: token, "the \(clause) clause is given twice for materialized view `\(name.name)`; keep one")
            }
            switch clause {
            case "COMMENT":
                position += 1
                view.comment = try parseCommentValue("of materialized view `\(name.name)`")
            case "PARTITION":
                position += 1
                try expectWord("BY", "after PARTITION")
                view.partitionBy = try parsePartitionBy()
            case "DISTRIBUTED":
                position += 1
                try expectWord("BY", "after DISTRIBUTED")
                view.distributedBy = try parseDistribution()
            case "ORDER":
                position += 1
                try expectWord("BY", "after ORDER")
                view.orderBy = try parseOrderByColumns()
            case "REFRESH":
                position += 1
                view.refresh = try parseRefresh()
            case "PROPERTIES":
                position += 1
                view.properties = try parsePropertyList("of materialized view `\(name.name)`")
            default:
                throw unexpected("expected a materialized view clause (COMMENT, PARTITION BY, DISTRIBUTED BY, "
                    + "ORDER BY, REFRESH, PROPERTIES) or AS SELECT")
            }
            seen.insert(clause)
        }
        position += 1
        view.query = try captureQuery("of materialized view `\(name.name)`")
        return view
    }

    /// `[IMMEDIATE|DEFERRED] [ASYNC|MANUAL|INCREMENTAL] [START("...")] [EVERY(INTERVAL n UNIT)]` after REFRESH.
    mutating func parseRefresh() throws(DDLParseError) -> RefreshClause {
        var refresh = RefreshClause()
        if acceptWord("IMMEDIATE") {
            refresh.moment = .immediate
        } else if acceptWord("DEFERRED") {
            refresh.moment = .deferred
        }
        if acceptWord("ASYNC") {
            refresh.kind = .async
        } else if acceptWord("MANUAL") {
            refresh.kind = .manual
        } else if acceptWord("INCREMENTAL") {
            refresh.kind = .incremental
        }
        if acceptWord("START") {
            try expectSymbol(UInt8(ascii: "("), "after START")
            refresh.start = try parseString("the refresh start time such as \"2024-01-01 00:00:00\"")
            try expectSymbol(UInt8(ascii: ")"), "to close START (...)")
        }
        if acceptWord("EVERY") {
            try expectSymbol(UInt8(ascii: "("), "after EVERY")
            refresh.every = try parseInterval("in EVERY (...)")
            try expectSymbol(UInt8(ascii: ")"), "to close EVERY (...)")
        }
        if refresh == RefreshClause() {
            throw unexpected("expected IMMEDIATE, DEFERRED, ASYNC, MANUAL or INCREMENTAL after REFRESH")
        }
        return refresh
    }

    /// After `ALTER MATERIALIZED VIEW`.
    mutating func parseAlterMaterializedView() throws(DDLParseError) -> AlterMaterializedViewStatement {
        let name = try parseQualifiedName("a materialized view name")
        let action: AlterMaterializedViewClause
        if acceptWord("COMMENT") {
            action = .comment(try parseString("the comment after ALTER MATERIALIZED VIEW ... COMMENT"))
        } else if acceptWord("REFRESH") {
            action = .refresh(try parseRefresh())
        } else if acceptWord("SET") {
            action = .set(try parsePropertyList("of ALTER MATERIALIZED VIEW ... SET"))
        } else if acceptWord("RENAME") {
            action = .rename(try parseIdentifier("the new materialized view name after RENAME"))
        } else if acceptWord("ACTIVE") {
            action = .active
        } else if acceptWord("INACTIVE") {
            action = .inactive
        } else if acceptWords("SWAP", "WITH") {
            action = .swapWith(try parseIdentifier("a materialized view name after SWAP WITH"))
        } else {
            throw unexpected("expected COMMENT, REFRESH, SET, RENAME, ACTIVE, INACTIVE or SWAP WITH after ALTER MATERIALIZED "
                + "VIEW `\(name.name)`")
        }
        return AlterMaterializedViewStatement(name: name, action: action)
    }
}
