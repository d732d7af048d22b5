import SchemaModel

/// `SHOW CREATE VIEW` and `SHOW CREATE MATERIALIZED VIEW` as a 4.0+ FE prints them: the view branch of
/// sql/analyzer/AstToStringBuilder.java `getDdlStmt` and catalog/MaterializedView.java `getMaterializedViewDdlStmt`,
/// with the query as the client typed it (views since PR #68040, materialized views since PR #64318; 3.x printed
/// the analysed, database-qualified query instead, which needs a full analyser and is not simulated).
enum ViewText {
    /// ``CREATE VIEW `v` (`c1`, `c2` COMMENT "x")[\nCOMMENT "..."] SECURITY NONE AS <query>;``: the column list is
    /// always printed (the query's output names when none was declared); 4.x adds the SECURITY clause, NONE by
    /// default.
    static func view(_ view: View, definition: String?) -> String {
        let query = definition ?? tokensText(view.query)
        var out = "CREATE VIEW " + ServerQuoting.backticked(view.name) + " ("
            + columnList(view.columns, query: query).joined(separator: ", ") + ")"
        if !view.comment.isEmpty { out += "\nCOMMENT " + ServerQuoting.doubleQuoted(view.comment) }
        out += " SECURITY " + (view.security?.uppercased() ?? "NONE")
        return out + " AS " + query + ";"
    }

    /// The materialized view's text: header with the column list (each name backticked, "since mv supports complex
    /// expressions as the output column"), COMMENT, PARTITION BY, DISTRIBUTED BY (RANDOM when none was given),
    /// ORDER BY, REFRESH (MANUAL when none was given; IMMEDIATE, the default moment, not printed), PROPERTIES
    /// (`propertyEntries`), then the query.
    static func materializedView(_ view: MaterializedView, definition: String?, defaultReplicationNum: Int) -> String {
        let query = definition ?? tokensText(view.query)
        var out = "CREATE MATERIALIZED VIEW " + ServerQuoting.backticked(view.name) + " ("
            + columnList(view.columns, query: query).joined(separator: ", ") + ")"
        if !view.comment.isEmpty { out += "\nCOMMENT " + ServerQuoting.doubleQuoted(view.comment) }
        if !view.partitionBy.isEmpty {
            out += "\nPARTITION BY (" + view.partitionBy.map(ExpressionText.partitionExpression).joined(separator: ", ") + ")"
        }
        out += "\n" + TableText.distributionText(view.distribution ?? Distribution(method: .random))
        if let orderBy = view.orderBy, !orderBy.isEmpty {
            // The MV's sort keys are kept as names and joined by "," (`getMvSortKeys`).
            out += "\nORDER BY (" + orderBy.joined(separator: ",") + ")"
        }
        out += "\n" + refreshText(view.refresh)
        out += "\nPROPERTIES (\n" + ServerQuoting.propertyLines(propertyEntries(view.properties,
            defaultReplicationNum: defaultReplicationNum)) + "\n)"
        return out + "\nAS " + query + ";"
    }

    /// The MV's PROPERTIES: the property map (what the DDL set, plus the `replicated_storage` and `replication_num`
    /// the FE puts there at creation) in HashMap order, then `storage_medium` (`appendUniqueProperties`, HDD) when
    /// the map does not hold it.
    static func propertyEntries(_ written: [String: String], defaultReplicationNum: Int) -> [(key: String, value: String)] {
        var properties: [String: String] = [:]
        for (key, value) in written { properties[key.lowercased()] = value }
        if properties["replicated_storage"] == nil { properties["replicated_storage"] = "true" }
        if properties["replication_num"] == nil { properties["replication_num"] = String(defaultReplicationNum) }
        var entries = JavaHashMapOrder.ordered(Array(properties.keys)).map { (key: $0, value: properties[$0]!) }
        if properties["storage_medium"] == nil { entries.append((key: "storage_medium", value: "HDD")) }
        return entries
    }

    /// `REFRESH [DEFERRED ]ASYNC|MANUAL|INCREMENTAL[ START("...")][ EVERY(INTERVAL n UNIT)]`.
    static func refreshText(_ refresh: Refresh?) -> String {
        var out = "REFRESH "
        if refresh?.moment == .deferred { out += "DEFERRED " }
        out += (refresh?.kind ?? .manual).rawValue
        if let start = refresh?.start { out += " START(\"" + start + "\")" }
        if let count = refresh?.everyCount, let unit = refresh?.everyUnit {
            out += " EVERY(INTERVAL \(count) " + unit.uppercased() + ")"
        }
        return out
    }

    /// The column list: declared names (with their comments), else the query's output names — an alias, a
    /// column reference's name, or the expression's text (`bitmap_union(to_bitmap(tag_id))`).
    static func columnList(_ declared: [ViewColumn], query: String) -> [String] {
        if !declared.isEmpty {
            return declared.map { column in
                ServerQuoting.backticked(column.name)
                    + (column.comment.isEmpty ? "" : " COMMENT " + ServerQuoting.doubleQuoted(column.comment))
            }
        }
        return ViewQueryShape(query).items.map { item in
            ServerQuoting.backticked(item.columnReference == nil && item.outputName.contains(" ")
                ? ExpressionText.asWritten(item.outputName) : item.outputName)
        }
    }

    /// A query from its tokens when its typed text is unknown: tokens joined the way they are spelled, identifiers
    /// backticked, strings single-quoted.
    static func tokensText(_ query: QueryText) -> String {
        var out = ""
        for (index, token) in query.tokens.enumerated() {
            let text: String
            switch token.kind {
            case .quotedIdentifier: text = ServerQuoting.backticked(token.text)
            case .string: text = "'" + token.text.replacingOccurrences(of: "'", with: "\\'") + "'"
            case .word, .number, .symbol: text = token.text
            }
            let previous = index > 0 ? query.tokens[index - 1] : nil
            let tight = [")", ",", "."].contains(token.text) && token.kind == .symbol
                || previous.map { $0.kind == .symbol && ["(", "."].contains($0.text) } ?? true
                || token.kind == .symbol && token.text == "(" && previous?.kind == .word
            out += (tight ? "" : " ") + text
        }
        return out
    }
}
