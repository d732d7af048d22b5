import StarRocksDDL

/// The typed column clauses of ALTER TABLE for a column of this table: its definition as StarRocksDDL syntax and its
/// place among the other columns. The differ's fix SQL and the planner's ALTER statements are both built from these,
/// so a column definition and its FIRST/AFTER position are decided in exactly one place.
extension Table {
    /// The definition of the column called `name` as ADD/MODIFY COLUMN states it, or `nil` when there is no such
    /// column.
    ///
    /// The aggregate function is stated only on AGGREGATE KEY tables (StarRocks rejects it elsewhere), and `KEY` for a
    /// key column of a non-PRIMARY table (ADD COLUMN needs it to place the column among the keys); see
    /// `SchemaChangeHandler` in StarRocks' FE (fe/fe-core/src/main/java/com/starrocks/alter/SchemaChangeHandler.java).
    public func columnDefinitionClause(named name: String) -> ColumnDefinitionClause? {
        guard let column = column(named: name) else { return nil }
        let keyNames = Set((key?.columns ?? []).map { $0.lowercased() })
        let isKey = keyNames.contains(column.name.lowercased())
        return ColumnDefinitionClause(
            name: column.name, type: column.type.clause, isKey: isKey && key?.model != .primary,
            aggregate: key?.model == .aggregate && !isKey ? column.aggregate?.rawValue : nil,
            nullable: column.nullable, defaultValue: column.defaultValue?.clause,
            isAutoIncrement: column.isAutoIncrement,
            generatedExpression: column.generatedExpression.flatMap(ExpressionClause.init(text:)),
            comment: column.comment.isEmpty ? nil : column.comment)
    }

    /// Where the column called `name` stands in this table, as ADD/MODIFY COLUMN states it: `FIRST` for the first
    /// column, `AFTER` its predecessor otherwise, and no position at all for a generated column — StarRocks keeps
    /// generated columns after every ordinary column and rejects FIRST/AFTER for them (SchemaChangeHandler), so one is
    /// added last. The hidden columns StarRocks adds for expression partitioning are never named: a user's ALTER
    /// cannot see them. `nil` also when there is no such column.
    public func positionClause(ofColumn name: String) -> ColumnPositionClause? {
        guard let index = columnIndex(named: name), columns[index].generatedExpression == nil else { return nil }
        let predecessor = columns[..<index].last {
            !$0.name.lowercased().hasPrefix(Normalize.generatedPartitionColumnPrefix)
        }
        return predecessor.map { .after($0.name) } ?? .first
    }

    /// `ADD COLUMN <definition> [FIRST | AFTER prev]` for the column called `name`, placed where it stands in this
    /// table; `nil` when there is no such column.
    public func addColumnClause(named name: String) -> AlterTableClause? {
        guard let definition = columnDefinitionClause(named: name) else { return nil }
        return .addColumn(AddColumnClause(columns: [definition], position: positionClause(ofColumn: name)))
    }

    /// `MODIFY COLUMN <definition>` for the column called `name`, with its position when `placed` (a column moved by
    /// hand is put back after its predecessor); `nil` when there is no such column.
    public func modifyColumnClause(named name: String, placed: Bool = false) -> AlterTableClause? {
        guard let definition = columnDefinitionClause(named: name) else { return nil }
        return .modifyColumn(.definition(definition, position: placed ? positionClause(ofColumn: name) : nil,
                                         rollup: nil))
    }
}

extension ColumnType {
    /// The type as StarRocksDDL syntax.
    var clause: ColumnTypeClause {
        switch self {
        case let .scalar(name, arguments): return .scalar(name: name, arguments: arguments)
        case let .array(element): return .array(element.clause)
        case let .map(key, value): return .map(key: key.clause, value: value.clause)
        case let .struct(fields): return .struct(fields.map { StructFieldClause(name: $0.name, type: $0.type.clause) })
        }
    }
}

extension ColumnDefault {
    /// The default as StarRocksDDL syntax (an expression the lexer cannot read is kept as one literal).
    var clause: ColumnDefaultClause {
        switch self {
        case .literal(let text): return .literal(text)
        case .currentTimestamp: return .currentTimestamp
        case .null: return .null
        case .expression(let text): return ExpressionClause(text: text).map(ColumnDefaultClause.expression) ?? .literal(text)
        }
    }
}

extension ExpressionClause {
    /// The expression `text` as tokens (StarRocksDDL's lexer), or `nil` when the text does not lex.
    init?(text: String) {
        guard let tokens = SQLLexer.tokens(text) else { return nil }
        self.init(tokens: tokens)
    }
}
