import StarRocksDDL

extension View {
    /// The view a `CREATE VIEW` statement describes.
    public init(_ statement: CreateViewStatement) {
        self.init(name: statement.name.name, columns: statement.columns.map(ViewColumn.init),
                  comment: statement.comment ?? "", security: statement.security, query: QueryText(statement.query.tokens))
    }
}

extension ViewColumn {
    /// One entry of a view's column list.
    public init(_ clause: ViewColumnClause) {
        self.init(name: clause.name, comment: clause.comment ?? "")
    }
}

extension MaterializedView {
    /// The materialized view a `CREATE MATERIALIZED VIEW` statement describes.
    public init(_ statement: CreateMaterializedViewStatement) {
        self.init(name: statement.name.name, columns: statement.columns.map(ViewColumn.init),
                  comment: statement.comment ?? "", partitionBy: statement.partitionBy.map(Self.partitionExpressions) ?? [],
                  distribution: statement.distributedBy.map(Distribution.init), orderBy: statement.orderBy,
                  refresh: statement.refresh.map(Refresh.init),
                  properties: [String: String](properties: statement.properties),
                  indexes: statement.indexes.map(TableIndex.init), query: QueryText(statement.query.tokens))
    }

    /// The partition expressions of an MV's PARTITION BY (`PARTITION BY dt`, `(dt)` and `date_trunc(...)` alike).
    static func partitionExpressions(_ clause: PartitionByClause) -> [String] {
        switch clause {
        case .expression(let expression): return expression.expressions.map(ExpressionText.canonical)
        case .range(let range): return range.expressions.map(ExpressionText.canonical)
        case .list(let list): return list.columns
        }
    }
}

extension Refresh {
    /// The REFRESH clause as written.
    public init(_ clause: RefreshClause) {
        self.init(moment: clause.moment.map { $0 == .deferred ? .deferred : .immediate },
                  kind: clause.kind.map {
                      switch $0 {
                      case .async: return .async
                      case .manual: return .manual
                      case .incremental: return .incremental
                      }
                  },
                  start: clause.start, everyCount: clause.every?.count, everyUnit: clause.every?.unit)
    }
}
