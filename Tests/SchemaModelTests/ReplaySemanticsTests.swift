import Testing
@testable import SchemaModel

/// Table-driven replay semantics: each row runs setup DDL plus one change and states the resulting layout.
@Suite struct ReplaySemanticsTests {
    static let duplicate = "CREATE TABLE t (k1 INT, k2 INT, v1 INT, v2 INT) DUPLICATE KEY(k1, k2) DISTRIBUTED BY HASH(k1);"
    static let aggregate = "CREATE TABLE t (k1 INT NOT NULL, k2 INT NOT NULL, v1 BIGINT SUM, v2 BIGINT REPLACE) "
        + "AGGREGATE KEY(k1, k2) DISTRIBUTED BY HASH(k1);"
    static let primary = "CREATE TABLE t (k1 INT NOT NULL, v1 INT, v2 INT) PRIMARY KEY(k1) DISTRIBUTED BY HASH(k1);"
    static let generated = "CREATE TABLE t (k1 INT NOT NULL, v1 INT, g BIGINT AS v1 + 1) PRIMARY KEY(k1) "
        + "DISTRIBUTED BY HASH(k1);"
    static let unique = "CREATE TABLE t (k1 INT NOT NULL, v1 INT, v2 INT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1);"

    /// `columns | KEY(k...) | ORDER(c...)` for a compact, readable expectation.
    static func layout(_ table: Table) -> String {
        let key = table.key.map { "\($0.model.rawValue)(\($0.columns.joined(separator: ",")))" } ?? "-"
        let order = table.orderBy.map { "ORDER(\($0.joined(separator: ",")))" } ?? "-"
        return "\(table.columns.map(\.name).joined(separator: ",")) | \(key) | \(order)"
    }

    static func replay(_ sql: String) throws -> Catalog {
        try Catalog.load(sql: sql, file: "test.sql", defaultDatabase: "db")
    }

    static func table(_ sql: String, _ name: String = "t") throws -> Table {
        let catalog = try replay(sql)
        return try #require(catalog.databases["db"]?.tables[name], "no table \(name)")
    }

