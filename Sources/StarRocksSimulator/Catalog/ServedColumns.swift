import SchemaModel

/// One column of a served table, view or materialized view, as `information_schema.columns`, `DESC` and
/// `SHOW [FULL] COLUMNS` report it.
struct ServedColumn: Sendable {
    var name: String
    var type: ColumnType
    var nullable: Bool
    var defaultValue: ColumnDefault?
    var comment: String
    /// Aggregate function of an AGGREGATE KEY value column.
    var aggregate: AggregateFunction?
    /// `COLUMN_KEY`: `DUP`, `AGG`, `UNI` or `PRI` for key columns, empty otherwise.
    var keyKind: String
}

extension CatalogIndex {
    /// The type a view or MV column gets when its source cannot be resolved from the catalog (a literal or an
    /// expression the simulator does not type).
    static let unresolvedViewColumnType = ColumnType.scalar(name: "varchar", arguments: [65533])

    /// The columns of `object`, from its parsed SHOW CREATE text: a table's as declared; a view's or MV's named by
    /// its column list, typed by the base-table column each select item refers to (a real FE types them by
    /// analysing the query; the simulator follows plain column references through the catalog and falls back to
    /// `varchar(65533)`). Empty when the text does not parse.
    func columns(of object: Object) -> [ServedColumn] {
        switch model(of: object) {
        case .table(let table)?:
            let keys = Set((table.key?.columns ?? []).map { $0.lowercased() })
            let keyKind = Self.columnKeyKind(table.key?.model)
            let primary = table.key?.model == .primary
            return table.columns.map { column in
                let isKey = keys.contains(column.name.lowercased())
                return ServedColumn(name: column.name, type: column.type,
                                    nullable: column.nullable ?? !(primary && isKey),
                                    defaultValue: column.defaultValue, comment: column.comment,
                                    aggregate: table.key?.model == .aggregate ? column.aggregate : nil,
                                    keyKind: isKey ? keyKind : "")
            }
        case .view(let view)?:
            return viewColumns(names: view.columns.map(\.name), comments: view.columns.map(\.comment), object: object)
        case .materializedView(let view)?:
            return viewColumns(names: view.columns.map(\.name), comments: view.columns.map(\.comment), object: object)
        case nil:
            return []
        }
    }

    /// `COLUMN_KEY` spellings (BE schema_columns_scanner: "UNI, AGG, DUP, PRI").
    static func columnKeyKind(_ model: KeyModel?) -> String {
        switch model {
        case .aggregate?: "AGG"
        case .unique?: "UNI"
        case .primary?: "PRI"
        case .duplicate?, nil: "DUP"
        }
    }

    private func viewColumns(names declared: [String], comments: [String], object: Object) -> [ServedColumn] {
        let query = ViewQueryShape(InformationSchemaRows.queryBody(of: object.text))
        let names = declared.isEmpty ? query.items.map(\.outputName) : declared
        let sources: [Table] = query.tables.compactMap { parts in
            let name = parts.last!
            let candidates = (parts.count >= 2 ? [parts[parts.count - 2]] : []) + [object.database] + databaseNames
            for database in candidates {
                guard let resolved = databaseName(database), let found = self.object(name, in: resolved),
                      found.kind == .table, case .table(let table)? = model(of: found) else { continue }
                return table
            }
            return nil
        }
        return names.enumerated().map { offset, name in
            let reference = query.items.count == names.count ? query.items[offset].columnReference : nil
            let lookup = reference ?? name
            let type = sources.lazy.compactMap { $0.column(named: lookup)?.type }.first
                ?? Self.unresolvedViewColumnType
            return ServedColumn(name: name, type: type, nullable: true, defaultValue: nil,
                                comment: offset < comments.count ? comments[offset] : "", aggregate: nil, keyKind: "")
        }
    }
}

/// The little a simulator needs from a view's query: its top-level select items and the tables after FROM/JOIN.
struct ViewQueryShape {
    struct Item {
        /// The column an item outputs: its alias, else the last name of a column reference.
        var outputName: String
        /// The referenced column when the item is a plain (possibly qualified) column reference.
        var columnReference: String?
    }

    var items: [Item] = []
    /// `[db.]table` names after FROM, JOIN and top-level commas of the FROM clause.
    var tables: [[String]] = []

    init(_ body: String) {
        let tokens = StatementTokenizer.tokens(body)
        guard let select = tokens.firstIndex(where: { $0.isWord("SELECT") }) else { return }
        let base = tokens[..<select].filter { $0.kind == .symbol && $0.text == "(" }.count
            - tokens[..<select].filter { $0.kind == .symbol && $0.text == ")" }.count
        var depth = base
        var current: [StatementToken] = []
        var position = select + 1
        var inFrom = false
        var expectTable = false
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" {
                depth -= 1
                if depth < base { break }
            }
            let top = depth == base
            if !inFrom {
                if top && token.isWord("FROM") {
                    if !current.isEmpty { items.append(Self.item(current)) }
                    inFrom = true
                    expectTable = true
                } else if top && token.kind == .symbol && token.text == "," {
                    items.append(Self.item(current))
                    current = []
                } else {
                    current.append(token)
                }
                continue
            }
            if expectTable && token.isName {
                var parts = [token.text]
                while position + 1 < tokens.count, tokens[position].text == ".", tokens[position + 1].isName {
                    parts.append(tokens[position + 1].text)
                    position += 2
                }
                tables.append(parts)
                expectTable = false
            } else if top && (token.isWord("JOIN") || (token.kind == .symbol && token.text == ",")) {
                expectTable = true
            } else if token.isWord("FROM") || token.isWord("JOIN") {
                expectTable = true
            }
        }
        if !inFrom && !current.isEmpty { items.append(Self.item(current)) }
    }

    private static func item(_ tokens: [StatementToken]) -> Item {
        var expression = tokens
        var alias: String?
        if tokens.count >= 3, tokens[tokens.count - 2].isWord("AS"), tokens.last!.isName || tokens.last!.kind == .string {
            alias = tokens.last!.text
            expression = Array(tokens.dropLast(2))
        } else if tokens.count >= 2, tokens.last!.isName, tokens[tokens.count - 2].isName {
            alias = tokens.last!.text
            expression = Array(tokens.dropLast())
        }
        var reference: String?
        let isReference = !expression.isEmpty && expression.enumerated().allSatisfy { offset, token in
            offset % 2 == 0 ? token.isName : token.kind == .symbol && token.text == "."
        } && expression.count % 2 == 1
        if isReference { reference = expression.last!.text }
        let text = expression.map(\.text).joined(separator: " ")
        return Item(outputName: alias ?? reference ?? text, columnReference: reference)
    }
}
