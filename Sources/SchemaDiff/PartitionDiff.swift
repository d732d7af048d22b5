import Findings
import SchemaModel
import StarRocksDDL

/// Partition comparison: the scheme always; the declared RANGE window and LIST partitions must exist on the server,
/// while partitions the server adds at run time (expression or dynamic partitioning, partitions inside the window)
/// are not drift.
extension DiffContext {
    mutating func comparePartitioning(_ pair: TablePair) {
        let expected = pair.normalizedExpected.partitioning
        let actual = pair.normalizedActual.partitioning
        switch (expected, actual) {
        case (nil, nil):
            return
        case let (.range(left)?, .range(right)?):
            if left.expressions != right.expressions {
                reportPartitionColumns(pair, expected: left.expressions, actual: right.expressions)
                return
            }
            if isDynamic(pair.normalizedExpected) || isDynamic(pair.normalizedActual) { return }
            compareRangeWindow(pair, expected: left.partitions, actual: right.partitions)
        case let (.list(left)?, .list(right)?):
            if left.columns != right.columns {
                reportPartitionColumns(pair, expected: left.columns, actual: right.columns)
                return
            }
            compareListPartitions(pair, expected: left.partitions, actual: right.partitions)
        case let (.expression(left)?, .expression(right)?):
            if left != right { reportPartitionColumns(pair, expected: left, actual: right) }
        case let (.expression(left)?, .range(right)?) where right.expressions == left:
            // 2.5/3.0-era servers print automatic partitioning as RANGE(expr) with the run-time partitions.
            return
        case let (.range(left)?, .expression(right)?) where left.expressions == right:
            return
        default:
            add(.partitionMethod, object: pair.path, expected: partitionText(expected), actual: partitionText(actual),
                message: "\(pair.path) is partitioned \(partitionText(actual)) on the server, the migrations say \(partitionText(expected))",
                fixNote: "the partition method cannot be changed in place: create a new table, copy the data, swap the names")
        }
    }

    private mutating func reportPartitionColumns(_ pair: TablePair, expected: [String], actual: [String]) {
        add(.partitionColumns, object: pair.path, expected: expected.joined(separator: ", "),
            actual: actual.joined(separator: ", "),
            message: "\(pair.path) is partitioned by (\(actual.joined(separator: ", "))) on the server, the migrations say (\(expected.joined(separator: ", ")))",
            fixNote: "partition columns cannot be changed in place: create a new table, copy the data, swap the names")
    }

    /// Every declared range must exist (same name or same bounds); extra server partitions inside the declared window
    /// are run-time additions; extra ones outside it are drift (`error`) unless dynamic partitioning creates them
    /// (`info`).
    private mutating func compareRangeWindow(_ pair: TablePair, expected: [RangePartition], actual: [RangePartition]) {
        var actualByName: [String: RangePartition] = [:]
        var actualByBounds = Set<[[String]]>()
        for partition in actual {
            actualByName[partition.name] = partition
            actualByBounds.insert([partition.lower ?? [], partition.upper ?? ["MAXVALUE"]])
        }
        var matched = Set<String>()
        for partition in expected {
            let bounds = [partition.lower ?? [], partition.upper ?? ["MAXVALUE"]]
            if let other = actualByName[partition.name], other.lower == partition.lower, other.upper == partition.upper {
                matched.insert(other.name)
                continue
            }
            if actualByBounds.contains(bounds) {
                if let other = actual.first(where: { [$0.lower ?? [], $0.upper ?? ["MAXVALUE"]] == bounds }) {
                    matched.insert(other.name)
                }
                continue
            }
            let path = "\(pair.path).partitions.\(partition.name)"
            let actualText = actualByName[partition.name].map(rangeText)
            add(.partitionMissing, object: path, expected: rangeText(partition), actual: actualText,
                message: actualText == nil
                    ? "partition \(partition.name) \(rangeText(partition)) of \(pair.path) does not exist on the server"
                    : "partition \(partition.name) of \(pair.path) covers \(actualText!) on the server, the migrations say \(rangeText(partition))",
                fixes: actualText == nil ? pair.alter(.addPartition(AddPartitionClause(element: partition.clause))) : [],
                name: pair.name, part: .partition(partition.name))
        }
        guard let low = expected.first?.lower, let high = expected.map({ $0.upper ?? ["MAXVALUE"] })
            .max(by: Normalize.boundPrecedes) else { return }
        for partition in actual where !matched.contains(partition.name) {
            let lower = partition.lower ?? []
            let upper = partition.upper ?? ["MAXVALUE"]
            let inside = !Normalize.boundPrecedes(lower, low) && !Normalize.boundPrecedes(high, upper)
            if inside { continue }
            add(.partitionUnexpected, object: "\(pair.path).partitions.\(partition.name)", expected: nil,
                actual: rangeText(partition),
                message: "partition \(partition.name) \(rangeText(partition)) of \(pair.path) lies outside the window the migrations declare",
                fixNote: extraPartitionNote(pair, partition.name), severity: isDynamic(pair.actual) ? .info : nil,
                status: isDynamic(pair.actual) ? .operational : .drift, name: pair.name, part: .partition(partition.name))
        }
    }

