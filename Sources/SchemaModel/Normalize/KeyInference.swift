/// The key, distribution and sort-key rules.
extension Normalize {
    /// At most this many leading columns form an inferred key (FE `FeConstants.SHORTKEY_MAX_COLUMN_COUNT`).
    public static let shortKeyMaxColumns = 3
    /// At most this many bytes of short key (FE `FeConstants.SHORTKEY_MAXSIZE_BYTES`).
    public static let shortKeyMaxBytes = 36
    /// Short-key index bytes of a VARCHAR (FE `PrimitiveType.VARCHAR_INDEX_LEN`).
    static let varcharIndexBytes = 20

    /// Missing key clause (all 3.x/4.x eras): the server infers `DUPLICATE KEY` from the leading columns — up to 3
    /// columns or 36 bytes of short key, taking a VARCHAR as the last one, stopping before a type that cannot be a key
    /// (FLOAT, DOUBLE, JSON, complex types). Examples: `create table t(k int)` prints ``DUPLICATE KEY(`k`)``;
    /// `(create_time bigint, sku_id varchar(100), total_amount decimal, id int)` prints
    /// ``DUPLICATE KEY(`create_time`, `sku_id`)`` (docs/starrocks-behaviour.md#key-inference).
    public static func inferredDuplicateKey(_ columns: [Column]) -> TableKey? {
        var names: [String] = []
        var bytes = 0
        for column in columns {
            let folded = type(column.type)
            guard case let .scalar(name, arguments) = folded, let size = shortKeyBytes(name: name, arguments: arguments)
            else { break }
            bytes += size
            if names.count >= shortKeyMaxColumns || bytes > shortKeyMaxBytes {
                if names.isEmpty && (name == "char" || name == "varchar") { names.append(column.name) }
                break
            }
            names.append(column.name)
            if name == "varchar" { break }
        }
        return names.isEmpty ? nil : TableKey(model: .duplicate, columns: names)
    }

    /// Short-key bytes of a key-able scalar type, `nil` for a type that cannot be a key column.
    static func shortKeyBytes(name: String, arguments: [Int]) -> Int? {
        switch name {
        case "boolean", "tinyint": return 1
        case "smallint": return 2
        case "int": return 4
        case "bigint": return 8
        case "largeint": return 16
        case "date": return 3
        case "datetime": return 8
        case "char": return arguments.first ?? 1
        case "varchar": return varcharIndexBytes
        case "decimal":
            let precision = arguments.first ?? defaultDecimal.precision
            return precision <= 9 ? 4 : precision <= 18 ? 8 : 16
        default: return nil
        }
    }

    /// Missing DISTRIBUTED BY (3.1+): a DUPLICATE KEY table prints `DISTRIBUTED BY RANDOM`; the other key models
    /// cannot be RANDOM and print ``DISTRIBUTED BY HASH(<key columns>)`` (`create table t(k int, v int) primary key(k)`
    /// prints ``DISTRIBUTED BY HASH(`k`)``; docs/starrocks-behaviour.md#distribution-and-bucketing). Names folded.
    public static func distribution(_ distribution: Distribution?, key: TableKey? = nil) -> Distribution {
        guard let distribution else {
            if let key, key.model != .duplicate { return Distribution(method: .hash(columns: key.columns.map(identifier))) }
            return Distribution(method: .random, buckets: nil)
        }
        switch distribution.method {
        case .hash(let columns): return Distribution(method: .hash(columns: columns.map(identifier)), buckets: distribution.buckets)
        case .random: return distribution
        }
    }

    /// ORDER BY equal to the key columns is the same as none (3.x: the sort key defaults to the key columns and
    /// `tables_config.SORT_KEY` shows them either way).
    static func sortKey(_ orderBy: [String]?, key: TableKey?) -> [String]? {
        guard let orderBy else { return nil }
        let folded = orderBy.map(identifier)
        return folded == key?.columns ? nil : folded
    }

    /// MV refresh (3.x/4.x): `IMMEDIATE` is the default moment and is not printed (`DEFERRED` is kept); a missing
    /// REFRESH clause prints `REFRESH MANUAL` (docs/starrocks-behaviour.md#materialized-views). Example:
    /// `REFRESH IMMEDIATE ASYNC` prints `REFRESH ASYNC`; `EVERY(INTERVAL 1 day)` prints `EVERY(INTERVAL 1 DAY)`.
    public static func refresh(_ refresh: Refresh?) -> Refresh {
        guard var out = refresh else { return Refresh(kind: .manual) }
        if out.moment == .immediate { out.moment = nil }
        if out.kind == nil { out.kind = .manual }
        out.everyUnit = out.everyUnit?.uppercased()
        out.start = out.start.map(boundValue)
        return out
    }
}
