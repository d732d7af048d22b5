import SchemaDiff
import SchemaModel
import Testing

@Suite struct DiffOptionsTests {
    /// A table whose migrations leave replication_num unset, and the server's version of it.
    static let silent = "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);"
    static func server(replication: String) -> String {
        "CREATE TABLE `t` (`k` int(11) NULL) DUPLICATE KEY(`k`) DISTRIBUTED BY HASH(`k`) PROPERTIES (\"replication_num\" = \"\(replication)\");"
    }

    @Test func clusterDefaultReplicationIsInfoWhenNothingIsExpected() throws {
        let comparison = diff(expected: try Sample.load(Self.silent), actual: try Sample.load(Self.server(replication: "3")))
        #expect(comparison.findings.map(\.kind) == [.propertyDefaultUnknown])
        #expect(comparison.findings.allSatisfy { $0.severity == .info && $0.status == .operational })
    }

    @Test func environmentExpectationPinsSilentProperties() throws {
        let options = DiffOptions(expectedProperties: ["REPLICATION_NUM": "1"])
        let wrong = diff(expected: try Sample.load(Self.silent), actual: try Sample.load(Self.server(replication: "3")),
                         options: options)
        #expect(wrong.findings.map(\.kind) == [.property])
        #expect(wrong.findings.first?.object == "shop.t.properties.replication_num")
        #expect(wrong.findings.first?.fixSQL == "ALTER TABLE `shop`.`t` SET (\"replication_num\" = \"1\");")
        let right = diff(expected: try Sample.load(Self.silent), actual: try Sample.load(Self.server(replication: "1")),
                         options: options)
        #expect(right.findings.isEmpty)
    }

    @Test func ignoredPropertiesAreNotCompared() throws {
        let expected = try Sample.load("CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"replication_num\" = \"1\");")
        let actual = try Sample.load(Self.server(replication: "3"))
        #expect(diff(expected: expected, actual: actual).findings.count == 1)
        #expect(diff(expected: expected, actual: actual, options: DiffOptions(ignoredProperties: ["Replication_Num"]))
            .findings.isEmpty)
    }

    @Test func ignoredObjectsMatchGlobsOnQualifiedOrBareNames() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["tmp_load_1"] = Table(name: "tmp_load_1", columns: [Column(name: "k", type: .scalar(name: "int", arguments: []))])
        actual.databases["shop"]!.tables["orders"]!.comment = "changed"
        #expect(diff(expected: expected, actual: actual).findings.count == 2)
        let bare = diff(expected: expected, actual: actual, options: DiffOptions(ignoredObjects: ["tmp_*"]))
        #expect(bare.findings.map(\.object) == ["shop.orders"])
        let qualified = diff(expected: expected, actual: actual, options: DiffOptions(ignoredObjects: ["shop.tmp_load_?", "shop.ord*"]))
        #expect(qualified.findings.isEmpty)
    }

    @Test func onlyTheChosenDatabasesAreCompared() {
        var expected = Sample.catalog()
        expected.databases["other"] = Database(name: "other", tables: ["x": Sample.totals])
        let actual = Sample.catalog()
        #expect(diff(expected: expected, actual: actual).findings.map(\.kind) == [.missingDatabase, .missingTable])
        #expect(diff(expected: expected, actual: actual, options: DiffOptions(databases: ["shop"])).findings.isEmpty)
    }

    @Test func serverDatabasesTheMigrationsDoNotKnowAreLeftAlone() {
        var actual = Sample.catalog()
        actual.databases["_statistics_"] = Database(name: "_statistics_", tables: ["x": Sample.totals])
        #expect(diff(expected: Sample.catalog(), actual: actual).findings.isEmpty)
    }

    @Test func severityOverridesReplaceDefaults() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["orders"]!.comment = "changed"
        let comparison = diff(expected: expected, actual: actual, options: DiffOptions(severityOverrides: [.tableComment: .info]))
        #expect(comparison.findings.map(\.severity) == [.info])
    }
}

@Suite struct NotComparedTests {
    @Test func aModelThatDoesNotRoundTripIsNotCompared() {
        let expected = Sample.catalog()
        var actual = expected
        // An upper-case type name never comes out of lowering, so printing and parsing it back changes the model.
        actual.databases["shop"]!.tables["orders"]!.columns[0].type = .scalar(name: "BIGINT", arguments: [])
        let comparison = diff(expected: expected, actual: actual)
        #expect(comparison.notCompared.map(\.object) == ["shop.orders"])
        #expect(comparison.notCompared.first?.reason.contains("round trip") == true)
        #expect(comparison.findings.isEmpty)
        let unchecked = diff(expected: expected, actual: actual, options: DiffOptions(checkRoundTrip: false))
        #expect(unchecked.notCompared.isEmpty)
    }

