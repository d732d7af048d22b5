import Findings
import SchemaModel
@testable import SchemaPlan
import Testing

/// Every change StarRocks cannot make in place gets the rebuild recipe with a comment naming the data it loses.
@Suite struct RebuildRecipeTests {
    static func table(key: String = "DUPLICATE KEY(id)", idType: String = "BIGINT", partition: String = "",
                      properties: String = "") -> String {
        """
        CREATE TABLE events (id \(idType) NOT NULL, d DATE NOT NULL, kind VARCHAR(20), note VARCHAR(100))
        \(key) \(partition) DISTRIBUTED BY HASH(id) \(properties);
        """
    }

    static let cases: [(label: String, expected: String, actual: String, kind: FindingKind, comment: String)] = [
        ("key model", table(key: "PRIMARY KEY(id)"), table(), .keyModel, "are merged into one"),
        ("key columns", table(key: "DUPLICATE KEY(id, d)"), table(), .keyColumns, "rows written to db.events while the copy runs"),
        ("narrowing", table(idType: "INT"), table(), .columnType, "converted from bigint to int (values that do not fit"),
        ("partition method", table(partition: "PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN (\"2030-01-01\"))"),
         table(partition: "PARTITION BY date_trunc('day', d)"), .partitionMethod, "fall outside the expected partitions"),
        ("immutable property", table(properties: "PROPERTIES (\"compression\" = \"ZSTD\")"),
         table(properties: "PROPERTIES (\"compression\" = \"LZ4\")"), .property, "rows written to db.events while the copy runs"),
    ]

    @Test(arguments: 0..<cases.count)
    func rebuildRecipe(_ index: Int) throws {
        let testCase = Self.cases[index]
        let result = try planAndReplay(expected: testCase.expected, actual: testCase.actual)
        let step = try #require(result.plan.steps.first, "\(testCase.label): no step")
        #expect(result.plan.steps.count == 1, "\(testCase.label)")
        #expect(step.action == .rebuild, "\(testCase.label)")
        #expect(step.findingKinds.contains(testCase.kind), "\(testCase.label): \(step.findingKinds)")
        #expect(step.losesData)
        #expect(step.statements.first?.hasPrefix("CREATE TABLE `db`.`events__drift_new`") == true)
        #expect(step.statements.contains("INSERT INTO `db`.`events__drift_new` (`id`, `d`, `kind`, `note`) SELECT `id`, `d`, `kind`, `note` FROM `db`.`events`;"))
        #expect(step.statements.contains("ALTER TABLE `db`.`events` SWAP WITH `events__drift_new`;"))
        #expect(step.statements.last == "DROP TABLE `db`.`events__drift_new`;")
        #expect(step.comments.first?.hasPrefix("rebuild: ") == true)
        #expect(step.comments.contains { $0.contains(testCase.comment) }, "\(testCase.label): \(step.comments)")
        #expect(result.script.contains("-- loses data:"))
        #expect(result.remaining.isEmpty, "\(testCase.label): \(result.remaining)")
    }

    @Test func droppedColumnsAreNamedInTheRecipe() throws {
        let expected = "CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL) PRIMARY KEY(id) DISTRIBUTED BY HASH(id);"
        let result = try planAndReplay(expected: expected, actual: Self.table())
        let step = try #require(result.plan.steps.first)
        #expect(step.comments.contains { $0.contains("column(s) kind, note of the actual table are dropped") })
        #expect(result.remaining.isEmpty, "\(result.remaining)")
    }

    @Test func materializedViewsOnARebuiltTableAreDroppedAndCreatedAgain() throws {
        let mv = "CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(id) REFRESH ASYNC AS SELECT id, COUNT(*) AS c FROM events GROUP BY id;"
        let result = try planAndReplay(expected: Self.table(key: "PRIMARY KEY(id)") + mv, actual: Self.table() + mv)
        #expect(result.plan.steps.map { "\($0.action.rawValue) \($0.object)" }
                == ["drop db.mv", "rebuild db.events", "create db.mv"])
        #expect(result.plan.steps[0].comments.contains { $0.contains("it reads db.events, which is rebuilt") })
        #expect(result.remaining.isEmpty, "\(result.remaining)")
    }

    @Test func placeholdersComeBackAndReplicasAreCapped() throws {
        let expected = "CREATE TABLE t (id BIGINT NOT NULL) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) PROPERTIES (\"replication_num\" = \"3\");"
        var options = PlanOptions()
        options.placeholders = ["replication_num": "1"]
        options.placeholderKeys = ["replication_num": "replication_num"]
        options.maxReplicas = 1
        let result = plan(expected: try catalog(expected), actual: try catalog(""), options: options)
        let step = try #require(result.steps.first)
        #expect(step.statements[0].contains("\"replication_num\" = \"${replication_num}\""))
        #expect(step.comments.contains { $0.contains("ask for replication_num 3 but the environment expects only 1 backend(s)") })
        #expect(!result.notes.isEmpty)
    }

    @Test func authorStyleLeavesServerDefaultsAndBucketsOut() throws {
        let server = """
        CREATE TABLE `t` (`id` bigint(20) NOT NULL COMMENT "") ENGINE=OLAP DUPLICATE KEY(`id`)
        DISTRIBUTED BY HASH(`id`) BUCKETS 4
        PROPERTIES ("compression" = "LZ4", "fast_schema_evolution" = "true", "replicated_storage" = "true", "replication_num" = "1");
        """
        var options = PlanOptions()
        options.authorStyle = true
        options.placeholders = ["replication_num": "1"]
        options.placeholderKeys = ["replication_num": "replication_num"]
        let result = plan(expected: try catalog(server), actual: try catalog(""), options: options)
        let statement = try #require(result.steps.first?.statements.first)
        #expect(!statement.contains("BUCKETS") && !statement.contains("compression") && !statement.contains("replicated_storage"))
        #expect(statement.contains("${replication_num}"))
    }
}
