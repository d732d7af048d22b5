/// FROM clauses: which tables, CTEs and subqueries a select block reads, under which names.
extension QueryResolver {
    /// One piece of a FROM clause in source order: text kept as is, a relation (rendered once every relation of the
    /// block is known, see `qualify`), or a join condition (resolved with the whole block in scope).
    enum FromItem {
        case tokens([ResolvedToken])
        case relation(Int)
        case expression(Range<Int>)
    }

    /// Splits a FROM clause into relations and join text:
    /// `a [AS] x JOIN b ON cond`, `a, b`, `(SELECT ...) [AS] s [(cols)]`, `cte`, `fn(args) [AS] f`, `(a JOIN b)`.
    func fromClause(_ range: Range<Int>, outer: [[Relation]], ctes: [String: Set<String>?],
                    into relations: inout [Relation]) -> [FromItem] {
        var items: [FromItem] = []
        var index = range.lowerBound
        var expectRelation = true
        while index < range.upperBound {
            let lexeme = lexemes[index]
            if expectRelation {
                expectRelation = false
                if lexeme.text == "(", let close = closing(index, range) {
                    let inner = (index + 1)..<close
                    if lexemes[index + 1].isWord("select") || lexemes[index + 1].isWord("with") {
                        let resolved = query(inner, outer: outer, ctes: ctes)
                        index = close + 1
                        let alias = self.alias(at: &index, in: range)
                        var columns = outputNames(inner)
                        var declared: [ResolvedToken] = []
                        if index < range.upperBound, lexemes[index].text == "(", let end = closing(index, range) {
                            columns = Set(lexemes[(index + 1)..<end].filter(\.isName).map(\.text))
                            declared = (index...end).map(plain)
                            index = end + 1
                        }
                        items.append(.tokens([ResolvedToken(text: "(")] + resolved + [ResolvedToken(text: ")")]))
                        relations.append(Relation(database: nil, name: alias ?? "", alias: alias, columns: columns))
                        items.append(.relation(relations.count - 1))
                        items.append(.tokens(declared))
                    } else {
                        items.append(.tokens([plain(index)]))
                        items += fromClause(inner, outer: outer, ctes: ctes, into: &relations)
                        items.append(.tokens([plain(close)]))
                        index = close + 1
                    }
                    continue
                }
                if lexeme.isWord("lateral") {
                    items.append(.tokens([plain(index)]))
                    index += 1
                    expectRelation = true
                    continue
                }
                if lexeme.isName {
                    var parts = [lexeme.text]
                    while index + 2 < range.upperBound, lexemes[index + 1].text == ".", lexemes[index + 2].isName {
                        parts.append(lexemes[index + 2].text)
                        index += 2
                    }
                    index += 1
                    if index < range.upperBound, lexemes[index].text == "(", let close = closing(index, range) {
                        // A table function: `unnest(arr) AS u`, `generate_series(1, 3)`.
                        items.append(.tokens([ResolvedToken(text: parts.joined(separator: ".")), plain(index)]))
                        items.append(.expression((index + 1)..<close))
                        items.append(.tokens([plain(close)]))
                        index = close + 1
                        let alias = self.alias(at: &index, in: range)
                        relations.append(Relation(database: nil, name: parts.joined(separator: "."), alias: alias))
                        items.append(.tokens(alias.map { [ResolvedToken(text: $0)] } ?? []))
                        continue
                    }
                    if parts.count == 3, parts[0] == Self.defaultCatalog { parts.removeFirst() }
                    let alias = self.alias(at: &index, in: range)
                    if parts.count == 1, let cte = ctes[parts[0]] {
                        relations.append(Relation(database: nil, name: parts[0], alias: alias, columns: cte))
                    } else {
                        let name = parts.removeLast()
                        let database = parts.isEmpty ? self.database.lowercased() : parts.joined(separator: ".")
                        relations.append(Relation(database: database, name: name, alias: alias,
                                                  columns: tables.columns(database: database, table: name)))
                    }
                    items.append(.relation(relations.count - 1))
                    continue
                }
            }
            if lexeme.text == "," || lexeme.isWord("join") {
                items.append(.tokens([plain(index)]))
                expectRelation = true
                index += 1
            } else if lexeme.isWord("on") {
                let end = conditionEnd(from: index + 1, in: range)
                items.append(.tokens([plain(index)]))
                items.append(.expression((index + 1)..<end))
                index = end
            } else {
                items.append(.tokens([plain(index)]))
                index += 1
            }
        }
        return items
    }

