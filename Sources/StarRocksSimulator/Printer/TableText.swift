import SchemaModel

/// `SHOW CREATE TABLE` of an OLAP table, laid out as sql/analyzer/AstToStringBuilder.java `getDdlStmt` does it
/// (branch-3.3):
///
/// ```
/// CREATE TABLE `t` (
///   <column>,                      two spaces, Column.toSql; index lines after the columns
///   INDEX i (`c`) USING BITMAP COMMENT ''
/// ) ENGINE=OLAP␠                   a space after OLAP
/// DUPLICATE KEY(`k`)               the key columns in column order
/// COMMENT "..."                    only when the table has a comment
/// PARTITION BY ...                 only for RANGE / LIST / expression partitioning
/// DISTRIBUTED BY HASH(`k`) BUCKETS 3␠
/// ORDER BY(`a`, `b`)               only when a sort key was given
/// PROPERTIES (
/// "k" = "v"
/// );
/// ```
struct TableText {
    /// The table as the replay left it.
    var table: Table
    /// The FE's `default_replication_num`.
    var defaultReplicationNum: Int

    /// The full text.
    var text: String {
        let key = TableDefaults.key(of: table)
        let keyNames = Set((key?.columns ?? []).map { $0.lowercased() })
        var lines = table.columns.map { column in
            "  " + ColumnText.sql(column, model: key?.model, isKey: keyNames.contains(column.name.lowercased()))
        }
        lines += table.indexes.map { "  " + indexText($0) }
        var out = "CREATE TABLE " + ServerQuoting.backticked(table.name) + " (\n" + lines.joined(separator: ",\n")
        // Table type CLOUD_NATIVE prints as OLAP too; the space after it is part of getDdlStmt's output.
        out += "\n) ENGINE=OLAP "
        if let key {
            let ordered = table.columns.filter { keyNames.contains($0.name.lowercased()) }.map(\.name)
            out += "\n" + key.model.rawValue + " KEY(" + ordered.map(ServerQuoting.backticked).joined(separator: ", ") + ")"
        }
        if !table.comment.isEmpty { out += "\nCOMMENT " + ServerQuoting.doubleQuoted(table.comment) }
        if let partitioning = table.partitioning {
            out += "\n" + PartitionText.sql(partitioning, columns: table.columns)
        }
        let distribution = TableDefaults.distribution(of: table, key: key)
        out += "\n" + Self.distributionText(distribution)
        if let orderBy = table.orderBy, !orderBy.isEmpty {
            out += "\nORDER BY(" + orderBy.map(ServerQuoting.backticked).joined(separator: ", ") + ")"
        }
        let properties = TablePropertyText.entries(of: table, key: key, distribution: distribution,
                                                   defaultReplicationNum: defaultReplicationNum)
        out += "\nPROPERTIES (\n" + ServerQuoting.propertyLines(properties) + "\n);"
        return out
    }

    /// catalog/HashDistributionInfo.java and RandomDistributionInfo.java `toSql`: `DISTRIBUTED BY HASH(`a`, `b`)`
    /// with ` BUCKETS n ` (a trailing space) when a count was given; `DISTRIBUTED BY RANDOM` with ` BUCKETS n` (no
    /// trailing space). Automatic bucketing prints no BUCKETS.
    static func distributionText(_ distribution: Distribution) -> String {
        switch distribution.method {
        case .hash(let columns):
            let buckets = distribution.buckets.map { " BUCKETS \($0) " } ?? ""
            return "DISTRIBUTED BY HASH(" + columns.map(ServerQuoting.backticked).joined(separator: ", ") + ")" + buckets
        case .random:
            return "DISTRIBUTED BY RANDOM" + (distribution.buckets.map { " BUCKETS \($0)" } ?? "")
        }
    }

    /// catalog/Index.java `toSql`: `INDEX name (`c`) USING TYPE[("k" = "v", ...)] COMMENT 'c'` — the name bare, the
    /// comment single-quoted; a GIN index gets the server's `"imp_lib" = "clucene"` and its properties sorted.
    func indexText(_ index: TableIndex) -> String {
        var text = "INDEX " + index.name + " (" + index.columns.map(ServerQuoting.backticked).joined(separator: ", ")
            + ") USING " + index.type.uppercased()
        var properties = index.properties
        if index.type.uppercased() == "GIN", properties["imp_lib"] == nil { properties["imp_lib"] = "clucene" }
        if !properties.isEmpty {
            let entries = properties.sorted { $0.key < $1.key }
                .map { ServerQuoting.doubleQuoted($0.key) + " = " + ServerQuoting.doubleQuoted($0.value) }
            text += "(" + entries.joined(separator: ", ") + ")"
        }
        return text + " COMMENT '" + index.comment + "'"
    }
}
