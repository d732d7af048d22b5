import SchemaModel

/// Which column type changes StarRocks makes in place with `MODIFY COLUMN`: widening within one family (a larger
/// integer, a longer VARCHAR, more DECIMAL precision at the same scale, FLOAT to DOUBLE, DATE to DATETIME). Anything
/// else (narrowing, another family) is a conversion a rebuild makes, with a comment.
enum TypeChange {
    /// Integer types by width.
    static let integerRank: [String: Int] = ["tinyint": 1, "smallint": 2, "int": 3, "integer": 3, "bigint": 4,
                                             "largeint": 5]

    /// Whether StarRocks changes `actual` to `expected` in place without losing values.
    static func isWidening(from actual: ColumnType, to expected: ColumnType) -> Bool {
        if actual == expected { return true }
        guard case let .scalar(from, fromArguments) = actual, case let .scalar(to, toArguments) = expected else {
            return false
        }
        if let fromRank = integerRank[from], let toRank = integerRank[to] { return toRank >= fromRank }
        switch (from, to) {
        case ("varchar", "varchar"):
            return (toArguments.first ?? 65533) >= (fromArguments.first ?? 65533)
        case ("float", "double"), ("date", "datetime"):
            return true
        default:
            break
        }
        if from.hasPrefix("decimal"), to.hasPrefix("decimal"), fromArguments.count == 2, toArguments.count == 2 {
            return toArguments[1] == fromArguments[1] && toArguments[0] >= fromArguments[0]
        }
        return false
    }
}
