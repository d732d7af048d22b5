/// Property rules and the one table of server-added property defaults.
extension Normalize {
    /// Which objects a property default applies to.
    public enum PropertyScope: Sendable, Hashable {
        /// OLAP tables only.
        case table
        /// Materialized views only.
        case materializedView
        /// Tables and materialized views.
        case both
    }

    /// A property the server adds when the DDL is silent (or drops when it is set back to its default), and what the
    /// tool knows about the value it shows.
    public struct PropertyDefault: Sendable, Hashable {
        /// The key, lower-case.
        public var key: String
        /// The values the server shows when nobody set the property, in comparable form; `nil` when the default
        /// genuinely varies (`varies` says on what) and the tool cannot know it.
        public var values: Set<String>?
        /// What the default depends on when it is not always `values`: a cluster setting, the version, the run mode.
        /// With `values` set, another value is still possibly a default (reported as info, not drift).
        public var varies: String?
        /// The objects the server adds it to.
        public var scope: PropertyScope
        /// Values PRIMARY KEY tables may show instead (`enable_persistent_index`: "false" before 3.3, "true" after).
        public var primaryKeyValues: Set<String>?

        /// A default entry: `values` the known default(s), `varies` what else the default depends on.
        public init(key: String, values: Set<String>?, varies: String? = nil, scope: PropertyScope,
                    primaryKeyValues: Set<String>? = nil) {
            self.key = key
            self.values = values
            self.varies = varies
            self.scope = scope
            self.primaryKeyValues = primaryKeyValues
        }

        /// Whether `value` is a default the tool knows the server shows when nobody set the property, on `model`.
        public func accepts(_ value: String, model: KeyModel?) -> Bool {
            if model == .primary, let primaryKeyValues, primaryKeyValues.contains(value) { return true }
            return values?.contains(value) ?? false
        }

        /// Whether a value the tool does not know as the default may still be one (the default varies).
        public var defaultVaries: Bool { varies != nil }
    }

