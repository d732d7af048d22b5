/// Sort key, partition and index changes as StarRocks applies them.
extension Table {
    /// `ALTER TABLE ... ORDER BY (...)`.
    ///
    /// On a PRIMARY KEY table it sets the sort key. On other tables a list naming every column is a column reorder
    /// (the columns and the key clause take that order, the sort key stays; docs/starrocks-behaviour.md#columns);
    /// any other list sets the sort key, which on AGGREGATE and UNIQUE KEY tables must be the key columns.
    public mutating func orderBy(_ names: [String]) throws(SchemaChangeError) {
        var seen = Set<String>()
        for name in names {
            guard seen.insert(name.lowercased()).inserted else {
                throw SchemaChangeError("column `\(name)` is listed twice in ORDER BY; list each column once",
                                        subject: name)
            }
            if hasKnownColumns, column(named: name) == nil {
                throw SchemaChangeError("column `\(name)` in ORDER BY does not exist in table `\(self.name)`; check the name",
                                        subject: name)
            }
        }
        let model = key?.model ?? .duplicate
        if model != .primary, hasKnownColumns, names.count == columns.count, !columns.isEmpty {
            columns = names.map { column(named: $0)! }
            orderKeyColumnsByPosition()
            return
        }
        if model == .aggregate || model == .unique, seen != keyColumnNames {
            throw SchemaChangeError("the sort columns of a \(model.rawValue) KEY table must be its key columns; "
                + "list exactly \((key?.columns ?? []).joined(separator: ", "))")
        }
        orderBy = names.map { column(named: $0)?.name ?? $0 }
    }

    /// `ADD PARTITION`: a RANGE or LIST partition appended to the declared ones.
    /// On an expression-partitioned table (partitions made at load time, never printed) it has no effect.
    public mutating func addRangePartition(_ partition: RangePartition) throws(SchemaChangeError) {
        if case .expression? = partitioning { return }
        guard case .range(var range)? = partitioning else {
            throw SchemaChangeError("table `\(name)` is not RANGE partitioned; a RANGE partition cannot be added",
                                    subject: name)
        }
        if range.partitions.contains(where: { $0.name.lowercased() == partition.name.lowercased() }) {
            throw SchemaChangeError("partition `\(partition.name)` already exists in table `\(name)`; use another name",
                                    subject: partition.name)
        }
        range.partitions.append(partition)
        range.droppedFromBatches.removeAll { $0.lowercased() == partition.name.lowercased() }
        partitioning = .range(range)
    }

    /// `ADD PARTITIONS START (..) END (..) EVERY (..)`.
    public mutating func addRangeBatch(_ batch: RangeBatch) throws(SchemaChangeError) {
        if case .expression? = partitioning { return }
        guard case .range(var range)? = partitioning else {
            throw SchemaChangeError("table `\(name)` is not RANGE partitioned; partitions cannot be added by range",
                                    subject: name)
        }
        range.batches.append(batch)
        partitioning = .range(range)
    }

    /// `ADD PARTITION p VALUES IN (...)`.
    /// On an expression-partitioned table it has no effect (see `addRangePartition`).
    public mutating func addListPartition(_ partition: ListPartition) throws(SchemaChangeError) {
        if case .expression? = partitioning { return }
        guard case .list(var list)? = partitioning else {
            throw SchemaChangeError("table `\(name)` is not LIST partitioned; a LIST partition cannot be added",
                                    subject: name)
        }
        if list.partitions.contains(where: { $0.name.lowercased() == partition.name.lowercased() }) {
            throw SchemaChangeError("partition `\(partition.name)` already exists in table `\(name)`; use another name",
                                    subject: partition.name)
        }
        list.partitions.append(partition)
        partitioning = .list(list)
    }

    /// `DROP PARTITION [IF EXISTS] p`. A name that is not declared on a table with START/END/EVERY batches is
    /// recorded in `droppedFromBatches` (the batch generated it); expression-partitioned tables accept any name
    /// (their partitions are created at load time).
    public mutating func dropPartition(named partitionName: String, ifExists: Bool) throws(SchemaChangeError) {
        let lower = partitionName.lowercased()
        switch partitioning {
        case .range(var range)?:
            if let index = range.partitions.firstIndex(where: { $0.name.lowercased() == lower }) {
                range.partitions.remove(at: index)
            } else if !range.batches.isEmpty {
                if !range.droppedFromBatches.contains(where: { $0.lowercased() == lower }) {
                    range.droppedFromBatches.append(partitionName)
                }
            } else if !ifExists {
                throw missingPartition(partitionName)
            }
            partitioning = .range(range)
        case .list(var list)?:
            if let index = list.partitions.firstIndex(where: { $0.name.lowercased() == lower }) {
                list.partitions.remove(at: index)
                partitioning = .list(list)
            } else if !ifExists {
                throw missingPartition(partitionName)
            }
        case .expression?:
            return
        case nil:
            if !ifExists { throw missingPartition(partitionName) }
        }
    }

    private func missingPartition(_ partitionName: String) -> SchemaChangeError {
        SchemaChangeError("partition `\(partitionName)` does not exist in table `\(name)`; use DROP PARTITION IF EXISTS "
            + "or check the name", subject: partitionName)
    }

    /// `ADD INDEX` / `CREATE INDEX`.
    public mutating func addIndex(_ index: TableIndex) throws(SchemaChangeError) {
        if indexes.contains(where: { $0.name.lowercased() == index.name.lowercased() }) {
            throw SchemaChangeError("index `\(index.name)` already exists on table `\(name)`; use another name",
                                    subject: index.name)
        }
        for columnName in index.columns where hasKnownColumns && column(named: columnName) == nil {
            throw SchemaChangeError("column `\(columnName)` of index `\(index.name)` does not exist in table `\(name)`",
                                    subject: columnName)
        }
        indexes.append(index)
    }

    /// `DROP INDEX` (`ALTER TABLE ... DROP INDEX` or `DROP INDEX ... ON`).
    public mutating func dropIndex(named indexName: String) throws(SchemaChangeError) {
        guard let position = indexes.firstIndex(where: { $0.name.lowercased() == indexName.lowercased() }) else {
            throw SchemaChangeError("index `\(indexName)` does not exist on table `\(name)`; check the name",
                                    subject: indexName)
        }
        indexes.remove(at: position)
    }

    /// `ALTER TABLE ... SET ("k" = "v")`: the given properties are merged over the existing ones.
    public mutating func setProperties(_ changes: [String: String]) {
        properties.merge(changes) { _, new in new }
    }
}
