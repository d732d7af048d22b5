import SchemaModel
import StarRocksDDL

/// Column comparison: presence, each attribute, and order.
extension DiffContext {
    mutating func compareColumns(_ pair: TablePair) {
        let expectedColumns = pair.normalizedExpected.columns
        let actualColumns = pair.normalizedActual.columns
        var actualByName: [String: Int] = [:]
        for (index, column) in actualColumns.enumerated() { actualByName[Normalize.identifier(column.name)] = index }
        var expectedNames = Set<String>()
        var commonExpectedOrder: [String] = []
        for column in expectedColumns {
            let key = Normalize.identifier(column.name)
            expectedNames.insert(key)
            let object = "\(pair.path).\(column.name)"
            guard let index = actualByName[key] else {
                add(.missingColumn, object: object, expected: CanonicalDDL.column(pair.expected.column(named: column.name)!),
                    actual: nil, message: "column \(column.name) of \(pair.path) does not exist on the server",
                    fixes: pair.alter(pair.expected.addColumnClause(named: column.name)), name: pair.name,
                    part: .column(column.name))
                continue
            }
            commonExpectedOrder.append(key)
            compareColumn(column, actualColumns[index], object: object, pair: pair)
        }
        for column in actualColumns where !expectedNames.contains(Normalize.identifier(column.name)) {
            add(.unexpectedColumn, object: "\(pair.path).\(column.name)", expected: nil,
                actual: CanonicalDDL.column(column),
                message: "column \(column.name) exists on \(pair.path) but no migration adds it",
                fixes: pair.alter(.dropColumn(DropColumnClause(name: column.name))),
                fixNote: "drop it only if nothing writes it; otherwise add a migration that adds it", name: pair.name,
                part: .column(column.name))
        }
        compareColumnOrder(pair, commonExpectedOrder: commonExpectedOrder)
    }

    /// Every attribute of one column present on both sides.
    private mutating func compareColumn(_ expected: Column, _ actual: Column, object: String, pair: TablePair) {
        if expected == actual { return }
        let modify = { pair.alter(pair.expected.modifyColumnClause(named: expected.name)) }
        let name = expected.name
        if expected.type != actual.type {
            add(.columnType, object: object, expected: expected.type.description, actual: actual.type.description,
                message: "column \(name) has type \(actual.type) on the server, the migrations say \(expected.type)",
                fixes: modify(), name: pair.name, part: .column(name))
        }
        if expected.nullable != actual.nullable {
            add(.columnNullability, object: object, expected: nullText(expected.nullable),
                actual: nullText(actual.nullable),
                message: "column \(name) is \(nullText(actual.nullable)) on the server, the migrations say \(nullText(expected.nullable))",
                fixes: modify(), name: pair.name, part: .column(name))
        }
        if expected.defaultValue != actual.defaultValue {
            add(.columnDefault, object: object, expected: defaultText(expected.defaultValue),
                actual: defaultText(actual.defaultValue),
                message: "column \(name) has default \(defaultText(actual.defaultValue)) on the server, the migrations say \(defaultText(expected.defaultValue))",
                fixes: modify(), name: pair.name, part: .column(name))
        }
        if expected.comment != actual.comment {
            add(.columnComment, object: object, expected: show(expected.comment), actual: show(actual.comment),
                message: "the comment of column \(name) differs", fixes: modify(), name: pair.name, part: .column(name))
        }
        if expected.aggregate != actual.aggregate {
            add(.columnAggregate, object: object, expected: expected.aggregate?.rawValue ?? "(none)",
                actual: actual.aggregate?.rawValue ?? "(none)",
                message: "column \(name) aggregates with \(actual.aggregate?.rawValue ?? "no function") on the server, the migrations say \(expected.aggregate?.rawValue ?? "none")",
                fixNote: "an aggregate function cannot be changed in place: recreate the table", name: pair.name,
                part: .column(name))
        }
        if expected.isAutoIncrement != actual.isAutoIncrement {
            add(.columnAutoIncrement, object: object, expected: expected.isAutoIncrement ? "AUTO_INCREMENT" : "(none)",
                actual: actual.isAutoIncrement ? "AUTO_INCREMENT" : "(none)",
                message: "column \(name) is \(actual.isAutoIncrement ? "" : "not ")AUTO_INCREMENT on the server",
                fixNote: "AUTO_INCREMENT cannot be changed in place: recreate the table", name: pair.name,
                part: .column(name))
        }
        if expected.generatedExpression != actual.generatedExpression {
            add(.columnGenerated, object: object, expected: expected.generatedExpression ?? "(none)",
                actual: actual.generatedExpression ?? "(none)",
                message: "the generated expression of column \(name) differs",
                fixNote: "drop the generated column and add it again with the expected expression", name: pair.name,
                part: .column(name))
        }
    }

    /// Columns present on both sides but in another relative order: the columns outside the longest run that is in
    /// order are reported (one moved column yields one finding).
    private mutating func compareColumnOrder(_ pair: TablePair, commonExpectedOrder: [String]) {
        let common = Set(commonExpectedOrder)
        let actualOrder = pair.normalizedActual.columns.map { Normalize.identifier($0.name) }.filter(common.contains)
        guard actualOrder != commonExpectedOrder else { return }
        var rank: [String: Int] = [:]
        for (index, name) in commonExpectedOrder.enumerated() { rank[name] = index }
        let inOrder = longestIncreasingRun(actualOrder.map { rank[$0]! })
        for (index, name) in commonExpectedOrder.enumerated() where !inOrder.contains(index) {
            let column = pair.expected.columns.first { Normalize.identifier($0.name) == name }!
            let position = pair.expected.columnIndex(named: column.name)!
            let actualPosition = pair.actual.columnIndex(named: column.name) ?? 0
            add(.columnPosition, object: "\(pair.path).\(column.name)", expected: "position \(position + 1)",
                actual: "position \(actualPosition + 1)",
                message: "column \(column.name) is at position \(actualPosition + 1) on the server, the migrations put it at \(position + 1)",
                fixes: pair.alter(pair.expected.modifyColumnClause(named: column.name, placed: true)), name: pair.name,
                part: .column(column.name))
        }
    }
}

/// The values of one longest strictly increasing subsequence of `values` (patience sorting, O(n log n)).
func longestIncreasingRun(_ values: [Int]) -> Set<Int> {
    var tails: [Int] = []
    var tailIndex: [Int] = []
    var previous = Array(repeating: -1, count: values.count)
    for (index, value) in values.enumerated() {
        var low = 0, high = tails.count
        while low < high {
            let mid = (low + high) / 2
            if tails[mid] < value { low = mid + 1 } else { high = mid }
        }
        if low > 0 { previous[index] = tailIndex[low - 1] }
        if low == tails.count {
            tails.append(value)
            tailIndex.append(index)
        } else {
            tails[low] = value
            tailIndex[low] = index
        }
    }
    var out = Set<Int>()
    var cursor = tailIndex.last ?? -1
    while cursor >= 0 {
        out.insert(values[cursor])
        cursor = previous[cursor]
    }
    return out
}

func nullText(_ nullable: Bool?) -> String {
    nullable == false ? "NOT NULL" : "NULL"
}

func defaultText(_ value: ColumnDefault?) -> String {
    value.map(\.description) ?? "(none)"
}
