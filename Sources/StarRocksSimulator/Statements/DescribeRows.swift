import SchemaModel

/// `DESC t` rows from a parsed table: `Field, Type, Null, Key, Default, Extra`.
enum DescribeRows {
    static let columns = ["Field", "Type", "Null", "Key", "Default", "Extra"]

    static func rows(_ table: Table) -> [[String?]] {
        let keys = Set((table.key?.columns ?? []).map { $0.lowercased() })
        return table.columns.map { column in
            let defaultText: String? = switch column.defaultValue {
            case .literal(let value)?: value
            case .currentTimestamp?: "CURRENT_TIMESTAMP"
            case .expression(let text)?: text
            case .null?, nil: nil
            }
            return [column.name, column.type.description, column.nullable == false ? "NO" : "YES",
                    keys.contains(column.name.lowercased()) ? "true" : "false", defaultText,
                    column.aggregate?.rawValue ?? ""]
        }
    }
}