    private mutating func compareListPartitions(_ pair: TablePair, expected: [ListPartition], actual: [ListPartition]) {
        let actualByName = Dictionary(actual.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let expectedNames = Set(expected.map(\.name))
        for partition in expected {
            let path = "\(pair.path).partitions.\(partition.name)"
            guard let other = actualByName[partition.name] else {
                add(.partitionMissing, object: path, expected: listText(partition), actual: nil,
                    message: "partition \(partition.name) of \(pair.path) does not exist on the server",
                    fixes: pair.alter(.addPartition(AddPartitionClause(element: partition.clause))), name: pair.name,
                    part: .partition(partition.name))
                continue
            }
            if other.values != partition.values {
                add(.partitionMissing, object: path, expected: listText(partition), actual: listText(other),
                    message: "partition \(partition.name) of \(pair.path) holds \(listText(other)) on the server, the migrations say \(listText(partition))",
                    fixNote: "drop the partition and add it again with the expected values (its data goes with it)",
                    name: pair.name, part: .partition(partition.name))
            }
        }
        for partition in actual where !expectedNames.contains(partition.name) {
            add(.partitionUnexpected, object: "\(pair.path).partitions.\(partition.name)", expected: nil,
                actual: listText(partition),
                message: "partition \(partition.name) of \(pair.path) exists on the server but no migration adds it",
                fixNote: extraPartitionNote(pair, partition.name), name: pair.name, part: .partition(partition.name))
        }
    }

    /// Advice for a partition no migration declares: adopting it keeps its data, dropping it loses the data.
    private func extraPartitionNote(_ pair: TablePair, _ name: String) -> String {
        "add the partition to a migration, or drop it if its data is not needed (loses its rows): "
            + SchemaChange.alterTable(pair.name, [.dropPartition(DropPartitionClause(names: [name]))]).sql.dropLast()
    }

    private func isDynamic(_ table: Table) -> Bool {
        table.properties["dynamic_partition.enable"]?.lowercased() == "true"
    }
}

/// `[("lo"), ("hi"))`. Bounds were folded to `yyyy-MM-dd HH:mm:ss` for comparison; a midnight bound is shown as the
/// plain date, which is how the server prints a DATE column's bounds and which StarRocks accepts for DATETIME too.
func rangeText(_ partition: RangePartition) -> String {
    func shown(_ value: String) -> String {
        value.count == 19 && value.hasSuffix(" 00:00:00") ? String(value.prefix(10)) : value
    }
    func tuple(_ values: [String]?) -> String {
        guard let values else { return "(MAXVALUE)" }
        return "(" + values.map { $0 == "MAXVALUE" ? $0 : "\"\(shown($0))\"" }.joined(separator: ", ") + ")"
    }
    return "[\(tuple(partition.lower)), \(tuple(partition.upper)))"
}

/// `('a', 'b')` or `(('1', 'a'), ...)`.
func listText(_ partition: ListPartition) -> String {
    let tuples = partition.values.map { tuple in
        tuple.count == 1 ? "'\(tuple[0])'" : "(" + tuple.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }
    return "(" + tuples.joined(separator: ", ") + ")"
}

/// `RANGE(dt)`, `LIST(c)`, `by expression date_trunc('day', dt)`, `(none)`.
func partitionText(_ partitioning: Partitioning?) -> String {
    switch partitioning {
    case nil: return "(none)"
    case .range(let range)?: return "RANGE(\(range.expressions.joined(separator: ", ")))"
    case .list(let list)?: return "LIST(\(list.columns.joined(separator: ", ")))"
    case .expression(let expressions)?: return "by expression \(expressions.joined(separator: ", "))"
    }
}
