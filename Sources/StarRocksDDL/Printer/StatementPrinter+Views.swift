/// Printing of views, materialized views and their ALTER statements.
extension StatementPrinter {
    mutating func createView(_ view: CreateViewStatement) {
        output += "CREATE " + (view.orReplace ? "OR REPLACE " : "") + "VIEW " + (view.ifNotExists ? "IF NOT EXISTS " : "")
            + name(view.name)
        viewBody(columns: view.columns, comment: view.comment, security: view.security, query: view.query)
    }

    mutating func alterView(_ view: AlterViewStatement) {
        output += "ALTER VIEW " + name(view.name)
        viewBody(columns: view.columns, comment: view.comment, security: view.security, query: view.query)
    }

    private mutating func viewBody(columns: [ViewColumnClause], comment: String?, security: String?, query: QueryClause) {
        if !columns.isEmpty { output += " (" + columns.map(viewColumn).joined(separator: ", ") + ")" }
        if let comment { output += "\nCOMMENT " + quoted(comment) }
        if let security { output += "\nSECURITY " + security }
        output += "\nAS " + query.text
    }

    func viewColumn(_ column: ViewColumnClause) -> String {
        id(column.name) + (column.comment.map { " COMMENT " + quoted($0) } ?? "")
    }

    mutating func createMaterializedView(_ view: CreateMaterializedViewStatement) {
        output += "CREATE MATERIALIZED VIEW " + (view.ifNotExists ? "IF NOT EXISTS " : "") + name(view.name)
        let elements = view.columns.map(viewColumn) + view.indexes.map(indexDefinition)
        if !elements.isEmpty { output += " (" + elements.joined(separator: ", ") + ")" }
        if let comment = view.comment { output += "\nCOMMENT " + quoted(comment) }
        if let partition = view.partitionBy { output += "\nPARTITION BY " + partitionBy(partition) }
        if let clause = view.distributedBy { output += "\n" + distribution(clause) }
        if let orderBy = view.orderBy { output += "\nORDER BY(" + ids(orderBy) + ")" }
        if let clause = view.refresh { output += "\n" + refresh(clause) }
        if !view.properties.isEmpty { output += "\n" + propertiesBlock(view.properties) }
        output += "\nAS " + view.query.text
    }

    mutating func alterMaterializedView(_ alter: AlterMaterializedViewStatement) {
        output += "ALTER MATERIALIZED VIEW " + name(alter.name) + " "
        switch alter.action {
        case .comment(let comment): output += "COMMENT " + quoted(comment)
        case .refresh(let clause): output += refresh(clause)
        case .set(let properties): output += "SET " + inlineProperties(properties)
        case .rename(let newName): output += "RENAME " + id(newName)
        case .active: output += "ACTIVE"
        case .inactive: output += "INACTIVE"
        case .swapWith(let other): output += "SWAP WITH " + id(other)
        }
    }
}
