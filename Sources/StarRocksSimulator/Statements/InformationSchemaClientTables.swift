import SchemaModel

/// The `information_schema` tables that MySQL-protocol clients read on reflection (the `starrocks` SQLAlchemy
/// dialect reads `columns` for every table, view and MV), derived from each object's parsed SHOW CREATE text with
/// StarRocks' column sets and value spellings (BE `schema_columns_scanner.cpp`, `schema_partitions_meta_scanner.cpp`;
/// docs/starrocks-behaviour.md#information-schema).
extension InformationSchemaRows {
    /// Column titles of the client-facing tables.
    static let clientColumns: [String: [String]] = [
        "columns": [
            "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION", "COLUMN_DEFAULT",
            "IS_NULLABLE", "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH", "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION",
            "NUMERIC_SCALE", "DATETIME_PRECISION", "CHARACTER_SET_NAME", "COLLATION_NAME", "COLUMN_TYPE", "COLUMN_KEY",
            "EXTRA", "PRIVILEGES", "COLUMN_COMMENT", "COLUMN_SIZE", "DECIMAL_DIGITS", "GENERATION_EXPRESSION", "SRS_ID",
        ],
        "partitions_meta": [
            "DB_NAME", "TABLE_NAME", "PARTITION_NAME", "PARTITION_ID", "COMPACT_VERSION", "VISIBLE_VERSION",
            "VISIBLE_VERSION_TIME", "NEXT_VERSION", "DATA_VERSION", "VERSION_EPOCH", "VERSION_TXN_TYPE", "PARTITION_KEY",
            "PARTITION_VALUE", "DISTRIBUTION_KEY", "BUCKETS", "REPLICATION_NUM", "STORAGE_MEDIUM", "COOLDOWN_TIME",
            "LAST_CONSISTENCY_CHECK_TIME", "IS_IN_MEMORY", "IS_TEMP", "DATA_SIZE", "ROW_COUNT", "ENABLE_DATACACHE",
            "AVG_CS", "P50_CS", "MAX_CS", "STORAGE_PATH", "STORAGE_SIZE", "METADATA_SWITCH_VERSION",
        ],
    ]

    /// Rows of a client-facing table for `objects`, or `nil` when `table` is not one.
    func clientRows(of table: String, objects: [CatalogIndex.Object]) -> [[String?]]? {
        switch table {
        case "columns": return objects.flatMap(columnsRows)
        case "partitions_meta": return objects.filter { $0.kind != .view }.flatMap(partitionsMetaRows)
        default: return nil
        }
    }

    /// `information_schema.columns`: TABLE_CATALOG is NULL, COLUMN_DEFAULT is NULL and EXTRA/PRIVILEGES are empty
    /// as in StarRocks 3.x (the BE fills them so); IS_NULLABLE follows the column's NULL/NOT NULL.
    private func columnsRows(_ object: CatalogIndex.Object) -> [[String?]] {
        index.columns(of: object).enumerated().map { offset, column in
            let length = ColumnTypeSpellings.characterLength(column.type)
            let decimal = ColumnTypeSpellings.precisionAndScale(column.type)
            return [
                nil, object.database, object.name, column.name, String(offset + 1), nil, column.nullable ? "YES" : "NO",
                ColumnTypeSpellings.dataType(column.type), length.map(String.init), length.map { String($0 * 3) },
                decimal.map { String($0.precision) }, decimal.map { String($0.scale) }, nil, nil, nil,
                ColumnTypeSpellings.columnType(column.type), column.keyKind, "", "", column.comment,
                (length ?? decimal?.precision).map(String.init), decimal.map { String($0.scale) }, nil, nil,
            ]
        }
    }

    /// `information_schema.partitions_meta`: one row per declared RANGE/LIST partition; an automatically
    /// partitioned table lists only its hidden shadow partition (`$shadow_automatic_partition`, value `()`), an
    /// unpartitioned one a single partition named after the table. PARTITION_KEY is the partition columns'
    /// definitions (`` `c` varchar(65533) NOT NULL COMMENT "" ``), LIST values use the double-parenthesis form
    /// `(('v'))`.
    private func partitionsMetaRows(_ object: CatalogIndex.Object) -> [[String?]] {
        var partitionKey = ""
        var partitions: [(name: String, value: String)] = []
        var distributionKey = "ALL KEY", buckets = "0", replication = String(index.state.defaultReplicationNum)
        func keyDefinitions(_ table: Table, _ names: [String]) -> String {
            names.compactMap { table.column(named: $0).map(CanonicalDDL.column) }.joined(separator: ", ")
        }
        switch index.model(of: object) {
        case .table(let table)?:
            if case .hash(let columns)? = table.distribution?.method { distributionKey = columns.joined(separator: ", ") }
            buckets = String(table.distribution?.buckets ?? 0)
            replication = table.properties["replication_num"] ?? replication
            switch table.partitioning {
            case .range(let range)?:
                partitionKey = keyDefinitions(table, range.expressions)
                partitions = range.partitions.map { partition in
                    let lower = (partition.lower ?? []).joined(separator: ", ")
                    let upper = (partition.upper ?? ["MAXVALUE"]).joined(separator: ", ")
                    return (partition.name, "[(\(lower)), (\(upper)))")
                }
            case .list(let list)?:
                partitionKey = keyDefinitions(table, list.columns)
                partitions = list.partitions.map { partition in
                    let tuples = partition.values.map { "(" + $0.map { "'\($0)'" }.joined(separator: ", ") + ")" }
                    return (partition.name, "(" + tuples.joined(separator: ", ") + ")")
                }
            case .expression(let expressions)?:
                partitionKey = keyDefinitions(table, expressions)
                partitions = [("$shadow_automatic_partition", "()")]
            case nil:
                partitions = [(object.name, "")]
            }
        case .materializedView(let view)?:
            if case .hash(let columns)? = view.distribution?.method { distributionKey = columns.joined(separator: ", ") }
            buckets = String(view.distribution?.buckets ?? 0)
            replication = view.properties["replication_num"] ?? replication
            partitions = [(object.name, "")]
        default:
            return []
        }
        return partitions.enumerated().map { offset, partition in
            [object.database, object.name, partition.name, String(object.id * 100 + offset), "0", "1", Self.fixedTime,
             "2", "1", "0", "TXN_NORMAL", partitionKey, partition.value, distributionKey, buckets, replication, "HDD",
             "9999-12-31 23:59:59", nil, "0", "0", "0", "0", "0", "0", "0", "0", "", "0", "0"]
        }
    }
}

extension InformationSchemaRows {
    /// The `information_schema` columns StarRocks types BIGINT (the BE schema scanners' `TYPE_BIGINT` columns);
    /// every other column, and every SHOW result, is sent as VARCHAR.
    static let integerColumnTitles: Set<String> = [
        "ORDINAL_POSITION", "CHARACTER_MAXIMUM_LENGTH", "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION", "NUMERIC_SCALE",
        "DATETIME_PRECISION", "COLUMN_SIZE", "DECIMAL_DIGITS", "SRS_ID",
        "TABLE_ROWS", "AVG_ROW_LENGTH", "DATA_LENGTH", "MAX_DATA_LENGTH", "INDEX_LENGTH", "DATA_FREE", "AUTO_INCREMENT",
        "DISTRIBUTE_BUCKET", "TABLE_ID",
        "PARTITION_ID", "COMPACT_VERSION", "VISIBLE_VERSION", "NEXT_VERSION", "DATA_VERSION", "VERSION_EPOCH", "BUCKETS",
        "REPLICATION_NUM", "ROW_COUNT",
    ]
}
