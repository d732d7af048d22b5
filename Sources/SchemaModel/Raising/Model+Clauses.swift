import StarRocksDDL

/// Model values as StarRocksDDL syntax, for the typed statements the differ and the planner build (printed by
/// StarRocksDDL's printer, read back by its parser).
extension Distribution {
    /// `DISTRIBUTED BY HASH(...) | RANDOM [BUCKETS n]`.
    public var clause: DistributedByClause {
        switch method {
        case .hash(let columns): return DistributedByClause(method: .hash(columns), buckets: buckets)
        case .random: return DistributedByClause(method: .random, buckets: buckets)
        }
    }
}

extension TableIndex {
    /// `INDEX name (columns) USING type [("k" = "v")] [COMMENT "c"]`.
    public var clause: IndexDefinitionClause {
        IndexDefinitionClause(name: name, columns: columns, type: type,
                              properties: properties.keys.sorted().map { PropertyClause(key: $0, value: properties[$0]!) },
                              comment: comment.isEmpty ? nil : comment)
    }
}

extension Refresh {
    /// The refresh scheme as ALTER MATERIALIZED VIEW ... REFRESH states it (no IMMEDIATE/DEFERRED: StarRocks takes
    /// the moment only at CREATE).
    public var alterClause: RefreshClause {
        let kind = self.kind.flatMap { RefreshClause.Kind(rawValue: $0.rawValue) } ?? .manual
        let every = everyCount.map { IntervalClause(count: $0, unit: everyUnit) }
        return RefreshClause(kind: kind, start: start, every: every)
    }
}

extension RangePartition {
    /// `PARTITION name VALUES [(lower), (upper))`, or `VALUES LESS THAN (upper)` without a lower bound; `MAXVALUE`
    /// for an open upper bound. A midnight datetime bound (`2026-01-01 00:00:00`, how the server prints a DATE
    /// bound's value) is written as its date, which StarRocks reads the same for DATE and DATETIME columns.
    public var clause: PartitionElementClause {
        func values(_ bound: [String]?) -> [PartitionValueClause] {
            (bound ?? ["MAXVALUE"]).map { value in
                if value == "MAXVALUE" { return .maxValue }
                let midnight = value.count == 19 && value.hasSuffix(" 00:00:00")
                return .value(midnight ? String(value.prefix(10)) : value)
            }
        }
        let bound: RangeBoundClause = lower.map { .fixed(lower: values($0), upper: values(upper)) }
            ?? .lessThan(values(upper))
        return .range(RangePartitionDefinitionClause(name: name, bound: bound))
    }
}

extension ListPartition {
    /// `PARTITION name VALUES IN (...)`.
    public var clause: PartitionElementClause {
        .list(ListPartitionDefinitionClause(name: name, values: values))
    }
}

extension PropertyClause {
    /// `"key" = "value"` pairs in key order.
    public static func list(_ properties: [String: String]) -> [PropertyClause] {
        properties.keys.sorted().map { PropertyClause(key: $0, value: properties[$0]!) }
    }
}
