/// Resolves the names of a view or MV query so that two spellings of one meaning become one text:
/// - an unqualified table is the view's own database's: `FROM events` ≡ ``FROM `analytics`.`events` ``;
/// - a table alias stands for the table it names: `e.id` ≡ `analytics.events.id` (an alias is kept only where one
///   table is read twice, a self-join, since only the alias tells the two apart);
/// - a column reference becomes `db.tbl.col` whether written `col`, `tbl.col`, `alias.col` or `db.tbl.col`;
/// - an unqualified column goes to the one table of its FROM that can hold it (the single table, or the only table
///   of a join whose known columns include it; an inner query looks outwards when its own tables cannot);
/// - names a query defines stay names: CTEs (not tables of the database), subquery aliases, select-list aliases.
///
/// A column that cannot be tied to one table is kept as written and marked, so `compareQueries` can tell "different"
/// from "not resolvable with confidence". Works on `QueryLexeme`s after the lexical rules of `Normalize.query`.
struct QueryResolver {
    /// The lexemes of the whole query.
    let lexemes: [QueryLexeme]
    /// The database the view lives in: where unqualified tables are.
    let database: String
    /// The columns of the tables the query can read (one side's catalog).
    let tables: QueryTables

    /// One table, CTE, subquery or table function of a FROM clause.
    struct Relation {
        /// For a table its database; `nil` for names the query defines (CTE, subquery, table function).
        var database: String?
        /// Table, CTE or function name; a subquery's alias.
        var name: String
        /// The alias written after it, if any.
        var alias: String?
        /// Column names, when known.
        var columns: Set<String>?
        /// How column references to it are written once resolved (`db.tbl`, or an alias).
        var qualifier = ""

        /// The names a column reference can use to point at this relation.
        func answers(to qualifier: String) -> Bool {
            if let alias { return alias == qualifier }
            return name == qualifier
        }
    }

    /// A resolved query: tokens, each marked when it is a column that could not be tied to one table.
    func resolve() -> [ResolvedToken] {
        query(0..<lexemes.count, outer: [], ctes: [:])
    }

    // MARK: Queries and select blocks

    /// `[WITH ...] block [UNION|EXCEPT|INTERSECT|MINUS [ALL|DISTINCT] block]...`; a block is a SELECT or a
    /// parenthesized query.
    func query(_ range: Range<Int>, outer: [[Relation]], ctes: [String: Set<String>?]) -> [ResolvedToken] {
        var out: [ResolvedToken] = []
        var ctes = ctes
        var index = range.lowerBound
        if index < range.upperBound, lexemes[index].isWord("with") {
            out.append(plain(index))
            index += 1
            if index < range.upperBound, lexemes[index].isWord("recursive") {
                out.append(plain(index))
                index += 1
            }
            while index < range.upperBound, lexemes[index].isName {
                let name = lexemes[index].text
                out.append(plain(index))
                index += 1
                var declared: [String]?
                var declaredTokens: [ResolvedToken] = []
                if index < range.upperBound, lexemes[index].text == "(", let close = closing(index, range) {
                    declared = lexemes[(index + 1)..<close].filter(\.isName).map(\.text)
                    declaredTokens = (index...close).map(plain)
                    index = close + 1
                }
                if index < range.upperBound, lexemes[index].isWord("as") { index += 1 }
                guard index < range.upperBound, lexemes[index].text == "(", let close = closing(index, range) else { break }
                // 3.x prints a CTE's column list (`` `c` (`id`) AS (...) ``): one that only repeats the CTE's
                // output names is dropped.
                if declared != nil && declared != orderedOutputNames((index + 1)..<close) { out += declaredTokens }
                out.append(ResolvedToken(text: "as"))
                out.append(plain(index))
                out += query((index + 1)..<close, outer: outer, ctes: ctes)
                out.append(plain(close))
                ctes[name] = declared.map(Set.init) ?? outputNames((index + 1)..<close)
                index = close + 1
                guard index < range.upperBound, lexemes[index].text == "," else { break }
                out.append(plain(index))
                index += 1
            }
        }
        while index < range.upperBound {
            let lexeme = lexemes[index]
            if lexeme.text == "(", let close = closing(index, range) {
                out.append(plain(index))
                out += query((index + 1)..<close, outer: outer, ctes: ctes)
                out.append(plain(close))
                index = close + 1
            } else if lexeme.isWord("select") {
                let end = nextAtDepth(from: index + 1, in: range, where: { Self.setOperators.contains($0) })
                out += select(index..<end, outer: outer, ctes: ctes)
                index = end
            } else if Self.setOperators.contains(lexeme.wordText) {
                out.append(plain(index))
                index += 1
                if index < range.upperBound, lexemes[index].isWord("all") || lexemes[index].isWord("distinct") {
                    out.append(plain(index))
                    index += 1
                }
            } else {
                // ORDER BY / LIMIT after a parenthesized block: names there are output names.
                out += expression(index..<range.upperBound, scopes: outer, ctes: ctes, outputNames: [])
                index = range.upperBound
            }
        }
        return out
    }