    /// The one table of server-added property defaults (STARROCKS.md §1.10, samples 01–23, FE `PropertyAnalyzer`,
    /// `OlapTable.getProperties`, `InformationSchemaDataSource.genProps`):
    /// - all eras: `replication_num` (the FE's `default_replication_num`: varies by cluster — an environment's
    ///   `expect.properties` pins it), `replicated_storage` "true" (FE `enable_replicated_storage_as_default_engine`,
    ///   default true: another value is reported as info), `compression` "LZ4" (session `default_table_compression`,
    ///   `lz4_frame` by default, printed "LZ4"; a session that changed it is drift: set compression in the migration);
    /// - 3.0–3.2: `in_memory` "false", `enable_persistent_index` "false" (even on DUPLICATE tables), early 3.0/3.1
    ///   `storage_format` "DEFAULT"; 3.2 `light_schema_change` "true" (early) / `fast_schema_evolution` "true";
    /// - 3.3+: `fast_schema_evolution` "true", `enable_persistent_index` "true" on PRIMARY KEY tables (other tables do
    ///   not print it; PRIMARY KEY tables of 3.0–3.2 print "false");
    /// - RANDOM distribution without BUCKETS: `bucket_size` (1073741824 or 4294967296 by version: varies);
    /// - shared-data clusters (`genProps` for cloud-native tables, `PropertyAnalyzer.analyzeDataCacheInfo`):
    ///   `datacache.enable` "true", `enable_async_write_back` "false" (defaults of the analyzer), `storage_volume`
    ///   (the cluster's default volume, `builtin_storage_volume` unless changed: varies), `persistent_index_type`,
    ///   `file_bundling`, `warehouse`, `datacache.partition_duration` (by version and cluster: vary); 3.0's
    ///   `enable_storage_cache`, `storage_cache_ttl` (vary) and `allow_async_write_back` "false";
    /// - materialized views: `storage_medium` "HDD", `replicated_storage` "true";
    /// - dynamic partitioning (UNCONFIRMED per era): the server prints every `dynamic_partition.*` key, filling
    ///   `time_zone` (the FE's: varies), `start` "-2147483648", `prefix` "p", `buckets` (the table's: varies),
    ///   `history_partition_num` "0".
    /// Properties set back to their default vanish from SHOW CREATE TABLE (the printer skips them): `colocate_with`
    /// and `bloom_filter_columns` set to "" (no group / no columns: printed only when non-empty),
    /// `primary_index_cache_expire_sec` "0" (printed only when > 0), `unique_constraints` / `foreign_key_constraints`
    /// "" (no constraints), `storage_cooldown_ttl` "" — their entries hold that default value.
    public static let propertyDefaults: [String: PropertyDefault] = {
        let cluster = "the cluster"
        let entries: [PropertyDefault] = [
            PropertyDefault(key: "replication_num", values: nil,
                            varies: "the FE setting default_replication_num (3 unless changed; 1 on shared-data)",
                            scope: .both),
            PropertyDefault(key: "replicated_storage", values: ["true"],
                            varies: "the FE setting enable_replicated_storage_as_default_engine", scope: .both),
            PropertyDefault(key: "compression", values: ["LZ4"], scope: .both),
            PropertyDefault(key: "in_memory", values: ["false"], scope: .both),
            PropertyDefault(key: "storage_format", values: ["DEFAULT", "V2"], scope: .both),
            PropertyDefault(key: "enable_persistent_index", values: ["false"], scope: .both,
                            primaryKeyValues: ["true", "false"]),
            PropertyDefault(key: "light_schema_change", values: ["true"], scope: .table),
            PropertyDefault(key: "fast_schema_evolution", values: ["true"], scope: .table),
            PropertyDefault(key: "bucket_size", values: nil,
                            varies: "the version (1073741824 or 4294967296)", scope: .both),
            PropertyDefault(key: "storage_medium", values: ["HDD"], scope: .both),
            PropertyDefault(key: "datacache.enable", values: ["true"], scope: .both),
            PropertyDefault(key: "enable_async_write_back", values: ["false"], scope: .both),
            // 3.0 shared-data (cloud-native `LakeTable`) spellings of the same settings, printed by that era's
            // `getDdlStmt`: `enable_storage_cache` (analyzer default false in 3.0.0, true later),
            // `storage_cache_ttl` (0 in 3.0.0, then the FE's lake_default_storage_cache_ttl_seconds),
            // `allow_async_write_back` (false).
            PropertyDefault(key: "enable_storage_cache", values: nil, varies: "the version (false in 3.0.0, true later)",
                            scope: .both),
            PropertyDefault(key: "storage_cache_ttl", values: nil,
                            varies: "the FE setting lake_default_storage_cache_ttl_seconds (0 in 3.0.0)", scope: .both),
            PropertyDefault(key: "allow_async_write_back", values: ["false"], scope: .both),
            PropertyDefault(key: "storage_volume", values: nil, varies: "\(cluster)'s default storage volume",
                            scope: .both),
            PropertyDefault(key: "datacache.partition_duration", values: nil, varies: "the version", scope: .both),
            PropertyDefault(key: "persistent_index_type", values: nil, varies: "the version and run mode",
                            scope: .both),
            PropertyDefault(key: "warehouse", values: nil, varies: "\(cluster)'s default warehouse", scope: .both),
            PropertyDefault(key: "file_bundling", values: nil, varies: "the version and run mode", scope: .both),
            PropertyDefault(key: "colocate_with", values: [""], scope: .table),
            PropertyDefault(key: "bloom_filter_columns", values: [""], scope: .table),
            PropertyDefault(key: "primary_index_cache_expire_sec", values: ["0"], scope: .table),
            PropertyDefault(key: "unique_constraints", values: [""], scope: .both),
            PropertyDefault(key: "foreign_key_constraints", values: [""], scope: .both),
            PropertyDefault(key: "storage_cooldown_ttl", values: [""], scope: .table),
            PropertyDefault(key: "dynamic_partition.time_zone", values: nil, varies: "the FE's time zone",
                            scope: .table),
            PropertyDefault(key: "dynamic_partition.start", values: ["-2147483648"], scope: .table),
            PropertyDefault(key: "dynamic_partition.prefix", values: ["p"], scope: .table),
            PropertyDefault(key: "dynamic_partition.buckets", values: nil, varies: "the table's bucket count",
                            scope: .table),
            PropertyDefault(key: "dynamic_partition.history_partition_num", values: ["0"], scope: .table),
            PropertyDefault(key: "dynamic_partition.replication_num", values: nil,
                            varies: "the table's replication_num", scope: .table),
        ]
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
    }()

    /// User properties the server accepts but may not print back (3.3+ drops `storage_format` and `in_memory`;
    /// `enable_persistent_index` on non-PRIMARY tables; `light_schema_change` became `fast_schema_evolution`).
    /// Example: sample 09 shows no `"storage_format"` line for `PROPERTIES ("storage_format" = "DEFAULT")`.
    public static let droppedUserProperties: Set<String> = [
        "storage_format", "in_memory", "enable_persistent_index", "light_schema_change",
    ]

    /// Properties whose value is a column list the server re-joins as `"a, b"`: compared as sets.
    public static let setValuedProperties: Set<String> = ["bloom_filter_columns"]

    /// Properties whose values are case-insensitive words (booleans, codecs, media).
    public static let caseFreeProperties: Set<String> = [
        "replicated_storage", "in_memory", "enable_persistent_index", "light_schema_change", "fast_schema_evolution",
        "compression", "storage_medium", "storage_format", "dynamic_partition.enable", "dynamic_partition.time_unit",
        "datacache.enable", "enable_async_write_back", "enable_storage_cache", "allow_async_write_back",
    ]

    /// PROPERTIES in comparable form (all eras): keys case-insensitive (lower-cased), values trimmed, case-free values
    /// upper-cased for codecs/media and lower-cased for booleans, set-valued lists sorted. The print order (insertion
    /// order before 3.3, alphabetical after) does not matter for a map.
    public static func properties(_ properties: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(properties.count)
        for (rawKey, rawValue) in properties {
            let key = Normalize.trimmed(rawKey).lowercased()
            out[key] = propertyValue(rawValue, key: key)
        }
        return out
    }

