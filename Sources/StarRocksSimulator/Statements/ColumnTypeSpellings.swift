import SchemaModel

/// How a StarRocks FE spells a column type outside SHOW CREATE, derived from the type the SHOW CREATE text declares.
///
/// - `information_schema.columns.COLUMN_TYPE` (BE `SchemaColumnsScanner::type_to_string`): MySQL-style display
///   widths, `boolean` → `tinyint(1)`, `largeint` → `bigint(20) unsigned`, `decimal(p,s)` without a space.
/// - `information_schema.columns.DATA_TYPE` (`to_mysql_data_type_string`): the bare MySQL name (`int`, `varchar`,
///   `tinyint` for boolean, `bigint unsigned` for largeint, `decimal`).
/// - `DESC` / `SHOW [FULL] COLUMNS` `Type` (`Type.canonicalName().toLowerCase()`): `int`, `varchar(20)`,
///   `decimal(10,2)` — no display width, no space (docs/starrocks-behaviour.md#type-spellings).
enum ColumnTypeSpellings {
    /// A scalar type with aliases resolved: `integer` → `int`, `string` → `varchar(65533)`, `decimal64(p, s)` →
    /// `decimal(p, s)`, `DECIMAL` → `decimal(10, 0)`.
    static func resolved(_ type: ColumnType) -> (name: String, arguments: [Int])? {
        guard case .scalar(let name, let arguments) = type else { return nil }
        switch name {
        case "integer": return ("int", [])
        case "bool": return ("boolean", [])
        case "string", "text": return ("varchar", [65533])
        case "varchar": return ("varchar", [arguments.first ?? 1])
        case "char", "character": return ("char", [arguments.first ?? 1])
        case "decimal", "decimalv2", "decimal32", "decimal64", "decimal128", "decimalv3", "numeric":
            return ("decimal", [arguments.first ?? 10, arguments.count > 1 ? arguments[1] : 0])
        case "tinyint", "smallint", "int", "bigint", "largeint": return (name, [])
        default: return (name, arguments)
        }
    }

    /// `information_schema.columns.COLUMN_TYPE`.
    static func columnType(_ type: ColumnType) -> String {
        guard let (name, arguments) = resolved(type) else { return nested(type, scalar: columnType) }
        switch name {
        case "boolean": return "tinyint(1)"
        case "tinyint": return "tinyint(4)"
        case "smallint": return "smallint(6)"
        case "int": return "int(11)"
        case "bigint": return "bigint(20)"
        case "largeint": return "bigint(20) unsigned"
        case "decimal": return "decimal(\(arguments[0]),\(arguments[1]))"
        default: return arguments.isEmpty ? name : "\(name)(\(arguments.map(String.init).joined(separator: ",")))"
        }
    }

    /// `information_schema.columns.DATA_TYPE`.
    static func dataType(_ type: ColumnType) -> String {
        switch type {
        case .array: return "array"
        case .map: return "map"
        case .struct: return "struct"
        case .scalar: break
        }
        let name = resolved(type)!.name
        switch name {
        case "boolean": return "tinyint"
        case "largeint": return "bigint unsigned"
        default: return name
        }
    }

    /// `DESC` and `SHOW [FULL] COLUMNS` `Type`.
    static func describeType(_ type: ColumnType) -> String {
        guard let (name, arguments) = resolved(type) else { return nested(type, scalar: describeType) }
        return arguments.isEmpty ? name : "\(name)(\(arguments.map(String.init).joined(separator: ",")))"
    }

    /// `CHARACTER_MAXIMUM_LENGTH` (and `COLUMN_SIZE`) for CHAR/VARCHAR.
    static func characterLength(_ type: ColumnType) -> Int? {
        guard let (name, arguments) = resolved(type), name == "varchar" || name == "char" else { return nil }
        return arguments.first
    }

    /// `NUMERIC_PRECISION` and `NUMERIC_SCALE` for DECIMAL.
    static func precisionAndScale(_ type: ColumnType) -> (precision: Int, scale: Int)? {
        guard let (name, arguments) = resolved(type), name == "decimal" else { return nil }
        return (arguments[0], arguments[1])
    }

    /// ARRAY/MAP/STRUCT spelled the way SHOW CREATE spells them, elements in `scalar`'s spelling.
    private static func nested(_ type: ColumnType, scalar: (ColumnType) -> String) -> String {
        switch type {
        case .array(let element): return "array<\(scalar(element))>"
        case .map(let key, let value): return "map<\(scalar(key)),\(scalar(value))>"
        case .struct(let fields): return "struct<\(fields.map { "\($0.name) \(scalar($0.type))" }.joined(separator: ", "))>"
        case .scalar: return scalar(type)
        }
    }
}