    /// `SELECT items [FROM relations] [WHERE ...] [GROUP BY ...] [HAVING ...] [ORDER BY ...] [LIMIT ...]`.
    func select(_ range: Range<Int>, outer: [[Relation]], ctes: [String: Set<String>?]) -> [ResolvedToken] {
        let from = nextAtDepth(from: range.lowerBound + 1, in: range, where: { $0 == "from" })
        let fromEnd = from < range.upperBound
            ? nextAtDepth(from: from + 1, in: range, where: { Self.clauseKeywords.contains($0) })
            : range.upperBound
        var relations: [Relation] = []
        var fromItems: [FromItem] = []
        if from < range.upperBound {
            fromItems = fromClause((from + 1)..<fromEnd, outer: outer, ctes: ctes, into: &relations)
        }
        qualify(&relations)
        let scopes = [relations] + outer
        let names = selectAliases((range.lowerBound + 1)..<from)
        var out = expression(range.lowerBound..<from, scopes: scopes, ctes: ctes, outputNames: [])
        if from < range.upperBound {
            out.append(plain(from))
            for item in fromItems {
                switch item {
                case .tokens(let tokens): out += tokens
                case .relation(let position): out += render(relations[position])
                case .expression(let expressionRange):
                    out += expression(expressionRange, scopes: scopes, ctes: ctes, outputNames: [])
                }
            }
        }
        out += expression(fromEnd..<range.upperBound, scopes: scopes, ctes: ctes, outputNames: names)
        return out
    }

    // MARK: Column references

