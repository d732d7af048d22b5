import SchemaModel
import Testing

/// The named rules one by one, on the raw spellings they exist for.
@Suite struct NormalizeRuleTests {
    @Test(arguments: [
        (ColumnType.scalar(name: "int", arguments: [11]), ColumnType.scalar(name: "integer", arguments: [])),
        (.scalar(name: "bigint", arguments: [20]), .scalar(name: "bigint", arguments: [])),
        (.scalar(name: "varchar", arguments: [65533]), .scalar(name: "string", arguments: [])),
        (.scalar(name: "decimal", arguments: [10, 0]), .scalar(name: "decimal", arguments: [])),
        (.scalar(name: "decimal64", arguments: [10, 2]), .scalar(name: "decimal", arguments: [10, 2])),
        (.scalar(name: "decimal128", arguments: [27, 9]), .scalar(name: "decimalv3", arguments: [27, 9])),
        (.array(.scalar(name: "int", arguments: [11])), .array(.scalar(name: "int", arguments: []))),
        (.scalar(name: "boolean", arguments: []), .scalar(name: "bool", arguments: [])),
        (.scalar(name: "varchar", arguments: [1]), .scalar(name: "varchar", arguments: [])),
        (.scalar(name: "char", arguments: [1]), .scalar(name: "char", arguments: [])),
        (.scalar(name: "varchar", arguments: [65533]), .scalar(name: "text", arguments: [])),
    ])
    func typeSpellingsFold(_ server: ColumnType, _ written: ColumnType) {
        #expect(Normalize.type(server) == Normalize.type(written))
    }

