import SchemaModel

/// What the FE fills in when CREATE TABLE left it out: the key, the distribution, nullability. Written from
/// sql/analyzer/CreateTableAnalyzer.java (branch-3.3: `analyzeKeysDesc`, `analyzeDistributionDesc`) and
/// sql/ast/ColumnDef.java.
enum TableDefaults {
    /// `FeConstants.SHORTKEY_MAX_COLUMN_COUNT`: at most three leading columns form an inferred key.
    static let shortKeyMaxColumns = 3
    /// `FeConstants.SHORTKEY_MAXSIZE_BYTES`: at most 36 bytes of short key.
    static let shortKeyMaxBytes = 36

    /// The key of `table`: as written, else the DUPLICATE KEY the FE infers. CreateTableAnalyzer walks the columns
    /// in order, adding each one's index size; it stops once three columns are taken or the size passes 36 bytes
    /// (a CHAR/VARCHAR first column is still taken), stops before a type that cannot be a key (FLOAT, DOUBLE, JSON,
    /// HLL, BITMAP, complex types), and stops after the first VARCHAR.
    static func key(of table: Table) -> TableKey? {
        if let key = table.key { return key }
        var names: [String] = []
        var bytes = 0
        for column in table.columns {
            guard let size = indexSize(column.type) else { break }
            bytes += size
            let isString = isCharacterType(column.type)
            if names.count >= shortKeyMaxColumns || bytes > shortKeyMaxBytes {
                if names.isEmpty && isString { names.append(column.name) }
                break
            }
            names.append(column.name)
            if isString && scalarName(column.type) != "char" { break }
        }
        return names.isEmpty ? nil : TableKey(model: .duplicate, columns: names)
    }

    /// `Type.getIndexSize` of a type that can be a key column, `nil` for one that cannot. VARCHAR counts
    /// `PrimitiveType.VARCHAR_INDEX_LEN` (20) bytes, CHAR its length, DATE 3 bytes (its storage size).
    static func indexSize(_ type: ColumnType) -> Int? {
        guard case let .scalar(_, arguments) = type, let name = scalarName(type) else { return nil }
        switch name {
        case "boolean", "tinyint": return 1
        case "smallint": return 2
        case "int": return 4
        case "bigint", "datetime": return 8
        case "largeint": return 16
        case "date": return 3
        case "char": return arguments.first ?? 1
        case "varchar": return 20
        case "decimal":
            let precision = arguments.first ?? TypeText.defaultDecimalPrecision
            return precision <= 9 ? 4 : precision <= 18 ? 8 : 16
        default: return nil
        }
    }

    /// The FE's name for a scalar type (aliases resolved; STRING and TEXT are VARCHAR), `nil` for complex types.
    static func scalarName(_ type: ColumnType) -> String? {
        guard case let .scalar(name, _) = type else { return nil }
        let lowered = name.lowercased()
        if lowered == "string" || lowered == "text" { return "varchar" }
        return TypeText.aliases[lowered] ?? lowered
    }

    /// CHAR or VARCHAR (STRING included).
    static func isCharacterType(_ type: ColumnType) -> Bool {
        let name = scalarName(type)
        return name == "char" || name == "varchar"
    }

    /// Whether a column prints `NULL`: as declared; else ColumnDef's default — nullable, except PRIMARY KEY columns,
    /// which the FE makes NOT NULL.
    static func isNullable(_ column: Column, model: KeyModel?, isKey: Bool) -> Bool {
        column.nullable ?? !(model == .primary && isKey)
    }

    /// The distribution of `table`: as written, else (3.1+, `analyzeDistributionDesc`) RANDOM for a DUPLICATE KEY
    /// table and HASH over the key columns for the other key models, both with automatic bucketing.
    static func distribution(of table: Table, key: TableKey?) -> Distribution {
        if let distribution = table.distribution { return distribution }
        guard let key, key.model != .duplicate else { return Distribution(method: .random) }
        return Distribution(method: .hash(columns: key.columns))
    }
}
