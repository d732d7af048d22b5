/// Partition rules: RANGE batches and LESS THAN partitions expanded to fixed ranges, bound values folded, LIST values
/// as sets, expression text canonical.
extension Normalize {
    /// The lower bound of a first `LESS THAN` partition, per partition-column type (FE `LiteralExpr.createInfinity`).
    /// DATE and DATETIME minima fold to the same text through `boundValue`.
    public static let typeMinimum: [String: String] = [
        "tinyint": "-128",
        "smallint": "-32768",
        "int": "-2147483648",
        "bigint": "-9223372036854775808",
        "largeint": "-170141183460469231731687303715884105728",
        "date": "0000-01-01",
        "datetime": "0000-01-01 00:00:00",
    ]

    /// Partitioning in comparable form (see the rules below); `columns` gives the partition columns' types.
    public static func partitioning(_ partitioning: Partitioning, columns: [Column]) -> Partitioning {
        switch partitioning {
        case .range(let range):
            return .range(rangePartitioning(range, columns: columns))
        case .list(let list):
            return .list(listPartitioning(list))
        case .expression(let expressions):
            return .expression(expressions.map(expression))
        }
    }

    /// Partition bound values (3.x/4.x): printed in the partition type, so a DATE bound `"2021-01-01"` and the DATETIME
    /// bound `"2021-01-01 00:00:00"` of a `from_unixtime(..)` range are the same; surrounding spaces dropped.
    /// Example raw output: `PARTITION p20231226 VALUES [("2023-12-26 00:00:00"), ("2023-12-27 00:00:00"))` for
    /// `ADD PARTITION p20231226 VALUES [("2023-12-26"), ("2023-12-27"))`.
    public static func boundValue(_ value: String) -> String {
        let trimmed = Normalize.trimmed(value)
        if trimmed.uppercased() == "MAXVALUE" { return "MAXVALUE" }
        if let time = CivilTime(trimmed), trimmed.contains("-") { return time.dateTimeText }
        return trimmed
    }

    /// RANGE partitioning (all 3.x/4.x eras): `START/END/EVERY` batches and `VALUES LESS THAN` are not preserved; the
    /// server prints one fixed half-open range per partition (see `expandBatch`, `closeLessThan`). Partitions come out
    /// sorted by lower bound.
    static func rangePartitioning(_ range: RangePartitioning, columns: [Column]) -> RangePartitioning {
        let expressions = range.expressions.map(expression)
        var fixed: [RangePartition] = []
        var lessThan: [RangePartition] = []
        for partition in range.partitions {
            var folded = partition
            folded.name = identifier(partition.name)
            folded.upper = partition.upper.map { $0.map(boundValue) }
            folded.properties = properties(partition.properties)
            if let lower = partition.lower {
                folded.lower = lower.map(boundValue)
                fixed.append(folded)
            } else {
                lessThan.append(folded)
            }
        }
        let dropped = Set(range.droppedFromBatches.map(identifier))
        for batch in range.batches {
            fixed += expandBatch(batch).filter { !dropped.contains($0.name) }
        }
        let minimum = range.expressions.map { minimumBound(forExpression: $0, columns: columns) }
        fixed += closeLessThan(lessThan, fixed: fixed, minimum: minimum)
        fixed.sort { boundPrecedes($0.lower ?? [], $1.lower ?? []) }
        return RangePartitioning(expressions: expressions, partitions: fixed)
    }

    /// `VALUES LESS THAN (x)` (all eras) becomes `[(previous upper), (x))`; the first partition starts at the type
    /// minimum. Example raw output: `PARTITION p1 VALUES [("-2147483648"), ("0"))` for `PARTITION p1 VALUES LESS THAN ("0")`
    /// on an INT column; `MAXVALUE` prints bare: `[("2024-01-01"), (MAXVALUE))`.
    static func closeLessThan(_ partitions: [RangePartition], fixed: [RangePartition], minimum: [String])
        -> [RangePartition] {
        var uppers = fixed.compactMap(\.upper)
        var out: [RangePartition] = []
        let ordered = partitions.sorted { lhs, rhs in
            guard let left = lhs.upper else { return false }
            guard let right = rhs.upper else { return true }
            return boundPrecedes(left, right)
        }
        for partition in ordered {
            var closed = partition
            let below = uppers.filter { partition.upper == nil || boundPrecedes($0, partition.upper!) }
            closed.lower = below.max(by: boundPrecedes) ?? minimum.map(boundValue)
            if let upper = partition.upper { uppers.append(upper) }
            out.append(closed)
        }
        return out
    }

