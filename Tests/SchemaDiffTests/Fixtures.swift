import SchemaModel
import Testing

/// Hand-built model values for the table-driven tests.
enum Sample {
    static let database = "shop"

    /// `orders`: a DUPLICATE KEY table partitioned by day, hash-distributed with pinned buckets.
    static var orders: Table {
        Table(
            name: "orders",
            columns: [
                Column(name: "order_id", type: .scalar(name: "bigint", arguments: []), nullable: false),
                Column(name: "order_date", type: .scalar(name: "date", arguments: []), nullable: false),
                Column(name: "customer", type: .scalar(name: "varchar", arguments: [64]), comment: "who"),
                Column(name: "amount", type: .scalar(name: "decimal", arguments: [18, 2]), defaultValue: .literal("0")),
                Column(name: "note", type: .scalar(name: "string", arguments: [])),
            ],
            key: TableKey(model: .duplicate, columns: ["order_id", "order_date"]),
            comment: "orders",
            partitioning: .range(RangePartitioning(
                expressions: ["order_date"],
                batches: [RangeBatch(start: "2026-01-01", end: "2026-01-04", every: 1, unit: "DAY")])),
            distribution: Distribution(method: .hash(columns: ["order_id"]), buckets: 8),
            indexes: [TableIndex(name: "idx_customer", columns: ["customer"])],
            properties: ["replication_num": "1", "bloom_filter_columns": "customer, order_id"])
    }

    /// `totals`: an AGGREGATE KEY table.
    static var totals: Table {
        Table(
            name: "totals",
            columns: [
                Column(name: "day", type: .scalar(name: "date", arguments: [])),
                Column(name: "revenue", type: .scalar(name: "bigint", arguments: []), aggregate: .sum),
            ],
            key: TableKey(model: .aggregate, columns: ["day"]),
            distribution: Distribution(method: .hash(columns: ["day"])))
    }

    /// `v_orders`: a view.
    static var view: View {
        View(name: "v_orders", columns: [ViewColumn(name: "order_id", comment: "id")], comment: "recent",
             query: query("SELECT order_id FROM orders WHERE amount > 10"))
    }

    /// `mv_daily`: an async MV.
    static var materializedView: MaterializedView {
        MaterializedView(name: "mv_daily", partitionBy: ["order_date"],
                         distribution: Distribution(method: .hash(columns: ["order_date"])),
                         refresh: Refresh(kind: .async, everyCount: 1, everyUnit: "DAY"),
                         properties: ["replication_num": "1"],
                         query: query("SELECT order_date, sum(amount) FROM orders GROUP BY order_date"))
    }

    /// A catalog with the samples in `shop`.
    static func catalog(tables: [Table] = [orders, totals], views: [View] = [view],
                        materializedViews: [MaterializedView] = [materializedView]) -> Catalog {
        var database = Database(name: database)
        for table in tables { database.tables[table.name] = table }
        for view in views { database.views[view.name] = view }
        for view in materializedViews { database.materializedViews[view.name] = view }
        return Catalog(databases: [Self.database: database])
    }

    /// A query's tokens, through the real parser (a view statement wrapped around `sql`).
    static func query(_ sql: String) -> QueryText {
        let catalog = try! Catalog.load(sql: "CREATE VIEW q AS \(sql);", file: "<query>", defaultDatabase: "q")
        return catalog.databases["q"]!.views["q"]!.query
    }

    /// Both sides from DDL text in database `shop`.
    static func load(_ sql: String) throws -> Catalog {
        try Catalog.load(sql: sql, file: "<test>", defaultDatabase: database)
    }
}
