import Findings
import SchemaDiff
import SchemaModel
import Testing

/// One change to the actual side and the finding it must cause.
struct KindCase: CustomTestStringConvertible, Sendable {
    let name: String
    let kind: FindingKind
    let object: String
    let severity: Severity
    let change: @Sendable (inout Catalog) -> Void

    var testDescription: String { name }

    init(_ name: String, _ kind: FindingKind, _ object: String, _ severity: Severity,
         _ change: @escaping @Sendable (inout Catalog) -> Void) {
        self.name = name
        self.kind = kind
        self.object = object
        self.severity = severity
        self.change = change
    }
}

/// Edits the table `name` of `shop`.
func table(_ name: String, _ edit: @escaping @Sendable (inout Table) -> Void) -> @Sendable (inout Catalog) -> Void {
    { catalog in edit(&catalog.databases[Sample.database]!.tables[name]!) }
}

func orders(_ edit: @escaping @Sendable (inout Table) -> Void) -> @Sendable (inout Catalog) -> Void {
    table("orders", edit)
}

func mv(_ edit: @escaping @Sendable (inout MaterializedView) -> Void) -> @Sendable (inout Catalog) -> Void {
    { catalog in edit(&catalog.databases[Sample.database]!.materializedViews["mv_daily"]!) }
}

func view(_ edit: @escaping @Sendable (inout View) -> Void) -> @Sendable (inout Catalog) -> Void {
    { catalog in edit(&catalog.databases[Sample.database]!.views["v_orders"]!) }
}

let kindCases: [KindCase] = [
    KindCase("missing table", .missingTable, "shop.totals", .error) { $0.databases["shop"]!.tables["totals"] = nil },
    KindCase("unexpected table", .unexpectedTable, "shop.extra", .error) {
        $0.databases["shop"]!.tables["extra"] = Table(name: "extra", columns: [Column(name: "k", type: .scalar(name: "int", arguments: []))])
    },
    KindCase("missing view", .missingView, "shop.v_orders", .error) { $0.databases["shop"]!.views["v_orders"] = nil },
    KindCase("unexpected view", .unexpectedView, "shop.v2", .error) {
        $0.databases["shop"]!.views["v2"] = View(name: "v2", query: Sample.query("SELECT 1"))
    },
    KindCase("missing mv", .missingMaterializedView, "shop.mv_daily", .error) {
        $0.databases["shop"]!.materializedViews["mv_daily"] = nil
    },
    KindCase("unexpected mv", .unexpectedMaterializedView, "shop.mv2", .error) {
        $0.databases["shop"]!.materializedViews["mv2"] = MaterializedView(name: "mv2", query: Sample.query("SELECT 1"))
    },
    KindCase("object kind", .objectKind, "shop.v_orders", .error) {
        $0.databases["shop"]!.views["v_orders"] = nil
        $0.databases["shop"]!.tables["v_orders"] = Table(name: "v_orders", columns: [Column(name: "k", type: .scalar(name: "int", arguments: []))])
    },
    KindCase("missing database", .missingDatabase, "shop", .error) { $0.databases["shop"] = nil },
    KindCase("missing column", .missingColumn, "shop.orders.note", .error, orders { $0.columns.removeLast() }),
    KindCase("unexpected column", .unexpectedColumn, "shop.orders.extra", .error, orders {
        $0.columns.append(Column(name: "extra", type: .scalar(name: "int", arguments: [11])))
    }),
    KindCase("column type", .columnType, "shop.orders.customer", .error, orders {
        $0.columns[2].type = .scalar(name: "varchar", arguments: [65])
    }),
    KindCase("column nullability", .columnNullability, "shop.orders.customer", .error, orders { $0.columns[2].nullable = false }),
    KindCase("column default", .columnDefault, "shop.orders.amount", .error, orders { $0.columns[3].defaultValue = .literal("1") }),
    KindCase("column comment", .columnComment, "shop.orders.customer", .error, orders { $0.columns[2].comment = "whom" }),
    KindCase("column position", .columnPosition, "shop.orders.note", .error, orders {
        let note = $0.columns.removeLast()
        $0.columns.insert(note, at: 2)
    }),
    KindCase("column aggregate", .columnAggregate, "shop.totals.revenue", .error, table("totals") { $0.columns[1].aggregate = .max }),
    KindCase("auto increment", .columnAutoIncrement, "shop.orders.order_id", .error, orders { $0.columns[0].isAutoIncrement = true }),
    KindCase("generated", .columnGenerated, "shop.orders.note", .error, orders { $0.columns[4].generatedExpression = "upper(customer)" }),
    KindCase("key model", .keyModel, "shop.orders", .error, orders { $0.key!.model = .unique }),
    KindCase("key columns", .keyColumns, "shop.orders", .error, orders { $0.key!.columns = ["order_id"] }),
    KindCase("partition method", .partitionMethod, "shop.orders", .error, orders {
        $0.partitioning = .list(ListPartitioning(columns: ["order_date"]))
    }),
    KindCase("partition columns", .partitionColumns, "shop.orders", .error, orders {
        $0.partitioning = .range(RangePartitioning(expressions: ["order_id"],
                                                   batches: [RangeBatch(start: "2026-01-01", end: "2026-01-04", every: 1, unit: "DAY")]))
    }),
    KindCase("partition missing", .partitionMissing, "shop.orders.partitions.p20260103", .error, orders {
        $0.partitioning = .range(RangePartitioning(expressions: ["order_date"],
                                                   batches: [RangeBatch(start: "2026-01-01", end: "2026-01-03", every: 1, unit: "DAY")]))
    }),
    KindCase("partition outside the window", .partitionUnexpected, "shop.orders.partitions.p20250101", .error, orders {
        guard case .range(var range) = $0.partitioning! else { return }
        range.partitions.append(RangePartition(name: "p20250101", lower: ["2025-01-01"], upper: ["2025-01-02"]))
        $0.partitioning = .range(range)
    }),
    KindCase("distribution method", .distributionMethod, "shop.orders", .error, orders {
        $0.distribution = Distribution(method: .random, buckets: 8)
    }),
    KindCase("distribution columns", .distributionColumns, "shop.orders", .error, orders {
        $0.distribution = Distribution(method: .hash(columns: ["customer"]), buckets: 8)
    }),
    KindCase("bucket count", .bucketCount, "shop.orders", .error, orders { $0.distribution!.buckets = 16 }),
    KindCase("order by", .orderBy, "shop.orders", .error, orders { $0.orderBy = ["customer"] }),
    KindCase("property value", .property, "shop.orders.properties.replication_num", .error, orders {
        $0.properties["replication_num"] = "3"
    }),
    KindCase("property not a default", .property, "shop.orders.properties.compression", .error, orders {
        $0.properties["compression"] = "ZSTD"
    }),
    KindCase("property whose default varies", .propertyDefaultUnknown, "properties.replicated_storage", .info, orders {
        $0.properties["replicated_storage"] = "false"
    }),
    KindCase("table comment", .tableComment, "shop.orders", .error, orders { $0.comment = "" }),
    KindCase("missing index", .missingIndex, "shop.orders.indexes.idx_customer", .error, orders { $0.indexes = [] }),
    KindCase("unexpected index", .unexpectedIndex, "shop.orders.indexes.idx_note", .error, orders {
        $0.indexes.append(TableIndex(name: "idx_note", columns: ["note"], type: "NGRAMBF"))
    }),
    KindCase("index definition", .indexDefinition, "shop.orders.indexes.idx_customer", .error, orders {
        $0.indexes[0].columns = ["note"]
    }),
    KindCase("view definition", .viewDefinition, "shop.v_orders", .error, view {
        $0.query = Sample.query("SELECT order_id FROM orders WHERE amount > 11")
    }),
    KindCase("view comment", .viewComment, "shop.v_orders", .error, view { $0.comment = "old" }),
    KindCase("view columns", .viewColumns, "shop.v_orders", .error, view { $0.columns = [ViewColumn(name: "id")] }),
    KindCase("view column comment", .columnComment, "shop.v_orders.order_id", .error, view { $0.columns[0].comment = "" }),
    KindCase("mv definition", .materializedViewDefinition, "shop.mv_daily", .error, mv {
        $0.query = Sample.query("SELECT order_date, max(amount) FROM orders GROUP BY order_date")
    }),
    KindCase("mv refresh", .materializedViewRefresh, "shop.mv_daily", .error, mv { $0.refresh = Refresh(kind: .manual) }),
    KindCase("mv partitioning", .materializedViewPartitioning, "shop.mv_daily", .error, mv { $0.partitionBy = [] }),
    KindCase("mv distribution", .distributionMethod, "shop.mv_daily", .error, mv { $0.distribution = nil }),
    KindCase("mv property", .property, "shop.mv_daily.properties.replication_num", .error, mv {
        $0.properties["replication_num"] = "3"
    }),
]