    @Test(arguments: [
        (duplicate, "ALTER TABLE t ADD COLUMN c INT", "k1,k2,v1,v2,c | DUPLICATE(k1,k2) | -"),
        (duplicate, "ALTER TABLE t ADD COLUMN c INT KEY", "k1,k2,c,v1,v2 | DUPLICATE(k1,k2,c) | -"),
        (duplicate, "ALTER TABLE t ADD COLUMN c INT AFTER k1", "k1,c,k2,v1,v2 | DUPLICATE(k1,k2) | -"),
        (duplicate, "ALTER TABLE t ADD COLUMN c INT FIRST", "c,k1,k2,v1,v2 | DUPLICATE(k1,k2) | -"),
        (duplicate, "ALTER TABLE t ADD COLUMN (c1 INT, c2 INT)", "k1,k2,v1,v2,c1,c2 | DUPLICATE(k1,k2) | -"),
        (duplicate, "ALTER TABLE t ADD COLUMN c1 INT, ADD COLUMN c2 INT AFTER v1",
         "k1,k2,v1,c2,v2,c1 | DUPLICATE(k1,k2) | -"),
        (aggregate, "ALTER TABLE t ADD COLUMN c INT", "k1,k2,c,v1,v2 | AGGREGATE(k1,k2,c) | -"),
        (aggregate, "ALTER TABLE t ADD COLUMN c BIGINT MAX", "k1,k2,v1,v2,c | AGGREGATE(k1,k2) | -"),
        (primary, "ALTER TABLE t ADD COLUMN c INT", "k1,v1,v2,c | PRIMARY(k1) | -"),
        (generated, "ALTER TABLE t ADD COLUMN c INT", "k1,v1,c,g | PRIMARY(k1) | -"),
        (generated, "ALTER TABLE t ADD COLUMN (c1 INT, c2 INT)", "k1,v1,c1,c2,g | PRIMARY(k1) | -"),
        (generated, "ALTER TABLE t ADD COLUMN g2 BIGINT AS v1 * 2", "k1,v1,g,g2 | PRIMARY(k1) | -"),
        (generated, "ALTER TABLE t ADD COLUMN c INT AFTER k1", "k1,c,v1,g | PRIMARY(k1) | -"),
        (unique, "ALTER TABLE t ADD COLUMN c BIGINT REPLACE", "k1,v1,v2,c | UNIQUE(k1) | -"),
        (duplicate, "ALTER TABLE t DROP COLUMN v1", "k1,k2,v2 | DUPLICATE(k1,k2) | -"),
        (duplicate, "ALTER TABLE t DROP COLUMN k2", "k1,v1,v2 | DUPLICATE(k1) | -"),
        (duplicate, "ALTER TABLE t MODIFY COLUMN v2 BIGINT AFTER k2", "k1,k2,v2,v1 | DUPLICATE(k1,k2) | -"),
        (duplicate, "ALTER TABLE t MODIFY COLUMN v2 BIGINT FIRST", "v2,k1,k2,v1 | DUPLICATE(k1,k2) | -"),
        (duplicate, "ALTER TABLE t RENAME COLUMN k1 TO id", "id,k2,v1,v2 | DUPLICATE(id,k2) | -"),
        (duplicate, "ALTER TABLE t ORDER BY (v2, v1, k2, k1)", "v2,v1,k2,k1 | DUPLICATE(k2,k1) | -"),
        (duplicate, "ALTER TABLE t ORDER BY (k2, v1)", "k1,k2,v1,v2 | DUPLICATE(k1,k2) | ORDER(k2,v1)"),
        (aggregate, "ALTER TABLE t ORDER BY (k2, k1)", "k1,k2,v1,v2 | AGGREGATE(k1,k2) | ORDER(k2,k1)"),
        (aggregate, "ALTER TABLE t ORDER BY (k2, k1, v2, v1)", "k2,k1,v2,v1 | AGGREGATE(k2,k1) | -"),
        (primary, "ALTER TABLE t ORDER BY (v2, v1, k1)", "k1,v1,v2 | PRIMARY(k1) | ORDER(v2,v1,k1)"),
        (unique, "ALTER TABLE t ORDER BY (k1)", "k1,v1,v2 | UNIQUE(k1) | ORDER(k1)"),
    ])
    func columnLayout(setup: String, change: String, expected: String) throws {
        #expect(Self.layout(try Self.table(setup + "\n" + change + ";")) == expected)
    }

    @Test func renameColumnFollowsEveryReference() throws {
        let table = try Self.table("""
            CREATE TABLE t (dt DATE, k INT, g DATE AS date_trunc('day', dt), INDEX i (k) USING BITMAP)
            DUPLICATE KEY(dt, k) PARTITION BY RANGE(dt) (PARTITION p1 VALUES LESS THAN ("2024-01-01"))
            DISTRIBUTED BY HASH(k) ORDER BY (k, dt);
            ALTER TABLE t RENAME COLUMN dt TO day;
            ALTER TABLE t RENAME COLUMN k TO id;
            """)
        #expect(table.key?.columns == ["day", "id"])
        #expect(table.distribution?.method == .hash(columns: ["id"]))
        #expect(table.orderBy == ["id", "day"])
        #expect(table.indexes.first?.columns == ["id"])
        #expect(table.columns[2].generatedExpression == "date_trunc('day', day)")
        guard case .range(let range)? = table.partitioning else { Issue.record("not range"); return }
        #expect(range.expressions == ["day"])
    }

    @Test func renameColumnInsidePartitionExpression() throws {
        let table = try Self.table("""
            CREATE TABLE t (ts DATETIME, v INT) PARTITION BY date_trunc('day', ts), v;
            ALTER TABLE t RENAME COLUMN ts TO event_ts;
            """)
        #expect(table.partitioning == .expression(["date_trunc('day', event_ts)", "v"]))
    }