    @Test func differentTypesStayDifferent() {
        #expect(Normalize.type(.scalar(name: "varchar", arguments: [10])) != Normalize.type(.scalar(name: "varchar", arguments: [11])))
        #expect(Normalize.type(.scalar(name: "decimal64", arguments: [10, 2])) != Normalize.type(.scalar(name: "decimal", arguments: [10, 3])))
        #expect(Normalize.type(.scalar(name: "int", arguments: [11])) != Normalize.type(.scalar(name: "bigint", arguments: [20])))
        #expect(Normalize.type(.scalar(name: "varchar", arguments: [])) != Normalize.type(.scalar(name: "string", arguments: [])),
                "a bare VARCHAR is varchar(1), not STRING")
    }

    @Test func batchNamesPerUnit() {
        func names(_ start: String, _ end: String, _ every: Int, _ unit: String?) -> [String] {
            Normalize.expandBatch(RangeBatch(start: start, end: end, every: every, unit: unit)).map(\.name)
        }
        #expect(names("2026-01-30", "2026-02-02", 1, "DAY") == ["p20260130", "p20260131", "p20260201"])
        #expect(names("2024-02-28", "2024-03-01", 1, "day") == ["p20240228", "p20240229"])
        #expect(names("2026-01-01", "2026-04-01", 1, "MONTH") == ["p202601", "p202602", "p202603"])
        #expect(names("2026-01-01", "2028-01-01", 1, "YEAR") == ["p2026", "p2027"])
        #expect(names("2026-01-01 22:00:00", "2026-01-02 01:00:00", 1, "HOUR") == ["p2026010122", "p2026010123", "p2026010200"])
        #expect(names("2026-01-05", "2026-01-19", 1, "WEEK") == ["p2026_02", "p2026_03"])
        #expect(names("0", "30", 10, nil) == ["p0", "p10", "p20"])
    }

    @Test func lastBatchPartitionStopsAtEnd() {
        let partitions = Normalize.expandBatch(RangeBatch(start: "2026-01-01", end: "2026-01-10", every: 7, unit: "DAY"))
        #expect(partitions.map(\.upper) == [["2026-01-08 00:00:00"], ["2026-01-10 00:00:00"]])
    }

    @Test func boundValuesFoldDateAndDateTime() {
        #expect(Normalize.boundValue("2026-01-01") == Normalize.boundValue("2026-01-01 00:00:00"))
        #expect(Normalize.boundValue("2026-01-01") != Normalize.boundValue("2026-01-01 01:00:00"))
        #expect(Normalize.boundValue(" 42 ") == "42")
        #expect(Normalize.boundValue("maxvalue") == "MAXVALUE")
    }

    @Test func expressionsFoldQuotesBackticksCaseAndParentheses() {
        #expect(Normalize.expression("date_trunc(\"month\", k1)") == Normalize.expression("(date_trunc('month', `k1`))"))
        #expect(Normalize.expression("CAST(substr(`bill`, 3, 11) AS BIGINT)") == Normalize.expression("cast(substr(bill, 3, 11) as bigint)"))
        #expect(Normalize.expression("date_trunc('day', `t`.`k1`)") == Normalize.expression("date_trunc('day', k1)"))
        #expect(Normalize.expression("date_trunc('day', k1)") != Normalize.expression("date_trunc('month', k1)"))
        #expect(Normalize.expression("K1") == "k1")
    }

    @Test func queriesFoldServerRewrites() {
        let written = Sample.query("select t0.k1, sum(t0.v) from t_hash t0 join t1 on t0.k1 = t1.k1 group by t0.k1")
        let server = Sample.query("SELECT `t0`.`k1`, sum(`t0`.`v`) AS `sum(v)`\nFROM `db`.`t_hash` AS `t0` INNER JOIN `db`.`t1` ON `t0`.`k1` = `t1`.`k1`\nGROUP BY `t0`.`k1`")
        #expect(Normalize.compareQueries(expected: written, actual: server, database: "db") == .same)
        let changed = Sample.query("select t0.k1, sum(t0.v) from t_hash t0 left join t1 on t0.k1 = t1.k1 group by t0.k1")
        guard case .different = Normalize.compareQueries(expected: changed, actual: server, database: "db") else {
            Issue.record("a LEFT JOIN must not equal an INNER JOIN")
            return
        }
    }

    @Test func userAliasesAreKept() {
        let written = Sample.query("select k1 as c1 from t")
        let server = Sample.query("SELECT `t`.`k1` AS `c1` FROM `db`.`t`")
        let other = Sample.query("SELECT `t`.`k1` AS `c2` FROM `db`.`t`")
        #expect(Normalize.compareQueries(expected: written, actual: server, database: "db") == .same)
        #expect(Normalize.compareQueries(expected: written, actual: other, database: "db") != .same)
    }

    @Test func inferredKeys() {
        func key(_ types: [ColumnType]) -> [String]? {
            Normalize.inferredDuplicateKey(types.enumerated().map { Column(name: "c\($0.offset)", type: $0.element) })?.columns
        }
        #expect(key([.scalar(name: "int", arguments: [])]) == ["c0"])
        #expect(key([.scalar(name: "date", arguments: []), .scalar(name: "datetime", arguments: []),
                     .scalar(name: "int", arguments: []), .scalar(name: "int", arguments: [])]) == ["c0", "c1", "c2"])
        #expect(key([.scalar(name: "varchar", arguments: [10]), .scalar(name: "int", arguments: [])]) == ["c0"])
        #expect(key([.scalar(name: "char", arguments: [40]), .scalar(name: "int", arguments: [])]) == ["c0"])
        #expect(key([.scalar(name: "int", arguments: []), .scalar(name: "double", arguments: [])]) == ["c0"])
        #expect(key([.scalar(name: "json", arguments: [])]) == nil)
    }

    @Test func constraintProperties() {
        #expect(Normalize.propertyValue("default_catalog.db.s1_new.k1", key: "unique_constraints")
                == Normalize.propertyValue("s1.k1", key: "unique_constraints"))
        #expect(Normalize.propertyValue("(k1) REFERENCES default_catalog.db.s1(k1)", key: "foreign_key_constraints")
                == Normalize.propertyValue("s3(k1) REFERENCES s1(k1)", key: "foreign_key_constraints"))
        #expect(Normalize.propertyValue("(k1) REFERENCES s2(k1)", key: "foreign_key_constraints")
                != Normalize.propertyValue("s3(k1) REFERENCES s1(k1)", key: "foreign_key_constraints"))
        #expect(Normalize.propertyValue("b,  a", key: "bloom_filter_columns") == "a, b")
        #expect(Normalize.propertyValue("lz4", key: "compression") == "LZ4")
        #expect(Normalize.propertyValue("TRUE", key: "replicated_storage") == "true")
    }

    @Test func serverDefaultsDependOnKeyModel() {
        #expect(Normalize.isPropertyDefault("enable_persistent_index", value: "true", on: .table, model: .primary) == .isDefault)
        #expect(Normalize.isPropertyDefault("enable_persistent_index", value: "true", on: .table, model: .duplicate) == .notDefault)
        #expect(Normalize.isPropertyDefault("storage_medium", value: "HDD", on: .materializedView, model: nil) == .isDefault)
        #expect(Normalize.isPropertyDefault("storage_medium", value: "SSD", on: .materializedView, model: nil) == .notDefault)
        #expect(Normalize.isPropertyDefault("replication_num", value: "7", on: .table, model: .duplicate) != .isDefault)
        #expect(Normalize.isPropertyDefault("replication_num", value: "3", on: .table, model: nil) != .isDefault)
        #expect(Normalize.isPropertyDefault("colocate_with", value: "g1", on: .table, model: .duplicate) == .notDefault)
    }

    @Test func refreshDefaults() {
        #expect(Normalize.refresh(nil) == Normalize.refresh(Refresh(kind: .manual)))
        #expect(Normalize.refresh(Refresh(moment: .immediate, kind: .async)) == Normalize.refresh(Refresh(kind: .async)))
        #expect(Normalize.refresh(Refresh(moment: .deferred, kind: .async)) != Normalize.refresh(Refresh(kind: .async)))
    }
}
