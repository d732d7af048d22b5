/// Prints one column definition in the canonical order StarRocks uses:
/// `` `name` type [KEY] [AGG] [NULL|NOT NULL] [AUTO_INCREMENT] [DEFAULT ...] [AS expr] [COMMENT "c"] ``.
enum ColumnPrinter {
    static func definition(_ column: Column, includeAggregate: Bool, keyMarker: Bool) -> String {
        var words = [SQLText.identifier(column.name), type(column.type)]
        if keyMarker { words.append("KEY") }
        if includeAggregate, let aggregate = column.aggregate { words.append(aggregate.rawValue) }
        switch column.nullable {
        case true?: words.append("NULL")
        case false?: words.append("NOT NULL")
        case nil: break
        }
        if column.isAutoIncrement { words.append("AUTO_INCREMENT") }
        if let value = column.defaultValue { words.append("DEFAULT " + defaultValue(value)) }
        if let expression = column.generatedExpression { words.append("AS " + expression) }
        if !column.comment.isEmpty { words.append("COMMENT " + SQLText.doubleQuoted(column.comment)) }
        return words.joined(separator: " ")
    }

    /// The type as written, lower-case: `int(11)`, `decimal(10, 2)`, `array<varchar(10)>`, `struct<a int>`.
    static func type(_ type: ColumnType) -> String {
        switch type {
        case let .scalar(name, arguments):
            return arguments.isEmpty ? name : "\(name)(\(arguments.map(String.init).joined(separator: ", ")))"
        case let .array(element):
            return "array<\(self.type(element))>"
        case let .map(key, value):
            return "map<\(self.type(key)), \(self.type(value))>"
        case let .struct(fields):
            return "struct<" + fields.map { "\(SQLText.identifier($0.name)) \(self.type($0.type))" }
                .joined(separator: ", ") + ">"
        }
    }

    static func defaultValue(_ value: ColumnDefault) -> String {
        switch value {
        case .literal(let text): return SQLText.doubleQuoted(text)
        case .currentTimestamp: return "CURRENT_TIMESTAMP"
        case .null: return "NULL"
        case .expression(let text): return "(\(text))"
        }
    }
}
