import SchemaModel
import StarRocksDDL

/// Rule `drop-column-used-by-view`: dropping a column that a view or materialized view selects breaks the view
/// (queries fail) or sets the MV inactive. The views are found in the catalog replayed up to the statement.
enum DropUsedColumnRule {
    /// Findings for the statement in `context`.
    static func check(_ context: LintContext) -> [LintFinding] {
        guard case let .alterTable(alter) = context.parsed.statement else { return [] }
        let table = context.resolve(alter.name)
        var findings: [LintFinding] = []
        for case let .dropColumn(drop) in alter.clauses where drop.rollup == nil {
            for (kind, user) in users(of: table, column: drop.name, in: context.catalog) {
                findings.append(context.finding(
                    .dropColumnUsedByView, at: context.location(of: drop.name, after: "DROP"), object: table,
                    message: "dropping column \(drop.name) of \(table) breaks \(kind) \(user), which uses it",
                    fix: "first redefine \(user) without \(drop.name) (\(redefinition(kind))) "
                        + "in this or an earlier revision, or keep the column"))
            }
        }
        return findings
    }

    /// How to redefine a view or an MV.
    static func redefinition(_ kind: String) -> String {
        kind == "view" ? "ALTER VIEW ... AS ..." : "DROP MATERIALIZED VIEW and CREATE it again"
    }

    /// The views and materialized views whose query mentions `table` and `column` (or selects `*`).
    static func users(of table: ObjectName, column: String, in catalog: Catalog) -> [(kind: String, name: ObjectName)] {
        var result: [(kind: String, name: ObjectName)] = []
        for databaseName in catalog.databaseNames {
            guard let database = catalog.databases[databaseName] else { continue }
            for (name, view) in database.views.sorted(by: { $0.key < $1.key })
                where uses(view.query, table: table, column: column, home: databaseName) {
                result.append(("view", ObjectName(database: databaseName, name: name)))
            }
            for (name, view) in database.materializedViews.sorted(by: { $0.key < $1.key })
                where uses(view.query, table: table, column: column, home: databaseName) {
                result.append(("materialized view", ObjectName(database: databaseName, name: name)))
            }
        }
        return result
    }

    /// Whether `query` reads `table` (qualified, or unqualified from `home`) and names `column` or selects `*`.
    static func uses(_ query: QueryText, table: ObjectName, column: String, home: String) -> Bool {
        let tokens = query.tokens
        func isName(_ token: QueryText.Token, _ name: String) -> Bool {
            (token.kind == .word || token.kind == .quotedIdentifier) && token.text.lowercased() == name.lowercased()
        }
        var readsTable = false
        for (index, token) in tokens.enumerated() where isName(token, table.name) {
            let qualified = index >= 2 && tokens[index - 1].text == "."
            let database = qualified ? tokens[index - 2].text : home
            if database.lowercased() == table.database.lowercased() { readsTable = true }
        }
        guard readsTable else { return false }
        for (index, token) in tokens.enumerated() {
            if isName(token, column) { return true }
            if token.kind == .symbol, token.text == "*", index > 0, tokens[index - 1].text != "(" {
                let previous = tokens[index - 1]
                if previous.kind == .word && ["SELECT", "DISTINCT", "ALL"].contains(previous.text.uppercased())
                    || previous.text == "," || previous.text == "." { return true }
            }
        }
        return false
    }
}
