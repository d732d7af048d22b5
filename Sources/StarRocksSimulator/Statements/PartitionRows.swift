import SchemaModel

/// `SHOW PARTITIONS FROM t` (shared-nothing titles, docs/starrocks-behaviour.md#show-statements): one row per declared
/// RANGE/LIST partition, or one row named after the table when it is unpartitioned or its partitions are created at
/// load time.
enum PartitionRows {
    static func columns(list: Bool) -> [String] {
        ["PartitionId", "PartitionName", "VisibleVersion", "VisibleVersionTime", "VisibleVersionHash", "State",
         "PartitionKey", list ? "List" : "Range", "DistributionKey", "Buckets", "ReplicationNum", "StorageMedium",
         "CooldownTime", "LastConsistencyCheckTime", "DataSize", "IsInMemory", "RowCount"]
    }

    static func resultSet(_ object: CatalogIndex.Object, model: CatalogIndex.Model?) -> SimulatedResultSet {
        guard case .table(let table)? = model else {
            return SimulatedResultSet(columns: columns(list: false), rows: [])
        }
        var distributionKey = "ALL KEY"
        if case .hash(let hashColumns)? = table.distribution?.method { distributionKey = hashColumns.joined(separator: ", ") }
        let buckets = String(table.distribution?.buckets ?? 1)
        let replication = table.properties["replication_num"] ?? "3"
        var isList = false
        var partitions: [(name: String, key: String, value: String)] = []
        switch table.partitioning {
        case .range(let range)?:
            let key = range.expressions.joined(separator: ", ")
            let types = range.expressions.map { expression -> String in
                guard case .scalar(let name, _)? = table.column(named: expression)?.type else { return "DATETIME" }
                return name.uppercased()
            }.joined(separator: ", ")
            partitions = range.partitions.map { partition in
                let lower = (partition.lower ?? []).joined(separator: ", ")
                let upper = (partition.upper ?? ["MAXVALUE"]).joined(separator: ", ")
                return (partition.name, key,
                        "[types: [\(types)]; keys: [\(lower)]; ..types: [\(types)]; keys: [\(upper)]; )")
            }
        case .list(let list)?:
            isList = true
            let key = list.columns.joined(separator: ", ")
            partitions = list.partitions.map { partition in
                let values = partition.values.map { tuple in
                    tuple.count == 1 ? "'\(tuple[0])'" : "(" + tuple.map { "'\($0)'" }.joined(separator: ", ") + ")"
                }
                return (partition.name, key, "(" + values.joined(separator: ", ") + ")")
            }
        case .expression?, nil:
            break
        }
        if partitions.isEmpty { partitions = [(object.name, "", "")] }
        let rows: [[String?]] = partitions.enumerated().map { offset, partition in
            [String(object.id * 100 + offset), partition.name, "1", InformationSchemaRows.fixedTime, "0", "NORMAL",
             partition.key, partition.value, distributionKey, buckets, replication, "HDD", "9999-12-31 23:59:59", nil,
             "0B", "false", "0"]
        }
        return SimulatedResultSet(columns: columns(list: isList), rows: rows)
    }
}