@Suite struct FindingKindTests {
    @Test(arguments: kindCases)
    func oneChangeOneFinding(_ testCase: KindCase) {
        let expected = Sample.catalog()
        var actual = expected
        testCase.change(&actual)
        let comparison = diff(expected: expected, actual: actual)
        let matching = comparison.findings.filter { $0.kind == testCase.kind && $0.object == testCase.object }
        #expect(matching.count == 1, "findings: \(comparison.findings.map { "\($0.kind.rawValue)@\($0.object)" })")
        guard let finding = matching.first else { return }
        #expect(finding.severity == testCase.severity)
        #expect(!finding.message.isEmpty)
        #expect(finding.fixSQL != nil || finding.fixNote != nil || finding.severity == .info,
                "a finding needs fix SQL or a note saying why there is none")
        #expect(comparison.notCompared.isEmpty)
    }

    @Test func identityOnSamples() {
        let catalog = Sample.catalog()
        let comparison = diff(expected: catalog, actual: catalog)
        #expect(comparison.findings.isEmpty)
        #expect(comparison.notCompared.isEmpty)
        #expect(comparison.comparedObjects == 4)
    }

    @Test func everySchemaKindHasATableCase() {
        let operational: Set<FindingKind> = [.materializedViewInactive, .materializedViewRefreshFailed, .revisionBehind,
                                             .revisionUnknown, .revisionNotRecorded, .versionTableMissing, .versionTableRows,
                                             .schemaChangeRunning, .schemaChangeStuck, .schemaChangeCancelled,
                                             .replicationExceedsBackends, .backendsMissing, .partitionWindowEnding,
                                             .propertyDefaultUnknown, .upgradeInProgress,
                                             // made by `check --models` from the differ's own findings, not by the differ
                                             .modelNotMigrated]
        let covered = Set(kindCases.map(\.kind))
        let missing = FindingKind.allCases.filter { !operational.contains($0) && !covered.contains($0) }
        #expect(missing.isEmpty, "schema finding kinds without a table-driven case: \(missing)")
    }
}