    @Test(arguments: [
        ("date_trunc('day', dt)", "date_trunc('day', day)"),
        ("`t`.`dt` + 1", "`t`.`day` + 1"),
        ("dt.x + dt", "dt.x + day"),
        ("dt(1) || 'dt' || \"dt\"", "dt(1) || 'dt' || \"dt\""),
        ("DT", "day"),
    ])
    func renamingInsideExpressions(expression: String, expected: String) {
        #expect(ExpressionText.renamingIdentifier(in: expression, from: "dt", to: "day") == expected)
    }

    @Test func modifyColumnReplacesTheDefinitionAndKeepsKeyMembership() throws {
        let table = try Self.table(Self.aggregate + """

            ALTER TABLE t MODIFY COLUMN k2 BIGINT KEY;
            ALTER TABLE t MODIFY COLUMN v1 LARGEINT;
            ALTER TABLE t MODIFY COLUMN v2 COMMENT 'latest';
            """)
        let k2 = try #require(table.column(named: "k2"))
        #expect(k2.type == .scalar(name: "bigint", arguments: []))
        #expect(k2.nullable == nil, "MODIFY without NOT NULL records no nullability (the server makes it NULL)")
        #expect(table.key?.columns == ["k1", "k2"])
        #expect(table.column(named: "v1")?.aggregate == .sum, "an AGGREGATE value column keeps its function")
        #expect(table.column(named: "v1")?.type == .scalar(name: "largeint", arguments: []))
        #expect(table.column(named: "v2")?.comment == "latest")
        #expect(table.column(named: "v2")?.type == .scalar(name: "bigint", arguments: []))
    }

    @Test func tableLevelClauses() throws {
        let table = try Self.table("""
            CREATE TABLE t (k INT, v INT) DUPLICATE KEY(k) COMMENT "one" DISTRIBUTED BY HASH(k) BUCKETS 10
            PROPERTIES ("replication_num" = "3", "compression" = "LZ4");
            ALTER TABLE t COMMENT = "two";
            ALTER TABLE t SET ("replication_num" = "1", "bucket_size" = "1024");
            ALTER TABLE t DISTRIBUTED BY HASH(k, v);
            ALTER TABLE t PARTITIONS (p1) DISTRIBUTED BY HASH(k) BUCKETS 4;
            """)
        #expect(table.comment == "two")
        #expect(table.properties == ["replication_num": "1", "compression": "LZ4", "bucket_size": "1024"])
        #expect(table.distribution == Distribution(method: .hash(columns: ["k", "v"])))
    }

