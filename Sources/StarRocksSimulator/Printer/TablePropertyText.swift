import SchemaModel

/// The PROPERTIES of an OLAP table as a 3.3+ FE prints them: catalog/OlapTable.java `getProperties` and
/// catalog/TableProperty.java (branch-3.3) put what the table holds into a map sorted by name, which getDdlStmt prints
/// through PrintableMap. Older releases printed in insertion order with other server-added entries; playing them is
/// the job of a version layer on top of this printer.
enum TablePropertyText {
    /// Properties the FE accepts but a 3.3+ table no longer holds or prints: `in_memory` and `storage_format` are
    /// ignored, `light_schema_change` became `fast_schema_evolution`.
    static let ignored: Set<String> = ["in_memory", "storage_format", "light_schema_change"]

    /// `Config.default_automatic_bucket_size` (4 GiB since 3.2.x; earlier releases used 1 GiB): the
    /// `bucket_size` a RANDOM-distributed table without BUCKETS gets.
    static let defaultBucketSize = "4294967296"

    /// The entries printed for `table`, sorted by name. `key` is the table's key (as written or inferred),
    /// `distribution` its distribution (as written or defaulted).
    static func entries(of table: Table, key: TableKey?, distribution: Distribution, defaultReplicationNum: Int)
        -> [(key: String, value: String)] {
        var properties: [String: String] = [:]
        for (name, value) in table.properties {
            let lowered = name.lowercased()
            guard !ignored.contains(lowered) else { continue }
            properties[lowered] = spelled(lowered, value)
        }
        func fill(_ name: String, _ value: String) {
            if properties[name] == nil { properties[name] = value }
        }
        // PropertyAnalyzer.analyzeCompressionType: the default compression is LZ4.
        fill("compression", "LZ4")
        // 3.3+: fast schema evolution is on by default (`Config.enable_fast_schema_evolution`).
        fill("fast_schema_evolution", "true")
        // Replicated storage is the default; a table with a GIN (inverted) index cannot use it, and the FE turns it
        // off whatever the DDL said (OlapTable with inverted indexes, 3.3+).
        if table.indexes.contains(where: { $0.type.uppercased() == "GIN" }) {
            properties["replicated_storage"] = "false"
        } else {
            fill("replicated_storage", "true")
        }
        fill("replication_num", String(defaultReplicationNum))
        // The persistent index exists only for PRIMARY KEY tables in 3.3+: on by default there, and not printed on
        // the other key models even when the DDL set it.
        if key?.model == .primary {
            fill("enable_persistent_index", "true")
        } else {
            properties["enable_persistent_index"] = nil
        }
        // Automatic bucketing of a RANDOM table sizes buckets by `bucket_size`.
        if distribution.method == .random && distribution.buckets == nil {
            fill("bucket_size", defaultBucketSize)
        }
        return properties.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// A value as the FE stores it: compression names upper-cased (`LZ4_FRAME` is LZ4), bloom filter columns
    /// re-joined by ", " (`PropertyAnalyzer.analyzeBloomFilterColumns`, printed from the column set).
    static func spelled(_ name: String, _ value: String) -> String {
        switch name {
        case "compression":
            let upper = value.uppercased()
            return upper == "LZ4_FRAME" ? "LZ4" : upper
        case "bloom_filter_columns":
            return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        default:
            return value
        }
    }
}
