import SchemaModel

/// The partition clause of SHOW CREATE TABLE: catalog/RangePartitionInfo.java and ListPartitionInfo.java `toSql`,
/// and the expression-partitioning form of ExpressionRangePartitionInfo (branch-3.3).
enum PartitionText {
    /// The clause for `partitioning` of a table with `columns`.
    static func sql(_ partitioning: Partitioning, columns: [Column]) -> String {
        switch partitioning {
        case .range(let range):
            return rangeText(range, columns: columns)
        case .list(let list):
            return listText(list)
        case .expression(let expressions):
            // 3.3 prints the expressions after PARTITION BY, separated by ", ": a column backticked, a function call
            // as written (`date_trunc('month', k1)`); the partitions themselves are created at load time and not
            // listed.
            return "PARTITION BY " + expressions.map(ExpressionText.partitionExpression).joined(separator: ", ")
        }
    }

    /// `PARTITION BY RANGE(<exprs>)\n(PARTITION p VALUES [("lo"), ("hi")),\n...)`: every partition as a fixed
    /// half-open range, sorted by lower bound, joined by ",\n"; partition names bare, bounds double-quoted except
    /// MAXVALUE.
    static func rangeText(_ range: RangePartitioning, columns: [Column]) -> String {
        let expressions = range.expressions.map { expression -> String in
            let tokens = StatementTokenizer.tokens(expression)
            if tokens.count == 1, tokens[0].isName { return ServerQuoting.backticked(tokens[0].text) }
            return ExpressionText.asWritten(expression)
        }
        let types = range.expressions.map { resultType(of: $0, columns: columns) }
        let partitions = RangeExpansion.ranges(range, types: types).map { stored in
            "PARTITION \(stored.name) VALUES [\(tuple(stored.lower)), \(tuple(stored.upper)))"
        }
        return "PARTITION BY RANGE(" + expressions.joined(separator: ", ") + ")\n(" + partitions.joined(separator: ",\n") + ")"
    }

    /// `("a", "b")`, MAXVALUE bare (`PartitionKey.toSql`).
    static func tuple(_ values: [String]) -> String {
        "(" + values.map { $0.uppercased() == "MAXVALUE" ? "MAXVALUE" : "\"" + $0 + "\"" }.joined(separator: ", ") + ")"
    }

    /// `PARTITION BY LIST(`a`,`b`)(\n  PARTITION p VALUES IN ('x', 'y'),\n...\n)`: columns joined by "," without
    /// a space, values single-quoted and joined by ", ", a multi-column value as a parenthesised tuple, two-space
    /// indent. The FE lists partitions in its map's order; the simulator keeps declaration order.
    static func listText(_ list: ListPartitioning) -> String {
        let columns = list.columns.map(ServerQuoting.backticked).joined(separator: ",")
        let partitions = list.partitions.map { partition -> String in
            let values = partition.values.map { tuple -> String in
                let quoted = tuple.map { "'" + $0 + "'" }.joined(separator: ", ")
                return list.columns.count > 1 ? "(" + quoted + ")" : quoted
            }
            return "  PARTITION \(partition.name) VALUES IN (" + values.joined(separator: ", ") + ")"
        }
        return "PARTITION BY LIST(" + columns + ")(\n" + partitions.joined(separator: ",\n") + "\n)"
    }

    /// The scalar type a RANGE partition expression yields: a column's own type; `from_unixtime` and
    /// `from_unixtime_ms` DATETIME, `str2date` DATE, `CAST(.. AS t)` t, `date_trunc` / `time_slice` their column's.
    static func resultType(of expression: String, columns: [Column]) -> String? {
        let tokens = StatementTokenizer.tokens(expression)
        guard let first = tokens.first else { return nil }
        func columnType(_ name: String) -> String? {
            columns.first { $0.name.lowercased() == name.lowercased() }.flatMap { TableDefaults.scalarName($0.type) }
        }
        if tokens.count == 1 { return columnType(first.text) }
        switch first.text.lowercased() {
        case "from_unixtime", "from_unixtime_ms": return "datetime"
        case "str2date": return "date"
        case "cast":
            guard let asIndex = tokens.lastIndex(where: { $0.isWord("AS") }), asIndex + 1 < tokens.count else { return nil }
            return TypeText.aliases[tokens[asIndex + 1].text.lowercased()] ?? tokens[asIndex + 1].text.lowercased()
        default:
            return tokens.dropFirst().first { $0.isName && columnType($0.text) != nil }.flatMap { columnType($0.text) }
        }
    }
}
