/// ALTER TABLE and its comma-separated clauses.
extension Parser {
    /// After `ALTER TABLE`.
    mutating func parseAlterTable() throws(DDLParseError) -> AlterTableStatement {
        let name = try parseQualifiedName("a table name")
        var clauses: [AlterTableClause] = []
        repeat {
            clauses.append(try parseAlterTableClause(table: name.name))
        } while acceptSymbol(UInt8(ascii: ","))
        return AlterTableStatement(name: name, clauses: clauses)
    }

    private mutating func parseAlterTableClause(table: String) throws(DDLParseError) -> AlterTableClause {
        let token = peek()
        if acceptWord("ADD") { return try parseAlterAdd(table: table) }
        if acceptWord("DROP") { return try parseAlterDrop() }
        if acceptWord("MODIFY") { return try parseAlterModify() }
        if acceptWord("RENAME") {
            if acceptWord("COLUMN") {
                let from = try parseIdentifier("the column to rename")
                try expectWord("TO", "between the old and new column names")
                return .renameColumn(from: from, to: try parseIdentifier("the new column name"))
            }
            if acceptWord("PARTITION") {
                let from = try parseIdentifier("the partition to rename")
                return .renamePartition(from: from, to: try parseIdentifier("the new partition name"))
            }
            if peekWord("ROLLUP") {
                throw error(at: peek(), "renaming a rollup is not supported; rollups do not affect the compared schema, so leave it out")
            }
            _ = acceptWord("TO")
            return .rename(try parseIdentifier("the new table name after RENAME"))
        }
        if acceptWord("COMMENT") { return .comment(try parseCommentValue("of the table")) }
        if acceptWord("SET") { return .set(try parsePropertyList("of ALTER TABLE ... SET")) }
        if acceptWords("ORDER", "BY") { return .orderBy(try parseOrderByColumns()) }
        if acceptWords("DISTRIBUTED", "BY") { return .distributedBy(try parseDistribution(), partitions: []) }
        if isWord(token, "PARTITIONS") || isWord(token, "PARTITION") {
            position += 1
            let partitions = try parseIdentifierList("partition", context: "of PARTITIONS (...)")
            try expectWord("DISTRIBUTED", "after PARTITIONS (...)")
            try expectWord("BY", "after DISTRIBUTED")
            return .distributedBy(try parseDistribution(), partitions: partitions)
        }
        if acceptWords("SWAP", "WITH") { return .swapWith(try parseIdentifier("a table name after SWAP WITH")) }
        throw unexpected("expected an ALTER TABLE clause (ADD, DROP, MODIFY, RENAME, COMMENT, SET, ORDER BY, "
            + "DISTRIBUTED BY, SWAP WITH) for table `\(table)`")
    }

    private mutating func parseAlterAdd(table: String) throws(DDLParseError) -> AlterTableClause {
        if acceptWord("COLUMN") || acceptWord("COLUMNS") {
            if acceptSymbol(UInt8(ascii: "(")) {
                var columns: [ColumnDefinitionClause] = []
                repeat {
                    columns.append(try parseColumnDefinition())
                } while acceptSymbol(UInt8(ascii: ","))
                try expectSymbol(UInt8(ascii: ")"), "or `,` after a column definition in ADD COLUMN (...)")
                var clause = AddColumnClause(columns: columns, isParenthesized: true)
                clause.rollup = try parseRollupTarget()
                if acceptWord("PROPERTIES") { clause.properties = try parsePropertyList("of ADD COLUMN") }
                return .addColumn(clause)
            }
            var clause = AddColumnClause(columns: [try parseColumnDefinition()])
            clause.position = try parseColumnPosition()
            clause.rollup = try parseRollupTarget()
            if acceptWord("PROPERTIES") { clause.properties = try parsePropertyList("of ADD COLUMN") }
            return .addColumn(clause)
        }
        if acceptWord("INDEX") { return .addIndex(try parseIndexDefinition()) }
        if acceptWord("ROLLUP") {
            let name = try parseIdentifier("a rollup name")
            let columns = try parseIdentifierList("column", context: "of rollup `\(name)`")
            if acceptWord("FROM") { _ = try parseIdentifier("the base index name after FROM") }
            if acceptWord("PROPERTIES") { _ = try parsePropertyList("of rollup `\(name)`") }
            return .addRollup(name: name, columns: columns)
        }
        let isTemporary = acceptWord("TEMPORARY")
        if acceptWord("PARTITIONS") {
            try expectWord("START", "after ADD PARTITIONS (write START (...) END (...) EVERY (...))")
            return .addPartition(try parseAddPartitionTail(isTemporary: isTemporary, element: .batch(try parseBatch())))
        }
        if acceptWord("PARTITION") {
            if acceptWord("START") {
                return .addPartition(try parseAddPartitionTail(isTemporary: isTemporary, element: .batch(try parseBatch())))
            }
            let checkpoint = position
            _ = try acceptIfNotExists()
            _ = try parseIdentifier("a partition name")
            let isList = peekWord("VALUES") && peekWord("IN", ahead: 1)
            position = checkpoint
            let element: PartitionElementClause = isList ? .list(try parseListPartitionDefinition())
                : .range(try parseRangePartitionDefinition())
            return .addPartition(try parseAddPartitionTail(isTemporary: isTemporary, element: element))
        }
        throw unexpected("expected COLUMN, INDEX, PARTITION, PARTITIONS or ROLLUP after ADD for table `\(table)`")
    }