    /// The type minimum for a partition expression: the column's type for a bare column, DATETIME for a function
    /// (`from_unixtime(ts)`, `date_trunc(..)`, `str2date(..)`).
    static func minimumBound(forExpression text: String, columns: [Column]) -> String {
        let name = identifier(text)
        if let column = columns.first(where: { identifier($0.name) == name }),
           case let .scalar(typeName, _) = type(column.type) {
            return typeMinimum[typeName] ?? typeMinimum["datetime"]!
        }
        return typeMinimum["datetime"]!
    }

    /// `START ("2021-01-01") END ("2021-01-04") EVERY (INTERVAL 1 DAY)` (all eras) prints one partition per step, named
    /// after its lower bound: `pYYYYMMDD` (DAY), `pYYYYMMDDHH` (HOUR), `pYYYY_WW` (WEEK), `pYYYYMM` (MONTH), `pYYYY`
    /// (YEAR); a numeric `EVERY (n)` names them `p<lower>` (docs/starrocks-behaviour.md#range-partitions). Example:
    /// `PARTITION p20210101 VALUES [("2021-01-01"), ("2021-01-02"))`. Returns nothing for a batch it cannot expand.
    public static func expandBatch(_ batch: RangeBatch) -> [RangePartition] {
        guard batch.every > 0 else { return [] }
        guard let unit = batch.unit?.uppercased() else {
            guard let start = Int(Normalize.trimmed(batch.start)), let end = Int(Normalize.trimmed(batch.end)) else { return [] }
            return stride(from: start, to: end, by: batch.every).map { lower in
                RangePartition(name: "p\(lower)", lower: [String(lower)], upper: [String(min(lower + batch.every, end))])
            }
        }
        guard let start = CivilTime(batch.start), let end = CivilTime(batch.end) else { return [] }
        var out: [RangePartition] = []
        var lower = start
        while lower < end, out.count < 100_000, let next = lower.adding(batch.every, unit) {
            let upper = min(next, end)
            out.append(RangePartition(name: batchPartitionName(lower, unit: unit), lower: [lower.dateTimeText],
                                      upper: [upper.dateTimeText]))
            lower = next
        }
        return out
    }

    /// The server's name for a batch partition starting at `lower`.
    static func batchPartitionName(_ lower: CivilTime, unit: String) -> String {
        switch unit {
        case "YEAR": return "p" + Normalize.padded(lower.year, 4)
        case "MONTH": return "p" + Normalize.padded(lower.year, 4) + Normalize.padded(lower.month, 2)
        case "WEEK":
            let week = lower.isoWeek
            return "p" + Normalize.padded(week.year, 4) + "_" + Normalize.padded(week.week, 2)
        case "HOUR": return "p" + Normalize.padded(lower.year, 4) + Normalize.padded(lower.month, 2) + Normalize.padded(lower.day, 2) + Normalize.padded(lower.hour, 2)
        default: return "p" + Normalize.padded(lower.year, 4) + Normalize.padded(lower.month, 2) + Normalize.padded(lower.day, 2)
        }
    }

    /// Orders bound tuples: numbers numerically, `MAXVALUE` last, other values as text.
    public static func boundPrecedes(_ lhs: [String], _ rhs: [String]) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right {
            if left == "MAXVALUE" { return false }
            if right == "MAXVALUE" { return true }
            if let l = Int(left), let r = Int(right) { return l < r }
            if let l = Double(left), let r = Double(right) { return l < r }
            return left < right
        }
        return lhs.count < rhs.count
    }

    /// LIST partitioning (3.x+): values printed single-quoted with `", "` (older `","`) and partitions in map order;
    /// compared as sets: values sorted within a partition, partitions sorted by name.
    static func listPartitioning(_ list: ListPartitioning) -> ListPartitioning {
        let partitions = list.partitions.map { partition in
            ListPartition(name: identifier(partition.name),
                          values: partition.values.map { $0.map(Normalize.trimmed) }.sorted { $0.lexicographicallyPrecedes($1) },
                          properties: properties(partition.properties))
        }
        return ListPartitioning(columns: list.columns.map(identifier), partitions: partitions.sorted { $0.name < $1.name })
    }
}
