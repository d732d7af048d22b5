import StarRocksDDL

/// Single clauses of the canonical DDL, for writers of other formats (the SQLAlchemy models of `inspect --format
/// sqlalchemy` pass them to the `starrocks` dialect's `starrocks_*` arguments). The text is exactly what the
/// canonical `CREATE` statements print.
extension CanonicalDDL {
    /// `PARTITION BY RANGE(`d`)\n(PARTITION p1 VALUES [...), ...)` and the LIST / expression forms.
    public static func partitionClause(_ partitioning: Partitioning) -> String {
        TablePrinter.partitioning(partitioning)
    }

    /// `DISTRIBUTED BY HASH(`a`) [BUCKETS n]` / `DISTRIBUTED BY RANDOM [BUCKETS n]`.
    public static func distributionClause(_ distribution: Distribution) -> String {
        TablePrinter.distribution(distribution)
    }

    /// The type as the canonical DDL writes it: `varchar(100)`, `decimal(18, 2)`, `array<int>`.
    public static func typeText(_ type: ColumnType) -> String {
        ColumnPrinter.type(type)
    }

    /// A DEFAULT value as the canonical DDL writes it: `"0"`, `CURRENT_TIMESTAMP`, `NULL`, `(expr)`.
    public static func defaultText(_ value: ColumnDefault) -> String {
        ColumnPrinter.defaultValue(value)
    }

    /// `REFRESH [IMMEDIATE|DEFERRED] ASYNC|MANUAL [START(...)] [EVERY(INTERVAL n UNIT)]`.
    public static func refreshClause(_ refresh: Refresh) -> String {
        ViewPrinter.refresh(refresh)
    }

    /// An expression of a PARTITION BY or ORDER BY list: a plain column name in backquotes, anything else as written.
    public static func expressionText(_ text: String) -> String {
        SQLText.expression(text)
    }
}
