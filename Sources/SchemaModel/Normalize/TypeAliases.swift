/// Column type normalization: the one table of type aliases and the named rules that fold the server's spellings.
extension Normalize {
    /// The one type-alias table: a spelling (lower-case) and the name both sides are compared under.
    ///
    /// - `integer` → `int`, `bool` → `boolean`: accepted by the StarRocks parser, printed as `int(11)` / `boolean`.
    /// - `string` and `text` → `varchar` (with length 65533, see `stringLength`): `STRING` prints as `varchar(65533)`.
    /// - `decimal32/64/128` and `decimalv2`/`decimalv3` → `decimal`: pre-2024 3.x prints `decimal64(10, 2)` for
    ///   `DECIMAL(10, 2)`, later releases print `decimal(10, 2)` (PR #38639).
    /// - `numeric` → `decimal`.
    public static let typeAliases: [String: String] = [
        "integer": "int",
        "bool": "boolean",
        "string": "varchar",
        "text": "varchar",
        "decimal32": "decimal",
        "decimal64": "decimal",
        "decimal128": "decimal",
        "decimalv2": "decimal",
        "decimalv3": "decimal",
        "numeric": "decimal",
    ]

    /// Integer types whose single argument is a display width the server adds and that carries no meaning:
    /// `tinyint(4)`, `smallint(6)`, `int(11)`, `bigint(20)`, `largeint(40)` (all 3.x/4.x SHOW CREATE output).
    public static let displayWidthTypes: Set<String> = ["tinyint", "smallint", "int", "bigint", "largeint"]

    /// The length STRING stands for: `STRING` prints as `varchar(65533)` (3.x, 4.x;
    /// docs/starrocks-behaviour.md#type-spellings).
    public static let stringLength = 65533

    /// `DECIMAL` without arguments is `decimal(10, 0)` (3.x; docs/starrocks-behaviour.md#type-spellings).
    public static let defaultDecimal = (precision: 10, scale: 0)

    /// A type in the form both sides are compared in: aliases folded, display widths dropped, STRING and bare
    /// DECIMAL given their implied arguments, nested types folded the same way (ARRAY/MAP/STRUCT are already
    /// case-free in the model: 3.x prints `ARRAY<int(11)>`, newer builds `array<int(11)>`).
    public static func type(_ type: ColumnType) -> ColumnType {
        switch type {
        case let .scalar(name, arguments):
            return scalarType(name: name.lowercased(), arguments: arguments)
        case let .array(element):
            return .array(Self.type(element))
        case let .map(key, value):
            return .map(key: Self.type(key), value: Self.type(value))
        case let .struct(fields):
            return .struct(fields.map { StructField(name: $0.name.lowercased(), type: Self.type($0.type)) })
        }
    }

    /// One scalar type through the rules below.
    static func scalarType(name: String, arguments: [Int]) -> ColumnType {
        let spelled = name
        let name = typeAliases[spelled] ?? spelled
        if displayWidthTypes.contains(name) { return dropDisplayWidth(name) }
        if name == "varchar" && (spelled == "string" || spelled == "text") && arguments.isEmpty {
            return stringAsVarchar()
        }
        if name == "decimal" { return decimalArguments(arguments) }
        if (name == "varchar" || name == "char") && arguments.isEmpty { return bareCharacterType(name) }
        return .scalar(name: name, arguments: arguments)
    }

    /// A bare `VARCHAR` or `CHAR` (no length) is one byte long: StarRocks' column analysis gives a string type
    /// without an assigned length the length 1 (docs: "VARCHAR(M) … The default value is 1"), and SHOW CREATE TABLE
    /// prints `varchar(1)` / `char(1)`. Only STRING/TEXT mean `varchar(65533)` (`stringAsVarchar`).
    static func bareCharacterType(_ name: String) -> ColumnType {
        .scalar(name: name, arguments: [1])
    }

    /// Integer display widths (all eras): `int(11)` ≡ `INT`, `bigint(20)` ≡ `BIGINT`, `tinyint(4)`, `smallint(6)`,
    /// `largeint(40)`. Example raw output: `` `id` bigint(20) NOT NULL COMMENT "" ``.
    static func dropDisplayWidth(_ name: String) -> ColumnType {
        .scalar(name: name, arguments: [])
    }

    /// STRING (and TEXT) is stored as `varchar(65533)` (3.x/4.x). Example raw output:
    /// `` `c2` varchar(65533) NULL COMMENT "" `` for `c2 string`.
    static func stringAsVarchar() -> ColumnType {
        .scalar(name: "varchar", arguments: [stringLength])
    }

    /// DECIMAL spellings (3.x before/after PR #38639): `decimal64(10, 2)` ≡ `decimal(10, 2)` ≡ `DECIMAL(10,2)`; bare
    /// `DECIMAL` ≡ `decimal(10, 0)`; `DECIMAL(p)` ≡ `decimal(p, 0)`. Example raw output: `` `total_amount`
    /// decimal(10, 0) NULL COMMENT "" `` for `total_amount decimal`.
    static func decimalArguments(_ arguments: [Int]) -> ColumnType {
        switch arguments.count {
        case 0: return .scalar(name: "decimal", arguments: [defaultDecimal.precision, defaultDecimal.scale])
        case 1: return .scalar(name: "decimal", arguments: [arguments[0], 0])
        default: return .scalar(name: "decimal", arguments: Array(arguments.prefix(2)))
        }
    }
}
