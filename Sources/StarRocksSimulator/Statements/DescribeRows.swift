import SchemaModel

/// `DESC t` rows from a parsed object: `Field, Type, Null, Key, Default, Extra`, with the DESC type spelling
/// (`int`, `varchar(20)`, `decimal(10,2)`; docs/starrocks-behaviour.md#type-spellings) and `Key` as `true`/`false`.
enum DescribeRows {
    static let columns = ["Field", "Type", "Null", "Key", "Default", "Extra"]

    static func rows(_ served: [ServedColumn]) -> [[String?]] {
        served.map { column in
            [column.name, ColumnTypeSpellings.describeType(column.type), column.nullable ? "YES" : "NO",
             column.keyKind.isEmpty ? "false" : "true", defaultText(column.defaultValue), column.aggregate?.rawValue ?? ""]
        }
    }

    /// The `Default` value: a literal unquoted, `CURRENT_TIMESTAMP`, an expression's text, or NULL.
    static func defaultText(_ value: ColumnDefault?) -> String? {
        switch value {
        case .literal(let text)?: text
        case .currentTimestamp?: "CURRENT_TIMESTAMP"
        case .expression(let text)?: text
        case .null?, nil: nil
        }
    }
}
