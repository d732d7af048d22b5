import StarRocksDDL

extension Partitioning {
    /// The PARTITION BY clause as written: RANGE batches stay batches, LESS THAN partitions have no lower bound.
    public init(_ clause: PartitionByClause) {
        switch clause {
        case .range(let range):
            var partitions: [RangePartition] = []
            var batches: [RangeBatch] = []
            for element in range.elements {
                switch element {
                case .range(let partition): partitions.append(RangePartition(partition))
                case .batch(let batch): batches.append(RangeBatch(batch))
                case .list: break
                }
            }
            self = .range(RangePartitioning(expressions: range.expressions.map(ExpressionText.canonical),
                                            partitions: partitions, batches: batches))
        case .list(let list):
            let partitions = list.elements.compactMap { element -> ListPartition? in
                if case .list(let partition) = element { return ListPartition(partition) }
                return nil
            }
            self = .list(ListPartitioning(columns: list.columns, partitions: partitions))
        case .expression(let expression):
            self = .expression(expression.expressions.map(ExpressionText.canonical))
        }
    }
}

extension RangePartition {
    /// One RANGE partition: `LESS THAN (x)` has `lower == nil`; a `MAXVALUE` upper bound is `upper == nil`.
    public init(_ clause: RangePartitionDefinitionClause) {
        let properties = [String: String](properties: clause.properties)
        switch clause.bound {
        case .lessThan(let values):
            self.init(name: clause.name, lower: nil, upper: Self.bound(values), properties: properties)
        case let .fixed(lower, upper):
            self.init(name: clause.name, lower: Self.bound(lower) ?? ["MAXVALUE"], upper: Self.bound(upper),
                      properties: properties)
        }
    }

    /// Bound values, or `nil` when the bound is MAXVALUE.
    private static func bound(_ values: [PartitionValueClause]) -> [String]? {
        if values.allSatisfy({ $0 == .maxValue }) { return nil }
        return values.map {
            switch $0 {
            case .value(let value): return value
            case .maxValue: return "MAXVALUE"
            }
        }
    }
}

extension RangeBatch {
    /// `START .. END .. EVERY ..` as written.
    public init(_ clause: RangeBatchClause) {
        self.init(start: clause.start, end: clause.end, every: clause.every.count, unit: clause.every.unit)
    }
}

extension ListPartition {
    /// One LIST partition as written.
    public init(_ clause: ListPartitionDefinitionClause) {
        self.init(name: clause.name, values: clause.values, properties: [String: String](properties: clause.properties))
    }
}
