import SchemaModel

/// How the FE spells a column type in SHOW CREATE TABLE (`Type.toSql`): catalog/ScalarType.java, ArrayType.java,
/// MapType.java and StructType.java (branch-3.3). The parser accepts aliases (`INTEGER`, `STRING`, `BOOL`, ...); the
/// FE stores the resolved type, so the alias never comes back.
enum TypeText {
    /// Display widths `ScalarType.toSql` prints for the integer types (`int(11)`): the MySQL widths the FE keeps for
    /// client compatibility.
    static let integerWidths: [String: Int] = ["tinyint": 4, "smallint": 6, "int": 11, "bigint": 20, "largeint": 40]

    /// Spellings the grammar accepts for a type the FE knows under another name (StarRocks.g4 `baseType` and
    /// `Type` constants): `INTEGER` is INT, `BOOL` is BOOLEAN, `NUMERIC` / `DECIMALV2` / `DECIMALV3` are DECIMAL,
    /// `BINARY` is VARBINARY.
    static let aliases: [String: String] = [
        "integer": "int", "bool": "boolean", "numeric": "decimal", "decimalv2": "decimal", "decimalv3": "decimal",
        "decimal32": "decimal", "decimal64": "decimal", "decimal128": "decimal", "binary": "varbinary",
    ]

    /// The length STRING (and TEXT) stands for: `ScalarType.DEFAULT_STRING_LENGTH`, 65533 bytes; the FE makes it a
    /// VARCHAR of that length, so SHOW CREATE prints `varchar(65533)`.
    static let stringLength = 65533

    /// `DECIMAL` without precision is DECIMAL(10, 0) (`ScalarType.DEFAULT_PRECISION` 10, `DEFAULT_SCALE` 0).
    static let defaultDecimalPrecision = 10

    /// The type as SHOW CREATE TABLE prints it.
    static func sql(_ type: ColumnType) -> String {
        switch type {
        case let .scalar(name, arguments):
            return scalar(name: name.lowercased(), arguments: arguments)
        case let .array(element):
            // ArrayType.toSql: "ARRAY<" + item + ">".
            return "ARRAY<" + sql(element) + ">"
        case let .map(key, value):
            // MapType.toSql: "MAP<" + key + "," + value + ">" (no space after the comma).
            return "MAP<" + sql(key) + "," + sql(value) + ">"
        case let .struct(fields):
            // StructType.toSql: "STRUCT<" + fields as `name type` joined by ", " + ">".
            return "STRUCT<" + fields.map { $0.name + " " + sql($0.type) }.joined(separator: ", ") + ">"
        }
    }

    /// One scalar type (`ScalarType.toSql`).
    static func scalar(name written: String, arguments: [Int]) -> String {
        let name = aliases[written] ?? written
        if let width = integerWidths[name] { return "\(name)(\(width))" }
        switch name {
        case "string", "text":
            return "varchar(\(stringLength))"
        case "varchar", "char":
            // A CHAR or VARCHAR written without a length has length 1 (StarRocks' own reference,
            // docs/en/sql-reference/sql-statements/table_bucket_part_index/CREATE_TABLE.md: "VARCHAR[(length)] ...
            // The default value is 1"; CHAR likewise).
            return "\(name)(\(arguments.first ?? 1))"
        case "decimal":
            // Since PR #38639 (3.3, backported to late 3.1/3.2) DECIMAL32/64/128 print as `decimal(p, s)`.
            let precision = arguments.first ?? defaultDecimalPrecision
            let scale = arguments.count > 1 ? arguments[1] : 0
            return "decimal(\(precision), \(scale))"
        default:
            return arguments.isEmpty ? name : "\(name)(\(arguments.map(String.init).joined(separator: ", ")))"
        }
    }
}
