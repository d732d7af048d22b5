import StarRocksDDL

/// Prints views and materialized views as canonical `CREATE VIEW` / `CREATE MATERIALIZED VIEW` statements.
enum ViewPrinter {
    /// ``CREATE VIEW `v` (`c1` COMMENT "x", `c2`)\nCOMMENT "..." SECURITY NONE\nAS <query>;``
    static func view(_ view: View, database: String? = nil, orReplace: Bool = false) -> String {
        var head = (orReplace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ")
            + CanonicalDDL.objectName(view.name, database: database)
        if !view.columns.isEmpty { head += " (" + columnList(view.columns) + ")" }
        var lines = [head]
        var options: [String] = []
        if !view.comment.isEmpty { options.append("COMMENT " + SQLText.doubleQuoted(view.comment)) }
        if let security = view.security { options.append("SECURITY " + security) }
        if !options.isEmpty { lines.append(options.joined(separator: " ")) }
        lines.append("AS " + query(view.query))
        return lines.joined(separator: "\n") + ";"
    }

    /// ``CREATE MATERIALIZED VIEW `mv` (...)`` followed by its clauses in SHOW CREATE order.
    static func materializedView(_ view: MaterializedView, database: String? = nil) -> String {
        var head = "CREATE MATERIALIZED VIEW \(CanonicalDDL.objectName(view.name, database: database))"
        let elements = view.columns.map(column) + view.indexes.map(TablePrinter.index)
        if !elements.isEmpty { head += " (" + elements.joined(separator: ", ") + ")" }
        var lines = [head]
        if !view.comment.isEmpty { lines.append("COMMENT " + SQLText.doubleQuoted(view.comment)) }
        if !view.partitionBy.isEmpty {
            lines.append("PARTITION BY (" + view.partitionBy.map(SQLText.expression).joined(separator: ", ") + ")")
        }
        if let distribution = view.distribution { lines.append(TablePrinter.distribution(distribution)) }
        if let orderBy = view.orderBy { lines.append("ORDER BY (\(SQLText.identifiers(orderBy)))") }
        if let refresh = view.refresh { lines.append(self.refresh(refresh)) }
        let properties = SQLText.propertiesBlock(view.properties)
        if !properties.isEmpty { lines.append(properties) }
        lines.append("AS " + query(view.query))
        return lines.joined(separator: "\n") + ";"
    }

    /// `REFRESH [IMMEDIATE|DEFERRED] ASYNC|MANUAL|INCREMENTAL [START("...")] [EVERY(INTERVAL n UNIT)]`.
    static func refresh(_ refresh: Refresh) -> String {
        var words = ["REFRESH"]
        if let moment = refresh.moment { words.append(moment.rawValue) }
        if let kind = refresh.kind { words.append(kind.rawValue) }
        if let start = refresh.start { words.append("START(\(SQLText.doubleQuoted(start)))") }
        if let count = refresh.everyCount {
            words.append("EVERY(INTERVAL \(count) \(refresh.everyUnit ?? "DAY"))")
        }
        return words.joined(separator: " ")
    }

    static func columnList(_ columns: [ViewColumn]) -> String {
        columns.map(column).joined(separator: ", ")
    }

    static func column(_ column: ViewColumn) -> String {
        column.comment.isEmpty ? SQLText.identifier(column.name)
            : "\(SQLText.identifier(column.name)) COMMENT \(SQLText.doubleQuoted(column.comment))"
    }

    /// The query's tokens, spaced canonically (the parser's own token rendering, so the text re-lexes to the same
    /// tokens).
    static func query(_ query: QueryText) -> String {
        QueryClause(tokens: query.tokens.map(\.syntaxToken)).text
    }
}
