/// Printing of ALTER TABLE clauses.
extension StatementPrinter {
    mutating func alterTable(_ alter: AlterTableStatement) {
        output += "ALTER TABLE " + name(alter.name) + " " + alter.clauses.map(alterClause).joined(separator: ", ")
    }

    func alterClause(_ clause: AlterTableClause) -> String {
        switch clause {
        case .addColumn(let add):
            var out = "ADD COLUMN "
            if add.isParenthesized {
                out += "(" + add.columns.map(column).joined(separator: ", ") + ")"
            } else {
                out += add.columns.map(column).joined(separator: ", ")
            }
            out += position(add.position)
            if let rollup = add.rollup { out += " TO " + id(rollup) }
            if !add.properties.isEmpty { out += " PROPERTIES " + inlineProperties(add.properties) }
            return out
        case .dropColumn(let drop):
            return "DROP COLUMN " + id(drop.name) + (drop.rollup.map { " FROM " + id($0) } ?? "")
        case .modifyColumn(.definition(let definition, let place, let rollup)):
            return "MODIFY COLUMN " + column(definition) + position(place) + (rollup.map { " FROM " + id($0) } ?? "")
        case .modifyColumn(.comment(let name, let comment)):
            return "MODIFY COLUMN " + id(name) + " COMMENT " + quoted(comment)
        case let .renameColumn(from, to):
            return "RENAME COLUMN " + id(from) + " TO " + id(to)
        case .rename(let newName):
            return "RENAME " + id(newName)
        case .comment(let comment):
            return "COMMENT = " + quoted(comment)
        case .set(let properties):
            return "SET " + inlineProperties(properties)
        case .orderBy(let columns):
            return "ORDER BY(" + ids(columns) + ")"
        case let .distributedBy(clause, partitions):
            return (partitions.isEmpty ? "" : "PARTITIONS (" + ids(partitions) + ") ") + distribution(clause)
        case .addPartition(let add):
            var out = "ADD " + (add.isTemporary ? "TEMPORARY " : "")
            if case .batch = add.element { out += "PARTITIONS " }
            out += partitionElement(add.element)
            if let clause = add.distributedBy { out += " " + distribution(clause) }
            if !add.properties.isEmpty { out += " PROPERTIES " + inlineProperties(add.properties) }
            return out
        case .dropPartition(let drop):
            return "DROP " + (drop.isTemporary ? "TEMPORARY " : "") + (drop.names.count > 1 ? "PARTITIONS " : "PARTITION ")
                + (drop.ifExists ? "IF EXISTS " : "") + ids(drop.names) + (drop.force ? " FORCE" : "")
        case let .modifyPartition(partitions, properties):
            let list = partitions == ["*"] ? "*" : ids(partitions)
            return "MODIFY PARTITION (" + list + ") SET " + inlineProperties(properties)
        case let .renamePartition(from, to):
            return "RENAME PARTITION " + id(from) + " " + id(to)
        case .addIndex(let index):
            return "ADD " + indexDefinition(index)
        case .dropIndex(let index):
            return "DROP INDEX " + id(index)
        case .swapWith(let other):
            return "SWAP WITH " + id(other)
        case let .addRollup(rollup, columns):
            return "ADD ROLLUP " + id(rollup) + " (" + ids(columns) + ")"
        case .dropRollup(let rollup):
            return "DROP ROLLUP " + id(rollup)
        }
    }

    private func position(_ position: ColumnPositionClause?) -> String {
        switch position {
        case .none: return ""
        case .first: return " FIRST"
        case .after(let column): return " AFTER " + id(column)
        }
    }
}
