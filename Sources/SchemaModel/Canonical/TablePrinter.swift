/// Prints a `Table` as one canonical `CREATE TABLE` statement (layout after SHOW CREATE TABLE, without its trailing
/// spaces and server-added attributes).
struct TablePrinter {
    let table: Table
    /// The database that qualifies the table's name, or nil for the bare name.
    var database: String?

    private var name: String { CanonicalDDL.objectName(table.name, database: database) }

    func statement() -> String {
        var elements = table.columns.map { "  " + CanonicalDDL.column($0) }
        elements += table.indexes.map { "  " + Self.index($0) }
        var lines: [String]
        if elements.isEmpty {
            // CTAS without a column list.
            lines = ["CREATE TABLE \(name)"]
            if let engine = table.engine { lines.append("ENGINE=\(engine)") }
        } else {
            lines = ["CREATE TABLE \(name) (", elements.joined(separator: ",\n")]
            lines.append(")" + (table.engine.map { " ENGINE=\($0)" } ?? ""))
        }
        if let key = table.key {
            lines.append("\(key.model.rawValue) KEY(\(SQLText.identifiers(key.columns)))")
        }
        if !table.comment.isEmpty { lines.append("COMMENT " + SQLText.doubleQuoted(table.comment)) }
        if let partitioning = table.partitioning { lines.append(Self.partitioning(partitioning)) }
        if let distribution = table.distribution { lines.append(Self.distribution(distribution)) }
        if let orderBy = table.orderBy { lines.append("ORDER BY(\(SQLText.identifiers(orderBy)))") }
        let properties = SQLText.propertiesBlock(table.properties)
        if !properties.isEmpty { lines.append(properties) }
        if let query = table.definedByQuery { lines.append("AS " + ViewPrinter.query(query)) }
        return lines.joined(separator: "\n") + ";" + followUps()
    }

    /// State a CREATE TABLE cannot express, as ALTER statements after it: partitions dropped from START/END/EVERY
    /// batches.
    private func followUps() -> String {
        guard case .range(let range)? = table.partitioning, !range.droppedFromBatches.isEmpty else { return "" }
        return range.droppedFromBatches.map {
            "\nALTER TABLE \(name) DROP PARTITION \(SQLText.objectName($0));"
        }.joined()
    }

    /// `INDEX name (`c`) USING BITMAP[("k" = "v")] [COMMENT "c"]`.
    static func index(_ index: TableIndex) -> String {
        var text = "INDEX \(SQLText.objectName(index.name)) (\(SQLText.identifiers(index.columns))) USING \(index.type)"
        if !index.properties.isEmpty { text += "(" + SQLText.propertyList(index.properties, separator: ", ") + ")" }
        if !index.comment.isEmpty { text += " COMMENT " + SQLText.doubleQuoted(index.comment) }
        return text
    }

    /// `DISTRIBUTED BY HASH(`a`, `b`) [BUCKETS n]` / `DISTRIBUTED BY RANDOM [BUCKETS n]`.
    static func distribution(_ distribution: Distribution) -> String {
        var text: String
        switch distribution.method {
        case .hash(let columns): text = "DISTRIBUTED BY HASH(\(SQLText.identifiers(columns)))"
        case .random: text = "DISTRIBUTED BY RANDOM"
        }
        if let buckets = distribution.buckets { text += " BUCKETS \(buckets)" }
        return text
    }

    /// The `PARTITION BY` clause.
    static func partitioning(_ partitioning: Partitioning) -> String {
        switch partitioning {
        case .range(let range):
            let head = "PARTITION BY RANGE(\(range.expressions.map(SQLText.expression).joined(separator: ", ")))"
            var items = range.partitions.map(rangePartition)
            items += range.batches.map(rangeBatch)
            return head + "\n(" + items.joined(separator: ",\n") + ")"
        case .list(let list):
            let head = "PARTITION BY LIST(\(SQLText.identifiers(list.columns)))"
            let items = list.partitions.map { "  " + listPartition($0, columnCount: list.columns.count) }
            return head + "(\n" + items.joined(separator: ",\n") + "\n)"
        case .expression(let expressions):
            return "PARTITION BY " + expressions.map(SQLText.expression).joined(separator: ", ")
        }
    }

    /// `PARTITION p VALUES [("a"), ("b"))`, `VALUES LESS THAN ("b")`, `VALUES LESS THAN MAXVALUE`.
    static func rangePartition(_ partition: RangePartition) -> String {
        let upper = partition.upper.map(tuple) ?? "MAXVALUE"
        var text = "PARTITION \(SQLText.objectName(partition.name)) VALUES "
        if let lower = partition.lower {
            let upperBound = partition.upper.map(tuple) ?? "(MAXVALUE)"
            text += "[\(tuple(lower)), \(upperBound))"
        } else {
            text += "LESS THAN \(upper)"
        }
        return text + partitionProperties(partition.properties)
    }

    /// `START ("a") END ("b") EVERY (INTERVAL 1 DAY)` or `EVERY (10)`.
    static func rangeBatch(_ batch: RangeBatch) -> String {
        let every = batch.unit.map { "INTERVAL \(batch.every) \($0)" } ?? String(batch.every)
        return "START (\(SQLText.boundValue(batch.start))) END (\(SQLText.boundValue(batch.end))) EVERY (\(every))"
    }

    /// `PARTITION p VALUES IN ('a', 'b')` or, with several columns, `VALUES IN (('a', '1'), ('b', '2'))`.
    static func listPartition(_ partition: ListPartition, columnCount: Int) -> String {
        let values: String
        if columnCount > 1 {
            values = partition.values.map { "(" + $0.map(SQLText.singleQuoted).joined(separator: ", ") + ")" }
                .joined(separator: ", ")
        } else {
            values = partition.values.flatMap { $0 }.map(SQLText.singleQuoted).joined(separator: ", ")
        }
        return "PARTITION \(SQLText.objectName(partition.name)) VALUES IN (\(values))"
            + partitionProperties(partition.properties)
    }

    /// `("v1", "v2")`.
    static func tuple(_ values: [String]) -> String {
        "(" + values.map(SQLText.boundValue).joined(separator: ", ") + ")"
    }

    static func partitionProperties(_ properties: [String: String]) -> String {
        properties.isEmpty ? "" : "(" + SQLText.propertyList(properties, separator: ", ") + ")"
    }
}
