import StarRocksDDL

/// `ALTER TABLE` clause by clause. The statement is all-or-nothing: table-level clauses change a local copy that is
/// stored only when every clause succeeded; RENAME and SWAP WITH then move names.
extension Catalog {
    mutating func alterTable(_ name: ObjectName, clauses: [AlterTableClause]) throws(SchemaChangeError) {
        var table = try self.table(name)
        var moves: [(index: Int, clause: AlterTableClause)] = []
        for (index, clause) in clauses.enumerated() {
            switch clause {
            case .rename, .swapWith:
                moves.append((index, clause))
            case .addRollup(let rollup, _):
                addRollup(rollup, on: name)
            case .dropRollup(let rollup):
                dropRollup(rollup, on: name)
            default:
                do { try table.apply(clause) } catch { throw error.inClause(index) }
            }
        }
        let before = moves.isEmpty ? nil : databases[name.database]
        databases[name.database]!.tables[name.name] = table
        var current = name
        for (index, clause) in moves {
            do {
                switch clause {
                case .rename(let newName):
                    try rename(.table, current, to: newName)
                    let renamed = ObjectName(database: current.database, name: newName)
                    if let names = rollups.removeValue(forKey: current.description) {
                        rollups[renamed.description] = names
                    }
                    current = renamed
                case .swapWith(let other):
                    try swapTables(current, with: other)
                    let partner = ObjectName(database: current.database, name: other)
                    let mine = rollups.removeValue(forKey: current.description)
                    let theirs = rollups.removeValue(forKey: partner.description)
                    rollups[current.description] = theirs
                    rollups[partner.description] = mine
                default:
                    break
                }
            } catch {
                databases[name.database] = before
                throw error.inClause(index)
            }
        }
    }
}

extension SchemaChangeError {
    /// The error located in the ALTER TABLE clause at `index`.
    func inClause(_ index: Int) -> SchemaChangeError {
        var located = self
        located.clauseIndex = index
        return located
    }
}

extension Table {
    /// One table-level ALTER TABLE clause. Clauses aimed at rollups, temporary partitions or a subset of partitions
    /// change nothing SHOW CREATE TABLE prints and are accepted without effect.
    mutating func apply(_ clause: AlterTableClause) throws(SchemaChangeError) {
        switch clause {
        case .addColumn(let add):
            let position = add.position.map(ColumnPosition.init)
            var anchor = position
            for definition in add.columns {
                try addColumn(Column(definition), position: anchor)
                if add.isParenthesized, anchor != nil { anchor = .after(definition.name) }
            }
        case .dropColumn(let drop):
            if drop.rollup == nil { try dropColumn(named: drop.name) }
        case .modifyColumn(.definition(let definition, let position, let rollup)):
            if rollup == nil { try modifyColumn(Column(definition), position: position.map(ColumnPosition.init)) }
        case .modifyColumn(.comment(let columnName, let comment)):
            try modifyColumn(Column(name: columnName, type: .scalar(name: "", arguments: []), comment: comment),
                             position: nil, commentOnly: true)
        case .renameColumn(let from, let to):
            try renameColumn(from: from, to: to)
        case .comment(let text):
            comment = text
        case .set(let properties):
            setProperties([String: String](properties: properties))
        case .orderBy(let names):
            try orderBy(names)
        case .distributedBy(let clause, let partitions):
            if partitions.isEmpty { distribution = Distribution(clause) }
        case .addPartition(let add):
            if !add.isTemporary { try addPartition(add) }
        case .dropPartition(let drop):
            if drop.isTemporary { return }
            for partitionName in drop.names { try dropPartition(named: partitionName, ifExists: drop.ifExists) }
        case .modifyPartition(let partitions, let properties):
            modifyPartitionProperties(partitions, [String: String](properties: properties))
        case .renamePartition(let from, let to):
            try renamePartition(from: from, to: to)
        case .addIndex(let index):
            try addIndex(TableIndex(index))
        case .dropIndex(let indexName):
            try dropIndex(named: indexName)
        case .addRollup, .dropRollup:
            return
        case .rename, .swapWith:
            return
        }
    }

    /// `ADD PARTITION` / `ADD PARTITIONS`: trailing properties join the partition's own.
    private mutating func addPartition(_ add: AddPartitionClause) throws(SchemaChangeError) {
        let extra = [String: String](properties: add.properties)
        switch add.element {
        case .range(let definition):
            var partition = RangePartition(definition)
            partition.properties.merge(extra) { _, new in new }
            if definition.ifNotExists, hasDeclaredPartition(named: partition.name) { return }
            try addRangePartition(partition)
        case .batch(let batch):
            try addRangeBatch(RangeBatch(batch))
        case .list(let definition):
            var partition = ListPartition(definition)
            partition.properties.merge(extra) { _, new in new }
            if definition.ifNotExists, hasDeclaredPartition(named: partition.name) { return }
            try addListPartition(partition)
        }
    }

    private func hasDeclaredPartition(named partitionName: String) -> Bool {
        switch partitioning {
        case .range(let range)?: return range.partitions.contains { $0.name.lowercased() == partitionName.lowercased() }
        case .list(let list)?: return list.partitions.contains { $0.name.lowercased() == partitionName.lowercased() }
        default: return false
        }
    }

    /// `MODIFY PARTITION p SET (...)`: merged into the named declared partitions; `(*)` and batch-made partitions
    /// are not modelled per partition and are left alone.
    private mutating func modifyPartitionProperties(_ names: [String], _ properties: [String: String]) {
        let wanted = Set(names.map { $0.lowercased() })
        switch partitioning {
        case .range(var range)?:
            for index in range.partitions.indices where wanted.contains(range.partitions[index].name.lowercased()) {
                range.partitions[index].properties.merge(properties) { _, new in new }
            }
            partitioning = .range(range)
        case .list(var list)?:
            for index in list.partitions.indices where wanted.contains(list.partitions[index].name.lowercased()) {
                list.partitions[index].properties.merge(properties) { _, new in new }
            }
            partitioning = .list(list)
        default:
            return
        }
    }

    /// `RENAME PARTITION old new` for a declared partition.
    private mutating func renamePartition(from old: String, to new: String) throws(SchemaChangeError) {
        switch partitioning {
        case .range(var range)?:
            if let index = range.partitions.firstIndex(where: { $0.name.lowercased() == old.lowercased() }) {
                range.partitions[index].name = new
                partitioning = .range(range)
                return
            }
            if !range.batches.isEmpty {
                throw SchemaChangeError("partition `\(old)` of table `\(name)` was made by START/END/EVERY; renaming it "
                    + "cannot be replayed, declare the partition explicitly instead", subject: old)
            }
        case .list(var list)?:
            if let index = list.partitions.firstIndex(where: { $0.name.lowercased() == old.lowercased() }) {
                list.partitions[index].name = new
                partitioning = .list(list)
                return
            }
        default:
            break
        }
        throw SchemaChangeError("partition `\(old)` does not exist in table `\(name)`; check the name", subject: old)
    }
}

extension ColumnPosition {
    /// The model position for a FIRST / AFTER clause.
    init(_ clause: ColumnPositionClause) {
        switch clause {
        case .first: self = .first
        case .after(let column): self = .after(column)
        }
    }
}