    /// One property value in comparable form (see `properties(_:)`).
    public static func propertyValue(_ value: String, key: String) -> String {
        let trimmed = Normalize.trimmed(value)
        if key == "unique_constraints" { return uniqueConstraints(trimmed) }
        if key == "foreign_key_constraints" { return foreignKeyConstraints(trimmed) }
        if key == "compression" { return compression(trimmed) }
        if setValuedProperties.contains(key) {
            return trimmed.split(separator: ",").map { identifier(Normalize.trimmed(String($0))) }.filter { !$0.isEmpty }
                .sorted().joined(separator: ", ")
        }
        if caseFreeProperties.contains(key) {
            let lower = trimmed.lowercased()
            return lower == "true" || lower == "false" ? lower : trimmed.uppercased()
        }
        return trimmed
    }

    /// Whether `value` is a default the tool knows the server shows for `key` when the DDL is silent, on a table of
    /// `model` or an MV (a default that varies is not accepted here: see `PropertyDefault.varies`).
    public static func acceptsServerDefault(_ key: String, value: String, isMaterializedView: Bool,
                                            model: KeyModel?) -> Bool {
        propertyDefault(key, isMaterializedView: isMaterializedView)?.accepts(value, model: model) ?? false
    }

    /// The server default for `key` on a table (`isMaterializedView` false) or MV, if the server adds it.
    public static func propertyDefault(_ key: String, isMaterializedView: Bool) -> PropertyDefault? {
        guard let entry = propertyDefaults[key] else { return nil }
        switch entry.scope {
        case .both: return entry
        case .table: return isMaterializedView ? nil : entry
        case .materializedView: return isMaterializedView ? entry : nil
        }
    }
}

extension Normalize {
    /// `compression` (all eras): the FE looks the codec up case-insensitively (`CompressionUtils`, a
    /// `CASE_INSENSITIVE_ORDER` map) and prints the enum name, `LZ4_FRAME` and `LZ4` both as `"LZ4"`; 3.4+ accepts a
    /// zstd level and prints it without spaces. Examples: `"zstd"` prints `"ZSTD"`, `"lz4_frame"` prints `"LZ4"`,
    /// `"ZSTD (  1  )"` prints `"ZSTD(1)"`. Folded to upper case without whitespace, `LZ4_FRAME` to `LZ4`.
    static func compression(_ value: String) -> String {
        let folded = String(value.uppercased().filter { !$0.isWhitespace })
        if folded == "LZ4_FRAME" { return "LZ4" }
        return folded
    }

    /// `unique_constraints` (3.x): the server qualifies each column with catalog, database and table — and renames the
    /// table on SWAP: `"default_catalog.db.s1_new.k1"` for `'s1.k1'`. Compared as the column names per constraint.
    static func uniqueConstraints(_ value: String) -> String {
        value.split(separator: ";").map { constraint in
            constraint.split(separator: ",").map { column in
                identifier(Normalize.trimmed(String(column.split(separator: ".").last ?? "")))
            }.joined(separator: ",")
        }.joined(separator: ";")
    }

    /// `foreign_key_constraints` (3.x): the server drops the child table and qualifies the parent with catalog and
    /// database: `"(k1) REFERENCES default_catalog.db.s1(k1)"` for `'s3(k1) REFERENCES s1(k1)'`.
    static func foreignKeyConstraints(_ value: String) -> String {
        value.split(separator: ";").map { constraint -> String in
            let text = String(constraint).lowercased().filter { !$0.isWhitespace && $0 != "`" }
            guard let open = text.firstIndex(of: "("), let references = text.firstRange(of: "references") else { return text }
            let columns = text[open..<references.lowerBound]
            let target = text[references.upperBound...]
            guard let targetOpen = target.firstIndex(of: "(") else { return text }
            let parent = target[..<targetOpen].split(separator: ".").last.map(String.init) ?? ""
            return "\(columns)references \(parent)\(target[targetOpen...])"
        }.joined(separator: ";")
    }
}

extension Normalize {
    /// Foreign keys to a dropped table (3.x): dropping the parent table removes the constraint from the child's
    /// `foreign_key_constraints` (corpus: test_alter_swap_table after `DROP TABLE s1`). Keeps the constraints (in the
    /// form of `foreignKeyConstraints(_:)`) whose parent `keepingParents` accepts.
    public static func foreignKeyConstraints(_ normalized: String, keepingParents: (String) -> Bool) -> String {
        normalized.split(separator: ";").filter { constraint in
            guard let references = constraint.firstRange(of: "references") else { return true }
            let target = constraint[references.upperBound...]
            let parent = target.prefix { $0 != "(" }
            return keepingParents(Normalize.trimmed(String(parent)))
        }.joined(separator: ";")
    }
}