    /// Resolves the column references of an expression range; subqueries inside are resolved as queries with this
    /// scope as their outer scope. `outputNames` are select-list aliases an ORDER BY or HAVING may name.
    func expression(_ range: Range<Int>, scopes: [[Relation]], ctes: [String: Set<String>?],
                    outputNames: Set<String>) -> [ResolvedToken] {
        var out: [ResolvedToken] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let lexeme = lexemes[index]
            if lexeme.text == "(", index + 1 < range.upperBound,
               lexemes[index + 1].isWord("select") || lexemes[index + 1].isWord("with"),
               let close = closing(index, range) {
                out.append(plain(index))
                out += query((index + 1)..<close, outer: scopes, ctes: ctes)
                out.append(plain(close))
                index = close + 1
                continue
            }
            guard lexeme.isName, !isAlias(at: index, from: range.lowerBound) else {
                out.append(plain(index))
                index += 1
                continue
            }
            var parts = [lexeme.text]
            var last = index
            while last + 2 < range.upperBound, lexemes[last + 1].text == ".",
                  lexemes[last + 2].isName || lexemes[last + 2].text == "*" {
                parts.append(lexemes[last + 2].text)
                last += 2
            }
            if last + 1 < range.upperBound, lexemes[last + 1].text == "(" {
                out.append(ResolvedToken(text: parts.joined(separator: ".")))   // a function name
            } else {
                out.append(column(parts, scopes: scopes, outputNames: outputNames))
            }
            index = last + 1
        }
        return out
    }

    /// Whether the name at `index` is an alias being defined (`expr AS name`, `expr name`), not a reference.
    func isAlias(at index: Int, from start: Int) -> Bool {
        guard index > start else { return false }
        let previous = lexemes[index - 1]
        if previous.isWord("as") { return true }
        if index + 1 < lexemes.count, lexemes[index + 1].text == "." || lexemes[index + 1].text == "(" { return false }
        return previous.isName || previous.text == ")" || previous.kind == .string || previous.kind == .number
    }

    /// `col`, `q.col`, `db.tbl.col` (or `q.*`) as `db.tbl.col`; kept as written when the qualifier names nothing in
    /// scope (a struct field, a name only the server knows).
    func column(_ written: [String], scopes: [[Relation]], outputNames: Set<String>) -> ResolvedToken {
        var parts = written
        if parts.count >= 4, parts[0] == Self.defaultCatalog { parts.removeFirst() }
        if parts.count == 1 {
            let name = parts[0]
            if outputNames.contains(name) { return ResolvedToken(text: name) }
            return owner(of: name, scopes: scopes).map { ResolvedToken(text: $0.qualifier + "." + name) }
                ?? ResolvedToken(text: name, isUnresolvedColumn: true)
        }
        for scope in scopes {
            if parts.count >= 3,
               let relation = scope.first(where: { $0.database == parts[0] && $0.name == parts[1] && $0.alias == nil }) {
                return ResolvedToken(text: ([relation.qualifier] + parts.dropFirst(2)).joined(separator: "."))
            }
            if let relation = scope.first(where: { $0.answers(to: parts[0]) }) {
                return ResolvedToken(text: ([relation.qualifier] + parts.dropFirst()).joined(separator: "."))
            }
        }
        return ResolvedToken(text: parts.joined(separator: "."))
    }

    /// The relation an unqualified column belongs to: innermost scope first; within a scope the single relation, or
    /// the only one whose known columns hold the name while no relation's columns are unknown. `nil` when ambiguous.
    func owner(of name: String, scopes: [[Relation]]) -> Relation? {
        for scope in scopes where !scope.isEmpty {
            let holding = scope.filter { $0.columns?.contains(name) == true }
            let unknown = scope.filter { $0.columns == nil }
            if holding.count == 1 && unknown.isEmpty { return holding[0] }
            if holding.isEmpty && unknown.isEmpty { continue }
            if holding.isEmpty && scope.count == 1 { return scope[0] }
            return nil
        }
        return nil
    }

    // MARK: Helpers

    /// The lexeme at `index` as it stands.
    func plain(_ index: Int) -> ResolvedToken {
        ResolvedToken(text: lexemes[index].text)
    }

    /// The index of the `)` closing the `(` at `open`, within `range`.
    func closing(_ open: Int, _ range: Range<Int>) -> Int? {
        var depth = 0
        for index in open..<range.upperBound {
            if lexemes[index].text == "(" { depth += 1 }
            if lexemes[index].text == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The first index at parenthesis depth 0 from `start` whose word satisfies `match`; `range.upperBound` if none.
    func nextAtDepth(from start: Int, in range: Range<Int>, where match: (String) -> Bool) -> Int {
        var depth = 0
        var index = start
        while index < range.upperBound {
            let lexeme = lexemes[index]
            if lexeme.text == "(" { depth += 1 }
            if lexeme.text == ")" { depth -= 1 }
            if depth == 0, lexeme.kind == .word, match(lexeme.text) { return index }
            index += 1
        }
        return range.upperBound
    }

    /// `union`, `except`, `intersect`, `minus`: where one select block ends and the next begins.
    static let setOperators: Set<String> = ["union", "except", "intersect", "minus"]
    /// Keywords that end a FROM clause.
    static let clauseKeywords: Set<String> = ["where", "group", "having", "order", "limit", "window", "qualify"]
    /// The catalog StarRocks prints in front of internal tables in some versions: `default_catalog.db.tbl`.
    static let defaultCatalog = "default_catalog"
}

/// One output token of a resolved query.
struct ResolvedToken: Hashable {
    /// The comparable text; a resolved column is one token `db.tbl.col`.
    var text: String
    /// A column that could not be tied to one table (kept as written).
    var isUnresolvedColumn = false
}
