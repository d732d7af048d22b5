/// Column changes as StarRocks applies them (`ALTER TABLE ... ADD/DROP/MODIFY/RENAME COLUMN`).
///
/// A table created by CTAS (`definedByQuery != nil`) has unknown columns: checks that need the column list are
/// skipped for it and new columns are appended.
extension Table {
    /// Whether the column list is complete: false for a CTAS table, whose `columns` hold only what the statement
    /// declared or later ALTERs added.
    public var hasKnownColumns: Bool { definedByQuery == nil }

    /// Names of the key columns, lower-cased.
    var keyColumnNames: Set<String> { Set((key?.columns ?? []).map { $0.lowercased() }) }

    /// `ADD COLUMN`: without a position a value column is appended, and a key column (marked `KEY`, or given no
    /// aggregate function on an AGGREGATE KEY table) goes after the last key column.
    public mutating func addColumn(_ column: Column, position: ColumnPosition?) throws(SchemaChangeError) {
        if let existing = self.column(named: column.name) {
            throw SchemaChangeError("column `\(existing.name)` already exists in table `\(name)`; "
                + "remove the ADD COLUMN or use MODIFY COLUMN", subject: existing.name)
        }
        var column = column
        let isKey = column.isKeyMarked || (key?.model == .aggregate && column.aggregate == nil)
        if isKey, let aggregate = column.aggregate {
            throw SchemaChangeError("key column `\(column.name)` cannot have the aggregate function \(aggregate.rawValue); "
                + "remove it or drop KEY", subject: column.name)
        }
        if !isKey, let model = key?.model, model != .aggregate, let aggregate = column.aggregate,
           !(aggregate == .replace && model != .duplicate) {
            throw SchemaChangeError("column `\(column.name)` cannot have the aggregate function \(aggregate.rawValue) in "
                + "a \(model.rawValue) KEY table; remove it", subject: column.name)
        }
        if column.isKeyMarked, key?.model == .primary {
            throw SchemaChangeError("cannot add key column `\(column.name)` to PRIMARY KEY table `\(name)`; drop KEY "
                + "(the primary key cannot change)", subject: column.name)
        }
        column.isKeyMarked = false
        let index: Int
        switch position {
        case .first?:
            index = 0
        case .after(let anchor)?:
            index = try self.index(after: anchor)
        case nil:
            if isKey, key != nil {
                let lastKey = columns.lastIndex { keyColumnNames.contains($0.name.lowercased()) }
                index = lastKey.map { $0 + 1 } ?? 0
            } else {
                index = appendPosition(for: column)
            }
        }
        columns.insert(column, at: min(index, columns.count))
        if isKey, key != nil {
            key!.columns.append(column.name)
            orderKeyColumnsByPosition()
        }
    }

    /// Generated columns stay last (3.1+): StarRocks keeps every `AS <expr>` column at the end of the schema, so a
    /// later `ADD COLUMN c INT` without a position lands before the first generated column, not after it. Example:
    /// `CREATE TABLE t (k INT, v INT, g INT AS v + 1)` then `ADD COLUMN w INT` prints `k, v, w, g`. A new generated
    /// column itself is appended.
    func appendPosition(for column: Column) -> Int {
        if column.generatedExpression == nil,
           let firstGenerated = columns.firstIndex(where: { $0.generatedExpression != nil }) {
            return firstGenerated
        }
        return columns.count
    }

    /// `DROP COLUMN`: rejected for key columns of PRIMARY, UNIQUE and AGGREGATE KEY tables, for the sort key of a
    /// PRIMARY KEY table, and for partition and distribution columns.
    public mutating func dropColumn(named columnName: String) throws(SchemaChangeError) {
        guard let index = columnIndex(named: columnName) else {
            if !hasKnownColumns { return }
            throw SchemaChangeError("column `\(columnName)` does not exist in table `\(name)`; check the name",
                                    subject: columnName)
        }
        let lower = columnName.lowercased()
        if keyColumnNames.contains(lower), let model = key?.model {
            if model == .primary || model == .unique {
                throw SchemaChangeError("cannot drop key column `\(columnName)` of \(model.rawValue) KEY table "
                    + "`\(name)`; recreate the table instead", subject: columnName)
            }
            if model == .aggregate, columns.contains(where: { $0.aggregate == .replace || $0.aggregate == .replaceIfNotNull }) {
                throw SchemaChangeError("cannot drop key column `\(columnName)` of AGGREGATE KEY table `\(name)` while a "
                    + "value column uses REPLACE; recreate the table instead", subject: columnName)
            }
            if key!.columns.count == 1 {
                throw SchemaChangeError("cannot drop `\(columnName)`, the last key column of table `\(name)`; "
                    + "a table needs at least one key column", subject: columnName)
            }
        }
        if key?.model == .primary, (orderBy ?? []).contains(where: { $0.lowercased() == lower }) {
            throw SchemaChangeError("cannot drop sort column `\(columnName)` of PRIMARY KEY table `\(name)`; "
                + "change the ORDER BY first", subject: columnName)
        }
        if case .hash(let hashColumns)? = distribution?.method, hashColumns.contains(where: { $0.lowercased() == lower }) {
            throw SchemaChangeError("cannot drop distribution column `\(columnName)` of table `\(name)`",
                                    subject: columnName)
        }
        if partitionColumnNames.contains(lower) {
            throw SchemaChangeError("cannot drop partition column `\(columnName)` of table `\(name)`",
                                    subject: columnName)
        }
        columns.remove(at: index)
        key?.columns.removeAll { $0.lowercased() == lower }
        if let sortKey = orderBy {
            let remaining = sortKey.filter { $0.lowercased() != lower }
            orderBy = remaining.isEmpty ? nil : remaining
        }
        indexes.removeAll { $0.columns.contains { $0.lowercased() == lower } }
    }

