/// `CREATE INDEX` / `DROP INDEX` on a table or a materialized view.
///
/// StarRocks (3.3+) accepts `CREATE INDEX idx ON mv (c) USING BITMAP` on an asynchronous materialized view as on a
/// table; SHOW CREATE MATERIALIZED VIEW then prints the index inside the column list
/// (`` CREATE MATERIALIZED VIEW `mv` (`k`, `c`, INDEX idx (`c`) USING BITMAP COMMENT '') ``), which lowers to
/// `MaterializedView.indexes` and is compared like a table's indexes.
extension Catalog {
    /// Adds `index` to the table or materialized view called `name`.
    mutating func createIndex(_ index: TableIndex, on name: ObjectName) throws(SchemaChangeError) {
        if var view = databases[name.database]?.materializedViews[name.name] {
            try view.addIndex(index)
            databases[name.database]!.materializedViews[name.name] = view
            return
        }
        try updateTable(name) { (table: inout Table) throws(SchemaChangeError) in try table.addIndex(index) }
    }

    /// Drops the index called `indexName` from the table or materialized view called `name`.
    mutating func dropIndex(named indexName: String, on name: ObjectName) throws(SchemaChangeError) {
        if var view = databases[name.database]?.materializedViews[name.name] {
            try view.dropIndex(named: indexName)
            databases[name.database]!.materializedViews[name.name] = view
            return
        }
        try updateTable(name) { (table: inout Table) throws(SchemaChangeError) in try table.dropIndex(named: indexName) }
    }
}

extension MaterializedView {
    /// `CREATE INDEX ... ON mv`: rejected when the name is taken, or when the view declares its columns and the index
    /// names one it lacks (an MV without a column list takes its columns from the query, which replay does not
    /// resolve).
    public mutating func addIndex(_ index: TableIndex) throws(SchemaChangeError) {
        if indexes.contains(where: { $0.name.lowercased() == index.name.lowercased() }) {
            throw SchemaChangeError("index `\(index.name)` already exists on materialized view `\(name)`; use another "
                + "name", subject: index.name)
        }
        if !columns.isEmpty {
            let known = Set(columns.map { $0.name.lowercased() })
            for columnName in index.columns where !known.contains(columnName.lowercased()) {
                throw SchemaChangeError("column `\(columnName)` of index `\(index.name)` is not a column of materialized "
                    + "view `\(name)`", subject: columnName)
            }
        }
        indexes.append(index)
    }

    /// `DROP INDEX ... ON mv`.
    public mutating func dropIndex(named indexName: String) throws(SchemaChangeError) {
        guard let position = indexes.firstIndex(where: { $0.name.lowercased() == indexName.lowercased() }) else {
            throw SchemaChangeError("index `\(indexName)` does not exist on materialized view `\(name)`; check the name",
                                    subject: indexName)
        }
        indexes.remove(at: position)
    }
}