    @Test func rangePartitionsAreAddedAndDroppedAsWritten() throws {
        let table = try Self.table("""
            CREATE TABLE t (k INT, d DATE) PARTITION BY RANGE(d) (
              PARTITION p1 VALUES LESS THAN ("2024-01-01"),
              START ("2024-01-01") END ("2024-01-04") EVERY (INTERVAL 1 DAY)
            ) DISTRIBUTED BY RANDOM;
            ALTER TABLE t ADD PARTITION p9 VALUES [("2025-01-01"), ("2025-02-01"));
            ALTER TABLE t ADD PARTITION p10 VALUES LESS THAN MAXVALUE;
            ALTER TABLE t ADD PARTITIONS START ("2024-02-01") END ("2024-03-01") EVERY (INTERVAL 1 MONTH);
            ALTER TABLE t DROP PARTITION p1;
            ALTER TABLE t DROP PARTITION p20240102;
            ALTER TABLE t ADD TEMPORARY PARTITION tp1 VALUES LESS THAN ("2030-01-01");
            """)
        guard case .range(let range)? = table.partitioning else { Issue.record("not range"); return }
        #expect(range.partitions == [
            RangePartition(name: "p9", lower: ["2025-01-01"], upper: ["2025-02-01"]),
            RangePartition(name: "p10", lower: nil, upper: nil),
        ])
        #expect(range.batches == [
            RangeBatch(start: "2024-01-01", end: "2024-01-04", every: 1, unit: "DAY"),
            RangeBatch(start: "2024-02-01", end: "2024-03-01", every: 1, unit: "MONTH"),
        ])
        #expect(range.droppedFromBatches == ["p20240102"])
        #expect(roundTrips(table))
    }

    @Test func listPartitionsAreAddedAndDropped() throws {
        let table = try Self.table("""
            CREATE TABLE t (k INT, city VARCHAR(10)) PARTITION BY LIST(city) (PARTITION p1 VALUES IN ('a', 'b'))
            DISTRIBUTED BY HASH(k);
            ALTER TABLE t ADD PARTITION p2 VALUES IN ('c');
            ALTER TABLE t DROP PARTITION p1;
            ALTER TABLE t DROP PARTITION IF EXISTS p_missing;
            """)
        #expect(table.partitioning == .list(ListPartitioning(columns: ["city"],
                                                              partitions: [ListPartition(name: "p2", values: [["c"]])])))
    }

    @Test func partitionChangesOnExpressionPartitionedTablesChangeNothingPrinted() throws {
        let table = try Self.table("""
            CREATE TABLE t (k INT, city VARCHAR(10)) PARTITION BY (city) DISTRIBUTED BY HASH(k);
            ALTER TABLE t ADD PARTITION p1 VALUES IN ('a');
            ALTER TABLE t DROP PARTITION p1;
            """)
        #expect(table.partitioning == .expression(["city"]))
    }

    @Test func partitionChangesOnUnpartitionedTablesAreRejected() throws {
        #expect(throws: ReplayError.self) {
            _ = try Self.replay(Self.duplicate + "\nALTER TABLE t ADD PARTITION p1 VALUES LESS THAN (\"1\");")
        }
    }

    @Test func indexesByAlterAndByCreateIndex() throws {
        let table = try Self.table("""
            CREATE TABLE t (k INT, v VARCHAR(10), w VARCHAR(10)) DUPLICATE KEY(k);
            ALTER TABLE t ADD INDEX i1 (v) USING BITMAP COMMENT 'v';
            CREATE INDEX i2 ON t (w) USING BITMAP;
            ALTER TABLE t DROP INDEX i1;
            """)
        #expect(table.indexes == [TableIndex(name: "i2", columns: ["w"])])
    }

    @Test func renameAndSwapMoveNames() throws {
        let catalog = try Self.replay("""
            CREATE TABLE a (k INT) DUPLICATE KEY(k);
            CREATE TABLE b (k INT, v INT) DUPLICATE KEY(k);
            ALTER TABLE a SWAP WITH b;
            ALTER TABLE b RENAME c;
            """)
        let database = try #require(catalog.databases["db"])
        #expect(database.tables.keys.sorted() == ["a", "c"])
        #expect(database.tables["a"]?.columns.count == 2)
        #expect(database.tables["c"]?.columns.count == 1)
        #expect(database.tables["c"]?.name == "c")
    }

    @Test func createForms() throws {
        let catalog = try Self.replay("""
            CREATE TABLE src (k INT, v INT) DUPLICATE KEY(k) PROPERTIES ("replication_num" = "1");
            CREATE TABLE IF NOT EXISTS src (other INT);
            CREATE TABLE copy LIKE src;
            CREATE TABLE ctas PRIMARY KEY(k) AS SELECT k, v FROM src;
            CREATE DATABASE IF NOT EXISTS other;
            USE other;
            CREATE TABLE t2 (x INT);
            DROP TABLE IF EXISTS nothing_here;
            """)
        let db = try #require(catalog.databases["db"])
        #expect(db.tables["src"]?.columns.map(\.name) == ["k", "v"], "IF NOT EXISTS keeps the first definition")
        var copy = try #require(db.tables["copy"])
        copy.name = "src"
        #expect(copy == db.tables["src"], "LIKE copies the source")
        let ctas = try #require(db.tables["ctas"])
        #expect(ctas.definedByQuery != nil && ctas.columns.isEmpty, "CTAS records the query; columns unknown")
        #expect(ctas.key == TableKey(model: .primary, columns: ["k"]))
        #expect(catalog.databases["other"]?.tables["t2"] != nil, "USE switches the default database")
    }

    @Test func ctasTableAcceptsColumnChangesItCannotCheck() throws {
        let table = try Self.table("""
            CREATE TABLE t AS SELECT 1 AS a;
            ALTER TABLE t ADD COLUMN b INT AFTER a;
            ALTER TABLE t DROP COLUMN a;
            """)
        #expect(table.columns.map(\.name) == ["b"])
        #expect(table.definedByQuery != nil)
        #expect(roundTrips(table), "a CTAS table with later columns prints as CTAS with a column list")
    }

    @Test func viewsAndMaterializedViews() throws {
        let catalog = try Self.replay("""
            CREATE TABLE t (k INT, v INT) DUPLICATE KEY(k);
            CREATE VIEW v1 COMMENT 'c' AS SELECT k FROM t;
            ALTER VIEW v1 (kk COMMENT 'key') AS SELECT k FROM t WHERE v > 0;
            CREATE OR REPLACE VIEW v2 AS SELECT 1;
            CREATE OR REPLACE VIEW v2 AS SELECT 2;
            CREATE MATERIALIZED VIEW mv REFRESH DEFERRED ASYNC PROPERTIES ("a" = "1") AS SELECT k FROM t;
            ALTER MATERIALIZED VIEW mv SET ("b" = "2");
            ALTER MATERIALIZED VIEW mv REFRESH MANUAL;
            ALTER MATERIALIZED VIEW mv INACTIVE;
            ALTER MATERIALIZED VIEW mv RENAME mv2;
            DROP VIEW IF EXISTS v_missing;
            """)
        let db = try #require(catalog.databases["db"])
        let v1 = try #require(db.views["v1"])
        #expect(v1.columns == [ViewColumn(name: "kk", comment: "key")])
        #expect(v1.comment == "c")
        #expect(v1.query.tokens.last?.text == "0")
        #expect(db.views["v2"]?.query.tokens.last?.text == "2")
        #expect(db.materializedViews["mv"] == nil)
        let mv = try #require(db.materializedViews["mv2"])
        #expect(mv.properties == ["a": "1", "b": "2"])
        #expect(mv.refresh == Refresh(moment: .deferred, kind: .manual))
    }

    @Test func multiClauseAlterIsAllOrNothing() throws {
        var catalog = try Self.replay(Self.duplicate)
        let before = catalog
        #expect(throws: ReplayError.self) {
            try catalog.apply(sql: "ALTER TABLE t ADD COLUMN c INT, DROP COLUMN nope;", file: "m.sql",
                              defaultDatabase: "db")
        }
        #expect(catalog == before)
    }

    @Test func failedRenameLeavesTheTableUnchanged() throws {
        var catalog = try Self.replay(Self.duplicate + "\nCREATE TABLE u (k INT) DUPLICATE KEY(k);")
        let before = catalog
        #expect(throws: ReplayError.self) {
            try catalog.apply(sql: "ALTER TABLE t ADD COLUMN c INT, RENAME u;", file: "m.sql", defaultDatabase: "db")
        }
        #expect(catalog == before)
    }

    @Test func noSchemaEffectStatementsAreReturned() throws {
        var catalog = Catalog()
        let skipped = try catalog.apply(sql: """
            CREATE TABLE t (k INT) DUPLICATE KEY(k);
            INSERT INTO t VALUES (1);
            SET GLOBAL x = 1;
            """, file: "m.sql", defaultDatabase: "db")
        #expect(skipped.count == 2)
        #expect(skipped.first?.location.line == 2)
        #expect(catalog.databases["db"]?.tables["t"] != nil)
    }
}