    /// `MODIFY COLUMN`: the new definition replaces the old one (a definition without NULL/NOT NULL stays `nil`, which
    /// the server reads as NULL); key membership is kept; on AGGREGATE KEY tables a value column given no aggregate
    /// function keeps its old one. `commentOnly` is `MODIFY COLUMN c COMMENT 'x'` without a type.
    public mutating func modifyColumn(_ column: Column, position: ColumnPosition?, commentOnly: Bool = false)
        throws(SchemaChangeError) {
        guard let index = columnIndex(named: column.name) else {
            if !hasKnownColumns { return }
            throw SchemaChangeError("column `\(column.name)` does not exist in table `\(name)`; "
                + "use ADD COLUMN or check the name", subject: column.name)
        }
        let old = columns[index]
        let isKey = keyColumnNames.contains(old.name.lowercased())
        var updated: Column
        if commentOnly || (key?.model == .primary && isKey && Self.changesOnlyComment(of: old, to: column)) {
            updated = old
            updated.comment = column.comment
        } else {
            if key?.model == .primary, isKey {
                throw SchemaChangeError("cannot modify key column `\(old.name)` of PRIMARY KEY table `\(name)`; "
                    + "recreate the table instead", subject: old.name)
            }
            if key?.model == .primary, (orderBy ?? []).contains(where: { $0.lowercased() == old.name.lowercased() }) {
                throw SchemaChangeError("cannot modify sort column `\(old.name)` of PRIMARY KEY table `\(name)`; "
                    + "change the ORDER BY first", subject: old.name)
            }
            if let model = key?.model, model != .aggregate, let aggregate = column.aggregate,
               !(aggregate == .replace && model != .duplicate) {
                throw SchemaChangeError("column `\(old.name)` cannot have the aggregate function \(aggregate.rawValue) "
                    + "in a \(model.rawValue) KEY table; remove it", subject: old.name)
            }
            updated = column
            updated.name = old.name
            updated.isKeyMarked = false
            if key?.model == .aggregate, !isKey, updated.aggregate == nil { updated.aggregate = old.aggregate }
        }
        columns[index] = updated
        if let position { try move(columnAt: index, to: position) }
    }

    /// Whether a full `MODIFY COLUMN` definition repeats the column as it is apart from its comment. StarRocks (3.x
    /// `SchemaChangeHandler`) treats such a statement as a comment change, so it is accepted even on a PRIMARY KEY
    /// column and starts no schema-change job: `alter table t modify column k int comment 'k'` on `k int NOT NULL`.
    /// A PRIMARY KEY column is NOT NULL whether or not the definition says so; types compare after `Normalize.type`.
    /// (Other columns need no such rule: a full MODIFY replaces their definition, comment included.)
    static func changesOnlyComment(of old: Column, to new: Column) -> Bool {
        guard Normalize.type(old.type) == Normalize.type(new.type),
              new.aggregate == nil || new.aggregate == old.aggregate,
              new.defaultValue == old.defaultValue,
              new.isAutoIncrement == old.isAutoIncrement,
              new.generatedExpression == old.generatedExpression else { return false }
        return (old.nullable ?? false) == (new.nullable ?? false)
    }