    /// Where a join condition ends: the next `,` or join word at depth 0 (a word followed by `(` is a function).
    func conditionEnd(from start: Int, in range: Range<Int>) -> Int {
        var depth = 0
        for index in start..<range.upperBound {
            let lexeme = lexemes[index]
            if lexeme.text == "(" { depth += 1 }
            if lexeme.text == ")" { depth -= 1 }
            guard depth == 0 else { continue }
            if lexeme.text == "," { return index }
            if Self.joinWords.contains(lexeme.wordText),
               index + 1 >= range.upperBound || lexemes[index + 1].text != "(" { return index }
        }
        return range.upperBound
    }

    /// The alias after a relation (`AS x` or a bare `x`), advancing `index` past it.
    func alias(at index: inout Int, in range: Range<Int>) -> String? {
        guard index < range.upperBound else { return nil }
        if lexemes[index].isWord("as"), index + 1 < range.upperBound {
            index += 2
            return lexemes[index - 1].text
        }
        let lexeme = lexemes[index]
        if lexeme.isName && !Self.joinWords.contains(lexeme.wordText) {
            index += 1
            return lexeme.text
        }
        return nil
    }

    /// Sets how each relation's columns are qualified once resolved: a table by `db.tbl`, unless the block reads the
    /// same table twice (then by its alias); anything else by its alias or name.
    func qualify(_ relations: inout [Relation]) {
        var counts: [String: Int] = [:]
        for relation in relations where relation.database != nil {
            counts[relation.database! + "." + relation.name, default: 0] += 1
        }
        for index in relations.indices {
            let relation = relations[index]
            if let database = relation.database {
                let table = database + "." + relation.name
                relations[index].qualifier = counts[table]! > 1 ? (relation.alias ?? table) : table
            } else {
                relations[index].qualifier = relation.alias ?? relation.name
            }
        }
    }

    /// A relation as it stands in a resolved FROM: `db.tbl` (plus the alias in a self-join), a CTE's name (plus
    /// alias), a subquery's alias.
    func render(_ relation: Relation) -> [ResolvedToken] {
        guard let database = relation.database else {
            guard let alias = relation.alias, !relation.name.isEmpty else { return [ResolvedToken(text: relation.qualifier)] }
            return [ResolvedToken(text: relation.name), ResolvedToken(text: alias)]
        }
        let table = ResolvedToken(text: database + "." + relation.name)
        return relation.qualifier == table.text ? [table] : [table, ResolvedToken(text: relation.qualifier)]
    }

    /// The output column names of a query's first select block: each item's alias, or the column it names; `nil`
    /// when an item has neither (an expression without alias, a `*`).
    func outputNames(_ range: Range<Int>) -> Set<String>? {
        orderedOutputNames(range).map(Set.init)
    }

    /// `outputNames` in select-list order.
    func orderedOutputNames(_ range: Range<Int>) -> [String]? {
        let select = nextAtDepth(from: range.lowerBound, in: range, where: { $0 == "select" })
        guard select < range.upperBound else { return nil }
        let from = nextAtDepth(from: select + 1, in: range, where: { $0 == "from" || Self.setOperators.contains($0) })
        var names: [String] = []
        for item in selectItems((select + 1)..<from) {
            guard let last = item.last, lexemes[last].isName else { return nil }
            names.append(lexemes[last].text)
        }
        return names
    }

    /// The aliases a select list gives its items (`expr AS name`, `expr name`).
    func selectAliases(_ range: Range<Int>) -> Set<String> {
        var names: Set<String> = []
        for item in selectItems(range) {
            guard let last = item.last, last > item.lowerBound, lexemes[last].isName,
                  isAlias(at: last, from: item.lowerBound) else { continue }
            names.insert(lexemes[last].text)
        }
        return names
    }

    /// The items of a select list: ranges between commas at depth 0 (after a leading `DISTINCT`).
    func selectItems(_ range: Range<Int>) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start = range.lowerBound
        if start < range.upperBound, lexemes[start].isWord("distinct") || lexemes[start].isWord("all") { start += 1 }
        var depth = 0
        for index in start..<range.upperBound {
            if lexemes[index].text == "(" { depth += 1 }
            if lexemes[index].text == ")" { depth -= 1 }
            if depth == 0, lexemes[index].text == "," {
                items.append(start..<index)
                start = index + 1
            }
        }
        if start < range.upperBound { items.append(start..<range.upperBound) }
        return items
    }

    /// Words that end a relation or a join condition.
    static let joinWords: Set<String> = ["join", "left", "right", "full", "cross", "semi", "anti", "inner", "outer",
                                         "natural", "on", "using", "lateral"]
}
