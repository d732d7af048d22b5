import SchemaModel

/// One column line of SHOW CREATE TABLE, as catalog/Column.java `toSql` builds it (branch-3.3):
/// `` `name` type [AGG] NULL|NOT NULL [AUTO_INCREMENT] [DEFAULT ...] [AS expr] COMMENT "..." ``.
enum ColumnText {
    /// The column's text. `model` and `isKey` decide the implicit parts: PRIMARY KEY tables print through
    /// `toSqlWithoutAggregateTypeName`, and an aggregate is printed only where it is explicit — on the value columns
    /// of an AGGREGATE KEY table (UNIQUE KEY value columns carry an implicit REPLACE that is not printed).
    static func sql(_ column: Column, model: KeyModel?, isKey: Bool) -> String {
        var text = ServerQuoting.backticked(column.name) + " " + TypeText.sql(column.type) + " "
        if model == .aggregate, !isKey, let aggregate = column.aggregate {
            text += aggregate.rawValue + " "
        }
        text += TableDefaults.isNullable(column, model: model, isKey: isKey) ? "NULL " : "NOT NULL "
        if column.isAutoIncrement { text += "AUTO_INCREMENT " }
        if let value = column.defaultValue, !column.isAutoIncrement, let printed = defaultText(value) {
            text += printed + " "
        }
        if let expression = column.generatedExpression {
            text += "AS " + ExpressionText.analyzed(expression) + " "
        }
        // COMMENT is printed on every column, empty when none was given (`getDisplayComment`).
        return text + "COMMENT " + ServerQuoting.doubleQuoted(column.comment)
    }

    /// The DEFAULT part: a literal is always double-quoted (`DEFAULT "0"` for `DEFAULT 0`); `now()` and
    /// CURRENT_TIMESTAMP print `DEFAULT CURRENT_TIMESTAMP`; another expression `DEFAULT (expr)`. `DEFAULT NULL` leaves
    /// no default value on the column, so nothing is printed.
    static func defaultText(_ value: ColumnDefault) -> String? {
        switch value {
        case .null:
            return nil
        case .currentTimestamp:
            return "DEFAULT CURRENT_TIMESTAMP"
        case .literal(let literal):
            let upper = literal.uppercased()
            if upper == "CURRENT_TIMESTAMP" || upper == "CURRENT_TIMESTAMP()" || upper == "NOW()" {
                return "DEFAULT CURRENT_TIMESTAMP"
            }
            return "DEFAULT \"" + literal + "\""
        case .expression(let expression):
            let compact = expression.lowercased().replacingOccurrences(of: " ", with: "")
            if compact == "now()" || compact == "current_timestamp()" { return "DEFAULT CURRENT_TIMESTAMP" }
            return "DEFAULT (" + expression + ")"
        }
    }
}
