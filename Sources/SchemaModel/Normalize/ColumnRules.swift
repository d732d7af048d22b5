/// Column rules: nullability, aggregate names, DEFAULT spelling.
extension Normalize {
    /// One column in comparable form, given the table's key model and whether the column is a key column.
    public static func column(_ column: Column, model: KeyModel?, isKey: Bool) -> Column {
        var out = column
        out.type = type(column.type)
        out.nullable = nullability(column.nullable, model: model, isKey: isKey)
        out.aggregate = aggregate(column.aggregate, model: model, isKey: isKey)
        out.defaultValue = column.defaultValue.map(defaultValue)
        out.generatedExpression = column.generatedExpression.map(expression)
        out.isKeyMarked = false
        return out
    }

    /// Missing NULL/NOT NULL (all 3.x/4.x eras): value columns and non-PRIMARY key columns become `NULL`, PRIMARY KEY
    /// columns are forced `NOT NULL` (docs/starrocks-behaviour.md#columns). Example: `k int` in a DUPLICATE table
    /// prints `` `k` int(11) NULL COMMENT "" ``; `c1 bigint` as a PRIMARY KEY column prints
    /// `` `c1` bigint(20) NOT NULL COMMENT "" ``.
    static func nullability(_ nullable: Bool?, model: KeyModel?, isKey: Bool) -> Bool {
        if brokenRule == .primaryKeyNotNull { return nullable ?? true }
        return nullable ?? !(isKey && model == .primary)
    }

    /// Aggregate names are printed only for AGGREGATE KEY value columns (3.x/4.x): a `REPLACE` written on a UNIQUE or
    /// PRIMARY KEY table is dropped (`` `v1` bigint(20) NULL COMMENT "" ``; docs/starrocks-behaviour.md#columns).
    static func aggregate(_ function: AggregateFunction?, model: KeyModel?, isKey: Bool) -> AggregateFunction? {
        guard model == .aggregate, !isKey else { return nil }
        return function
    }

    /// DEFAULT spelling (3.x/4.x): literals always print double-quoted (`DEFAULT "0"` for `DEFAULT 0` or `DEFAULT '0'`;
    /// the model keeps them unquoted already); `CURRENT_TIMESTAMP` in any case; expression defaults canonical.
    /// Example raw output: `` `pv` bigint(20) NULL DEFAULT "0" COMMENT "" ``.
    static func defaultValue(_ value: ColumnDefault) -> ColumnDefault {
        switch value {
        case .literal(let text):
            let upper = text.uppercased()
            if upper == "CURRENT_TIMESTAMP" || upper == "CURRENT_TIMESTAMP()" || upper == "NOW()" { return .currentTimestamp }
            return .literal(text)
        case .expression(let text):
            let folded = expression(text)
            if folded == "current_timestamp()" || folded == "now()" { return .currentTimestamp }
            return .expression(folded)
        case .currentTimestamp, .null:
            return value
        }
    }
}