    /// A CREATE TABLE without a key clause: StarRocks infers the DUPLICATE KEY once, from the columns the statement
    /// declares (`Normalize.inferredDuplicateKey`), and stores it; a later ADD COLUMN adds a value column and never
    /// re-infers the key. Replay records the inferred key at creation so that `create table t (a int, b int); alter
    /// table t add column c int` keeps ``DUPLICATE KEY(`a`, `b`)`` as the server prints it, not `(a, b, c)`. A CTAS
    /// table (columns unknown) keeps no key.
    mutating func fixInferredKey() {
        guard key == nil, definedByQuery == nil, !columns.isEmpty else { return }
        key = Normalize.inferredDuplicateKey(columns)
    }

    /// `RENAME COLUMN old TO new`: also renames the column in the key, distribution, sort key, partitioning, indexes
    /// and generated-column expressions.
    public mutating func renameColumn(from oldName: String, to newName: String) throws(SchemaChangeError) {
        guard let index = columnIndex(named: oldName) else {
            if !hasKnownColumns { return }
            throw SchemaChangeError("column `\(oldName)` does not exist in table `\(name)`; check the name",
                                    subject: oldName)
        }
        if let clash = column(named: newName), clash.name.lowercased() != oldName.lowercased() {
            throw SchemaChangeError("column `\(clash.name)` already exists in table `\(name)`; choose another name",
                                    subject: clash.name)
        }
        let old = columns[index].name
        columns[index].name = newName
        func renamed(_ names: [String]) -> [String] {
            names.map { $0.lowercased() == old.lowercased() ? newName : $0 }
        }
        if let currentKey = key { key!.columns = renamed(currentKey.columns) }
        if case .hash(let hashColumns)? = distribution?.method { distribution?.method = .hash(columns: renamed(hashColumns)) }
        orderBy = orderBy.map(renamed)
        for position in indexes.indices { indexes[position].columns = renamed(indexes[position].columns) }
        for position in columns.indices {
            columns[position].generatedExpression = columns[position].generatedExpression.map {
                ExpressionText.renamingIdentifier(in: $0, from: old, to: newName)
            }
        }
        partitioning = partitioning.map { $0.renamingColumn(from: old, to: newName) }
    }

    /// The index just after the column called `anchor`.
    func index(after anchor: String) throws(SchemaChangeError) -> Int {
        guard let anchorIndex = columnIndex(named: anchor) else {
            if !hasKnownColumns { return columns.count }
            throw SchemaChangeError("column `\(anchor)` named in AFTER does not exist in table `\(name)`; check the name",
                                    subject: anchor)
        }
        return anchorIndex + 1
    }

    /// Moves the column at `index` to `position`.
    mutating func move(columnAt index: Int, to position: ColumnPosition) throws(SchemaChangeError) {
        let column = columns[index]
        if case .after(let anchor) = position, anchor.lowercased() == column.name.lowercased() {
            throw SchemaChangeError("column `\(column.name)` cannot be placed after itself", subject: column.name)
        }
        columns.remove(at: index)
        switch position {
        case .first: columns.insert(column, at: 0)
        case .after(let anchor): columns.insert(column, at: try self.index(after: anchor))
        }
        orderKeyColumnsByPosition()
    }

    /// Key columns listed in column order (the server prints the key clause that way).
    mutating func orderKeyColumnsByPosition() {
        guard key != nil else { return }
        let names = keyColumnNames
        let ordered = columns.map(\.name).filter { names.contains($0.lowercased()) }
        if ordered.count == key!.columns.count { key!.columns = ordered }
    }

    /// Lower-cased bare column names used by the partitioning (expressions contribute the identifiers they mention).
    var partitionColumnNames: Set<String> {
        switch partitioning {
        case nil: return []
        case .list(let list)?: return Set(list.columns.map { $0.lowercased() })
        case .range(let range)?: return Set(range.expressions.flatMap(mentionedColumns))
        case .expression(let expressions)?: return Set(expressions.flatMap(mentionedColumns))
        }
    }

    /// The column names (lower-cased) that occur in `expression`.
    private func mentionedColumns(_ expression: String) -> [String] {
        columns.map { $0.name.lowercased() }.filter { name in
            ExpressionText.renamingIdentifier(in: expression, from: name, to: "\u{1}x") != expression
        }
    }
}

extension Partitioning {
    /// The partitioning with column `old` renamed to `new` in its columns and expressions.
    func renamingColumn(from old: String, to new: String) -> Partitioning {
        func rename(_ expression: String) -> String {
            ExpressionText.renamingIdentifier(in: expression, from: old, to: new)
        }
        switch self {
        case .range(var range):
            range.expressions = range.expressions.map(rename)
            return .range(range)
        case .list(var list):
            list.columns = list.columns.map { $0.lowercased() == old.lowercased() ? new : $0 }
            return .list(list)
        case .expression(let expressions):
            return .expression(expressions.map(rename))
        }
    }
}
