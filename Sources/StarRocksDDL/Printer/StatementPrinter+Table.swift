/// Printing of CREATE TABLE, columns and partitioning.
extension StatementPrinter {
    mutating func createTable(_ table: CreateTableStatement) {
        output += "CREATE TABLE " + (table.ifNotExists ? "IF NOT EXISTS " : "") + name(table.name)
        if let like = table.like {
            if let partition = table.partitionBy { output += "\nPARTITION BY " + partitionBy(partition) }
            if let clause = table.distributedBy { output += "\n" + distribution(clause) }
            if !table.properties.isEmpty { output += "\n" + propertiesBlock(table.properties) }
            let hasClauses = table.partitionBy != nil || table.distributedBy != nil || !table.properties.isEmpty
            output += (hasClauses ? "\n" : " ") + "LIKE " + name(like)
            return
        }
        let elements = table.columns.map(column) + table.indexes.map(indexDefinition)
        if !elements.isEmpty {
            output += " (\n" + elements.map { "  " + $0 }.joined(separator: ",\n") + "\n)"
        }
        if let engine = table.engine { output += " ENGINE=" + bareOrQuoted(engine) }
        if let key = table.key { output += "\n\(key.model.rawValue) KEY(" + ids(key.columns) + ")" }
        if let comment = table.comment { output += "\nCOMMENT " + quoted(comment) }
        if let partition = table.partitionBy { output += "\nPARTITION BY " + partitionBy(partition) }
        if let clause = table.distributedBy { output += "\n" + distribution(clause) }
        if let orderBy = table.orderBy { output += "\nORDER BY(" + ids(orderBy) + ")" }
        if !table.properties.isEmpty { output += "\n" + propertiesBlock(table.properties) }
        if let query = table.asQuery { output += "\nAS " + query.text }
    }

    /// `` `name` type [KEY] [AGG] [NULL|NOT NULL] [AUTO_INCREMENT] [DEFAULT ..] [AS (expr)] [COMMENT ".."] ``.
    func column(_ column: ColumnDefinitionClause) -> String {
        var out = id(column.name) + " " + column.type.description
        if column.isKey { out += " KEY" }
        if let aggregate = column.aggregate { out += " " + aggregate }
        if let nullable = column.nullable { out += nullable ? " NULL" : " NOT NULL" }
        if column.isAutoIncrement { out += " AUTO_INCREMENT" }
        if let value = column.defaultValue {
            switch value {
            case .literal(let literal): out += " DEFAULT " + quoted(literal)
            case .null: out += " DEFAULT NULL"
            case .currentTimestamp: out += " DEFAULT CURRENT_TIMESTAMP"
            case .expression(let expression): out += " DEFAULT (" + expression.text + ")"
            }
        }
        if let generated = column.generatedExpression { out += " AS (" + generated.text + ")" }
        if let comment = column.comment { out += " COMMENT " + quoted(comment) }
        return out
    }

    /// The text after `PARTITION BY`.
    func partitionBy(_ clause: PartitionByClause) -> String {
        switch clause {
        case .range(let range):
            let elements = range.elements.map(partitionElement)
            return "RANGE(" + range.expressions.map(\.text).joined(separator: ", ") + ")\n("
                + elements.joined(separator: ",\n") + ")"
        case .list(let list):
            var out = "LIST(" + ids(list.columns) + ")"
            if !list.elements.isEmpty {
                out += "(\n" + list.elements.map { "  " + partitionElement($0) }.joined(separator: ",\n") + "\n)"
            }
            return out
        case .expression(let expression):
            let text = expression.expressions.map(\.text).joined(separator: ", ")
            let head = expression.isParenthesized ? "(" + text + ")" : text
            if expression.initialPartitions.isEmpty { return head }
            return head + "\n(" + expression.initialPartitions.map(partitionElement).joined(separator: ",\n") + ")"
        }
    }

    /// One partition or batch.
    func partitionElement(_ element: PartitionElementClause) -> String {
        switch element {
        case .range(let partition):
            var out = "PARTITION " + (partition.ifNotExists ? "IF NOT EXISTS " : "") + id(partition.name) + " VALUES "
            switch partition.bound {
            case .lessThan(let values): out += "LESS THAN " + valueTuple(values)
            case let .fixed(lower, upper): out += "[" + valueTuple(lower) + ", " + valueTuple(upper) + ")"
            }
            if !partition.properties.isEmpty { out += inlineProperties(partition.properties) }
            return out
        case .list(let partition):
            var out = "PARTITION " + (partition.ifNotExists ? "IF NOT EXISTS " : "") + id(partition.name)
                + " VALUES IN ("
            if partition.values.allSatisfy({ $0.count == 1 }) {
                out += partition.values.map { SQLQuoting.singleQuoted($0[0]) }.joined(separator: ", ")
            } else {
                out += partition.values.map { tuple in
                    "(" + tuple.map(SQLQuoting.singleQuoted).joined(separator: ", ") + ")"
                }.joined(separator: ", ")
            }
            out += ")"
            if !partition.properties.isEmpty { out += " " + inlineProperties(partition.properties) }
            return out
        case .batch(let batch):
            return "START (" + quoted(batch.start) + ") END (" + quoted(batch.end) + ") EVERY (" + interval(batch.every)
                + ")"
        }
    }

    /// `("a", MAXVALUE)`.
    func valueTuple(_ values: [PartitionValueClause]) -> String {
        "(" + values.map { value in
            switch value {
            case .value(let text): return quoted(text)
            case .maxValue: return "MAXVALUE"
            }
        }.joined(separator: ", ") + ")"
    }
}
