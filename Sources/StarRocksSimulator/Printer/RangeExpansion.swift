import Foundation
import SchemaModel

/// How the FE turns RANGE partition clauses into the fixed ranges it stores and prints: `START .. END .. EVERY ..`
/// batches become one partition per step (sql/ast/MultiRangePartitionDesc.java, branch-3.3) and `VALUES LESS THAN (x)`
/// becomes `[previous upper, x)` (catalog/RangePartitionInfo.java `checkAndCreateRange`), the first one starting at
/// the type's minimum (analysis/LiteralExpr.java `createInfinity`).
enum RangeExpansion {
    /// A stored range: name and both bounds, in the partition type's spelling (`MAXVALUE` for the open end).
    struct Range: Equatable {
        var name: String
        var lower: [String]
        var upper: [String]
    }

    /// `LiteralExpr.createInfinity(type, false)` per partition type.
    static let typeMinimum: [String: String] = [
        "tinyint": "-128", "smallint": "-32768", "int": "-2147483648", "bigint": "-9223372036854775808",
        "largeint": "-170141183460469231731687303715884105728", "date": "0000-01-01",
        "datetime": "0000-01-01 00:00:00",
    ]

    /// Every partition of `range` as stored, sorted by lower bound (the order `RangePartitionInfo.toSql` prints).
    /// `types` holds the FE's scalar type name of each partition expression.
    static func ranges(_ range: RangePartitioning, types: [String?]) -> [Range] {
        var stored: [Range] = []
        let dropped = Set(range.droppedFromBatches.map { $0.lowercased() })
        for batch in range.batches {
            stored += expand(batch, type: types.first ?? nil).filter { !dropped.contains($0.name.lowercased()) }
        }
        for partition in range.partitions {
            let upper = partition.upper.map { spelled($0, types: types) } ?? types.map { _ in "MAXVALUE" }
            let lower: [String]
            if let written = partition.lower {
                lower = spelled(written, types: types)
            } else {
                let below = stored.map(\.upper).filter { precedes($0, upper) }
                lower = below.max(by: precedes) ?? types.map { typeMinimum[$0 ?? ""] ?? "" }
            }
            stored.append(Range(name: partition.name, lower: lower, upper: upper))
        }
        return stored.sorted { precedes($0.lower, $1.lower) }
    }

    /// One batch expanded; nothing when its bounds cannot be read.
    static func expand(_ batch: RangeBatch, type: String?) -> [Range] {
        guard batch.every > 0 else { return [] }
        guard let unit = batch.unit?.uppercased() else {
            guard let start = Int(batch.start.trimmingCharacters(in: .whitespaces)),
                  let end = Int(batch.end.trimmingCharacters(in: .whitespaces)) else { return [] }
            return stride(from: start, to: end, by: batch.every).map { lower in
                Range(name: "p\(lower)", lower: [String(lower)], upper: [String(min(lower + batch.every, end))])
            }
        }
        guard let start = CalendarText.date(batch.start), let end = CalendarText.date(batch.end),
              let component = CalendarText.component(unit) else { return [] }
        var out: [Range] = []
        var lower = start
        while lower < end, out.count < 100_000,
              let next = CalendarText.calendar.date(byAdding: component, value: batch.every, to: lower) {
            let upper = min(next, end)
            out.append(Range(name: CalendarText.partitionName(lower, unit: unit),
                             lower: [CalendarText.bound(lower, type: type)], upper: [CalendarText.bound(upper, type: type)]))
            lower = next
        }
        return out
    }

    /// Bound values in the partition type's spelling: a DATETIME partition prints `2021-01-01 00:00:00` for a bound
    /// written `2021-01-01` (`PartitionKey.toSql` formats the stored literal).
    static func spelled(_ values: [String], types: [String?]) -> [String] {
        values.enumerated().map { offset, value in
            let type = offset < types.count ? types[offset] : nil
            guard value.uppercased() != "MAXVALUE", let date = CalendarText.date(value) else { return value }
            return type == "datetime" || type == "date" ? CalendarText.bound(date, type: type) : value
        }
    }

    /// Orders bound tuples: `MAXVALUE` last, integers numerically, other values as text (ISO dates sort as text).
    static func precedes(_ lhs: [String], _ rhs: [String]) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right {
            if left.uppercased() == "MAXVALUE" { return false }
            if right.uppercased() == "MAXVALUE" { return true }
            if let l = Int(left), let r = Int(right) { return l < r }
            return left < right
        }
        return lhs.count < rhs.count
    }
}