    private mutating func parseAddPartitionTail(isTemporary: Bool, element: PartitionElementClause) throws(DDLParseError) -> AddPartitionClause {
        var clause = AddPartitionClause(isTemporary: isTemporary, element: element)
        if acceptWords("DISTRIBUTED", "BY") { clause.distributedBy = try parseDistribution() }
        if acceptWord("PROPERTIES") {
            clause.properties = try parsePropertyList("of the added partition")
        } else if peekSymbol(UInt8(ascii: "(")) {
            clause.properties = try parsePropertyList("of the added partition")
        }
        return clause
    }

    private mutating func parseColumnPosition() throws(DDLParseError) -> ColumnPositionClause? {
        if acceptWord("FIRST") { return .first }
        if acceptWord("AFTER") { return .after(try parseIdentifier("a column name after AFTER")) }
        return nil
    }

    private mutating func parseRollupTarget() throws(DDLParseError) -> String? {
        if acceptWord("TO") || acceptWord("IN") { return try parseIdentifier("a rollup name") }
        return nil
    }

    private mutating func parseAlterDrop() throws(DDLParseError) -> AlterTableClause {
        if acceptWord("COLUMN") {
            let name = try parseIdentifier("the column to drop")
            var rollup: String?
            if acceptWord("FROM") { rollup = try parseIdentifier("a rollup name after FROM") }
            return .dropColumn(DropColumnClause(name: name, rollup: rollup))
        }
        if acceptWord("INDEX") { return .dropIndex(try parseIdentifier("the index to drop")) }
        if acceptWord("ROLLUP") { return .dropRollup(try parseIdentifier("the rollup to drop")) }
        let isTemporary = acceptWord("TEMPORARY")
        if acceptWord("PARTITION") || acceptWord("PARTITIONS") {
            var clause = DropPartitionClause(isTemporary: isTemporary, ifExists: try acceptIfExists(), names: [])
            clause.names.append(try parseIdentifier("the partition to drop"))
            while peekSymbol(UInt8(ascii: ",")) && !startsAlterClause(ahead: 1) {
                position += 1
                clause.names.append(try parseIdentifier("the partition to drop"))
            }
            clause.force = acceptWord("FORCE")
            return .dropPartition(clause)
        }
        throw unexpected("expected COLUMN, PARTITION, INDEX or ROLLUP after DROP")
    }

    private mutating func parseAlterModify() throws(DDLParseError) -> AlterTableClause {
        if acceptWord("COLUMN") {
            let name = try parseIdentifier("the column to modify")
            if acceptWord("COMMENT") {
                return .modifyColumn(.comment(column: name, comment: try parseCommentValue("of column `\(name)`")))
            }
            let column = try parseColumnDefinition(named: name)
            let position = try parseColumnPosition()
            var rollup: String?
            if acceptWord("FROM") { rollup = try parseIdentifier("a rollup name after FROM") }
            return .modifyColumn(.definition(column, position: position, rollup: rollup))
        }
        if acceptWord("PARTITION") || acceptWord("PARTITIONS") {
            var partitions: [String]
            if acceptSymbol(UInt8(ascii: "(")) {
                if acceptSymbol(UInt8(ascii: "*")) {
                    partitions = ["*"]
                } else {
                    partitions = []
                    repeat {
                        partitions.append(try parseIdentifier("a partition name"))
                    } while acceptSymbol(UInt8(ascii: ","))
                }
                try expectSymbol(UInt8(ascii: ")"), "to close the partition list")
            } else {
                partitions = [try parseIdentifier("the partition to modify")]
            }
            try expectWord("SET", "after MODIFY PARTITION")
            return .modifyPartition(partitions: partitions, properties: try parsePropertyList("of MODIFY PARTITION"))
        }
        throw unexpected("expected COLUMN or PARTITION after MODIFY")
    }

    /// Whether the token `ahead` positions on starts another ALTER TABLE clause.
    private func startsAlterClause(ahead: Int) -> Bool {
        let token = peek(ahead)
        return ["ADD", "DROP", "MODIFY", "RENAME", "COMMENT", "SET", "ORDER", "DISTRIBUTED", "SWAP", "PARTITIONS"]
            .contains { (keyword: StaticString) in isWord(token, keyword) }
    }
}