    @Test func anExpandedSelectStarIsNotComparedButListed() throws {
        let expected = try Sample.load("CREATE VIEW v AS SELECT * FROM t;")
        let actual = try Sample.load("CREATE VIEW `v` (`k`, `v`) AS SELECT `shop`.`t`.`k`, `shop`.`t`.`v` FROM `shop`.`t`;")
        let comparison = diff(expected: expected, actual: actual)
        #expect(comparison.findings.isEmpty)
        #expect(comparison.notCompared.map(\.object) == ["shop.v.query"])
    }

    @Test func tableColumnsOfCTASAreListedAsNotCompared() throws {
        let expected = try Sample.load("CREATE TABLE src (k BIGINT); CREATE TABLE t PRIMARY KEY(k) DISTRIBUTED BY HASH(k) AS SELECT * FROM src;")
        let actual = try Sample.load("""
            CREATE TABLE src (k BIGINT);
            CREATE TABLE `t` (`k` bigint(20) NOT NULL COMMENT "") PRIMARY KEY(`k`) DISTRIBUTED BY HASH(`k`);
            """)
        let comparison = diff(expected: expected, actual: actual)
        #expect(comparison.findings.isEmpty)
        #expect(comparison.notCompared.map(\.object) == ["shop.t.columns"])
    }
}

@Suite struct FixSQLTests {
    @Test func missingTableIsCreatedQualified() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["totals"] = nil
        let finding = diff(expected: expected, actual: actual).findings.first
        #expect(finding?.fixSQL?.hasPrefix("CREATE TABLE `shop`.`totals` (") == true)
    }

    @Test func missingColumnIsAddedInPlace() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["orders"]!.columns.remove(at: 2)
        let finding = diff(expected: expected, actual: actual).findings.first { $0.kind == .missingColumn }
        #expect(finding?.fixSQL == "ALTER TABLE `shop`.`orders` ADD COLUMN `customer` varchar(64) COMMENT \"who\" AFTER `order_date`;")
    }

    @Test func typeChangeIsAModifyColumn() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["orders"]!.columns[2].type = .scalar(name: "varchar", arguments: [10])
        let finding = diff(expected: expected, actual: actual).findings.first
        #expect(finding?.fixSQL == "ALTER TABLE `shop`.`orders` MODIFY COLUMN `customer` varchar(64) COMMENT \"who\";")
        #expect(finding?.expected == "varchar(64)")
        #expect(finding?.actual == "varchar(10)")
    }

    @Test func keyModelHasOnlyANote() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["orders"]!.key!.model = .primary
        let finding = diff(expected: expected, actual: actual).findings.first { $0.kind == .keyModel }
        #expect(finding?.fixSQL == nil)
        #expect(finding?.fixNote?.contains("cannot be changed in place") == true)
    }

    @Test func missingPartitionIsAdded() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["orders"]!.partitioning = .range(RangePartitioning(
            expressions: ["order_date"], batches: [RangeBatch(start: "2026-01-02", end: "2026-01-04", every: 1, unit: "DAY")]))
        let findings = diff(expected: expected, actual: actual).findings
        #expect(findings.map(\.object) == ["shop.orders.partitions.p20260101"])
        #expect(findings.first?.fixSQL == "ALTER TABLE `shop`.`orders` ADD PARTITION `p20260101` VALUES [(\"2026-01-01\"), (\"2026-01-02\"));")
    }

    @Test func findingsAreSortedByObjectThenKind() {
        let expected = Sample.catalog()
        var actual = expected
        actual.databases["shop"]!.tables["orders"]!.columns[2].comment = "x"
        actual.databases["shop"]!.tables["orders"]!.columns[2].type = .scalar(name: "varchar", arguments: [1])
        actual.databases["shop"]!.tables["orders"]!.comment = "x"
        actual.databases["shop"]!.tables["totals"]!.comment = "x"
        let findings = diff(expected: expected, actual: actual).findings
        #expect(findings.map { "\($0.kind.rawValue)@\($0.object)" } == [
            "table_comment@shop.orders", "column_type@shop.orders.customer", "column_comment@shop.orders.customer",
            "table_comment@shop.totals",
        ])
    }
}
