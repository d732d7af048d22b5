import StarRocksDDL

/// Lowering of `CREATE TABLE` syntax into the model: records what the statement wrote, without filling defaults or
/// folding server spellings (that is `Normalize/`'s job). A `LIKE` statement lowers to an empty table of that name;
/// `Catalog.apply` copies the source instead.
extension Table {
    /// The table a `CREATE TABLE` statement describes.
    public init(_ statement: CreateTableStatement) {
        self.init(
            name: statement.name.name,
            columns: statement.columns.map(Column.init),
            key: statement.key.map(TableKey.init),
            comment: statement.comment ?? "",
            partitioning: statement.partitionBy.map(Partitioning.init),
            distribution: statement.distributedBy.map(Distribution.init),
            orderBy: statement.orderBy,
            indexes: statement.indexes.map(TableIndex.init),
            properties: Dictionary(properties: statement.properties),
            engine: statement.engine,
            definedByQuery: statement.asQuery.map { QueryText($0.tokens) })
    }
}

extension Column {
    /// The column a column definition describes; `KEY` is kept in `isKeyMarked`.
    public init(_ clause: ColumnDefinitionClause) {
        self.init(
            name: clause.name,
            type: ColumnType(clause.type),
            aggregate: clause.aggregate.flatMap { AggregateFunction(rawValue: $0.uppercased()) },
            nullable: clause.nullable,
            defaultValue: clause.defaultValue.map(ColumnDefault.init),
            isAutoIncrement: clause.isAutoIncrement,
            generatedExpression: clause.generatedExpression.map(ExpressionText.canonical),
            comment: clause.comment ?? "",
            isKeyMarked: clause.isKey)
    }
}

extension ColumnType {
    /// The type as written, with the scalar name lower-cased.
    public init(_ clause: ColumnTypeClause) {
        switch clause {
        case let .scalar(name, arguments): self = .scalar(name: name.lowercased(), arguments: arguments)
        case let .array(element): self = .array(ColumnType(element))
        case let .map(key, value): self = .map(key: ColumnType(key), value: ColumnType(value))
        case let .struct(fields):
            self = .struct(fields.map { StructField(name: $0.name, type: ColumnType($0.type)) })
        }
    }
}

extension ColumnDefault {
    /// The DEFAULT clause as written (literal values quote-free).
    public init(_ clause: ColumnDefaultClause) {
        switch clause {
        case .literal(let value): self = .literal(value)
        case .null: self = .null
        case .currentTimestamp: self = .currentTimestamp
        case .expression(let expression): self = .expression(ExpressionText.canonical(expression))
        }
    }
}

extension TableKey {
    /// The key clause as written.
    public init(_ clause: KeyClause) {
        let model: KeyModel
        switch clause.model {
        case .duplicate: model = .duplicate
        case .aggregate: model = .aggregate
        case .unique: model = .unique
        case .primary: model = .primary
        }
        self.init(model: model, columns: clause.columns)
    }
}

extension Distribution {
    /// The DISTRIBUTED BY clause as written.
    public init(_ clause: DistributedByClause) {
        switch clause.method {
        case .hash(let columns): self.init(method: .hash(columns: columns), buckets: clause.buckets)
        case .random: self.init(method: .random, buckets: clause.buckets)
        }
    }
}

extension TableIndex {
    /// An index definition; `USING` omitted means BITMAP (the only type StarRocks accepts without it).
    public init(_ clause: IndexDefinitionClause) {
        self.init(name: clause.name, columns: clause.columns, type: clause.type?.uppercased() ?? "BITMAP",
                  comment: clause.comment ?? "", properties: Dictionary(properties: clause.properties))
    }
}

extension Dictionary where Key == String, Value == String {
    /// A PROPERTIES list as a map (a key written twice keeps its last value).
    init(properties: [PropertyClause]) {
        self.init()
        for property in properties { self[property.key] = property.value }
    }
}
