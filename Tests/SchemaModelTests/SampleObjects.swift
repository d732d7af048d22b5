@testable import SchemaModel

/// Hand-built model objects that exercise every part of the canonical printer.
enum SampleObjects {
    static let events = Table(
        name: "events",
        columns: [
            Column(name: "event_id", type: .scalar(name: "bigint", arguments: []), nullable: false,
                   isAutoIncrement: true, comment: "surrogate \"id\""),
            Column(name: "event_date", type: .scalar(name: "date", arguments: []), nullable: false),
            Column(name: "user_id", type: .scalar(name: "int", arguments: [11]), nullable: true),
            Column(name: "amount", type: .scalar(name: "decimal", arguments: [10, 2]), defaultValue: .literal("0")),
            Column(name: "created_at", type: .scalar(name: "datetime", arguments: []),
                   defaultValue: .currentTimestamp),
            Column(name: "tags", type: .array(.scalar(name: "varchar", arguments: [32]))),
            Column(name: "attrs", type: .map(key: .scalar(name: "varchar", arguments: [64]),
                                            value: .scalar(name: "int", arguments: []))),
            Column(name: "point", type: .struct([StructField(name: "x", type: .scalar(name: "double", arguments: [])),
                                                 StructField(name: "y", type: .scalar(name: "double", arguments: []))])),
            Column(name: "day_bucket", type: .scalar(name: "date", arguments: []), nullable: true,
                   generatedExpression: "date_trunc('day', created_at)"),
        ],
        key: TableKey(model: .duplicate, columns: ["event_id", "event_date"]),
        comment: "raw events",
        partitioning: .range(RangePartitioning(
            expressions: ["event_date"],
            partitions: [
                RangePartition(name: "p0", lower: nil, upper: ["2024-01-01"]),
                RangePartition(name: "p2024", lower: ["2024-01-01"], upper: ["2025-01-01"],
                               properties: ["replication_num": "1"]),
                RangePartition(name: "pmax", lower: ["2030-01-01"], upper: nil),
            ],
            batches: [RangeBatch(start: "2025-01-01", end: "2025-02-01", every: 1, unit: "DAY")])),
        distribution: Distribution(method: .hash(columns: ["event_id"]), buckets: 8),
        orderBy: ["event_date", "event_id"],
        indexes: [TableIndex(name: "idx_user", columns: ["user_id"], comment: "by user")],
        properties: ["replication_num": "3", "compression": "LZ4"],
        engine: "OLAP")

    static let rollup = Table(
        name: "daily_totals",
        columns: [
            Column(name: "dt", type: .scalar(name: "date", arguments: []), nullable: false),
            Column(name: "region", type: .scalar(name: "varchar", arguments: [16]), nullable: false),
            Column(name: "pv", type: .scalar(name: "bigint", arguments: [20]), aggregate: .sum, nullable: true,
                   defaultValue: .literal("0")),
            Column(name: "last_user", type: .scalar(name: "int", arguments: []), aggregate: .replaceIfNotNull),
            Column(name: "uv", type: .scalar(name: "bitmap", arguments: []), aggregate: .bitmapUnion, nullable: false),
        ],
        key: TableKey(model: .aggregate, columns: ["dt", "region"]),
        partitioning: .list(ListPartitioning(columns: ["region"], partitions: [
            ListPartition(name: "p_east", values: [["east"], ["north'east"]]),
            ListPartition(name: "p_west", values: [["west"]]),
        ])),
        distribution: Distribution(method: .random))

    static let multiList = Table(
        name: "sites",
        columns: [
            Column(name: "dt", type: .scalar(name: "date", arguments: [])),
            Column(name: "city", type: .scalar(name: "varchar", arguments: [20])),
        ],
        key: TableKey(model: .primary, columns: ["dt", "city"]),
        partitioning: .list(ListPartitioning(columns: ["dt", "city"], partitions: [
            ListPartition(name: "p1", values: [["2024-01-01", "a"], ["2024-01-01", "b"]]),
        ])),
        distribution: Distribution(method: .hash(columns: ["city"])))

    static let automatic = Table(
        name: "clicks",
        columns: [
            Column(name: "ts", type: .scalar(name: "datetime", arguments: [])),
            Column(name: "site", type: .scalar(name: "string", arguments: [])),
        ],
        partitioning: .expression(["date_trunc('month', ts)", "site"]))

    static let view = View(
        name: "active_users",
        columns: [ViewColumn(name: "user_id", comment: "the user"), ViewColumn(name: "n")],
        comment: "users seen today",
        security: "INVOKER",
        query: QueryText(tokens: [
            .init(kind: .word, text: "SELECT"), .init(kind: .word, text: "user_id"), .init(kind: .symbol, text: ","),
            .init(kind: .word, text: "count"), .init(kind: .symbol, text: "("), .init(kind: .symbol, text: "*"),
            .init(kind: .symbol, text: ")"), .init(kind: .word, text: "FROM"),
            .init(kind: .quotedIdentifier, text: "events"), .init(kind: .word, text: "WHERE"),
            .init(kind: .word, text: "kind"), .init(kind: .symbol, text: "="), .init(kind: .string, text: "it's"),
            .init(kind: .word, text: "GROUP"), .init(kind: .word, text: "BY"), .init(kind: .word, text: "user_id"),
        ]))

    static let materializedView = MaterializedView(
        name: "daily_events_mv",
        columns: [ViewColumn(name: "dt"), ViewColumn(name: "n", comment: "events")],
        comment: "per day",
        partitionBy: ["dt"],
        distribution: Distribution(method: .hash(columns: ["dt"]), buckets: 4),
        orderBy: ["dt"],
        refresh: Refresh(moment: .deferred, kind: .async, start: "2024-01-01 00:00:00", everyCount: 1, everyUnit: "DAY"),
        properties: ["replication_num": "1", "partition_refresh_number": "3"],
        query: QueryText(tokens: [
            .init(kind: .word, text: "SELECT"), .init(kind: .word, text: "event_date"), .init(kind: .word, text: "AS"),
            .init(kind: .word, text: "dt"), .init(kind: .symbol, text: ","), .init(kind: .word, text: "count"),
            .init(kind: .symbol, text: "("), .init(kind: .symbol, text: "*"), .init(kind: .symbol, text: ")"),
            .init(kind: .word, text: "FROM"), .init(kind: .word, text: "events"), .init(kind: .word, text: "GROUP"),
            .init(kind: .word, text: "BY"), .init(kind: .word, text: "event_date"),
        ]))

    static var catalog: Catalog {
        var analytics = Database(name: "analytics")
        analytics.tables = [events.name: events, rollup.name: rollup, automatic.name: automatic]
        analytics.views = [view.name: view]
        analytics.materializedViews = [materializedView.name: materializedView]
        var ops = Database(name: "ops")
        ops.tables = [multiList.name: multiList]
        return Catalog(databases: ["ops": ops, "analytics": analytics])
    }
}
