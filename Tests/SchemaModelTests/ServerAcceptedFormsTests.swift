import StarRocksDDL
import Testing
@testable import SchemaModel

/// Forms StarRocks accepts (or prints) that once failed to load: each test names the grammar rule or printer
/// behaviour it follows, so the class of statement is covered rather than one corpus file.
@Suite struct ServerAcceptedFormsTests {
    static func table(_ sql: String, _ name: String = "t") throws -> Table {
        let catalog = try Catalog.load(sql: sql, file: "test.sql", defaultDatabase: "db")
        return try #require(catalog.databases["db"]?.tables[name], "no table \(name)")
    }

    // MODIFY COLUMN on a PRIMARY KEY key column: StarRocks takes a definition that only changes the comment.

    @Test(arguments: [
        "ALTER TABLE t MODIFY COLUMN k INT COMMENT 'key'",
        "ALTER TABLE t MODIFY COLUMN k int(11) NOT NULL COMMENT 'key'",
        "ALTER TABLE t MODIFY COLUMN k INTEGER COMMENT 'key'",
    ])
    func primaryKeyColumnCommentChangeIsAccepted(change: String) throws {
        let table = try Self.table("CREATE TABLE t (k INT NOT NULL, v INT) PRIMARY KEY(k);\n\(change);")
        let k = try #require(table.column(named: "k"))
        #expect(k.comment == "key")
        #expect(k.nullable == false, "a PRIMARY KEY column stays NOT NULL")
        #expect(table.key?.columns == ["k"])
    }

    @Test(arguments: [
        "ALTER TABLE t MODIFY COLUMN k BIGINT COMMENT 'key'",
        "ALTER TABLE t MODIFY COLUMN k INT NULL COMMENT 'key'",
        "ALTER TABLE t MODIFY COLUMN k INT DEFAULT '1' COMMENT 'key'",
    ])
    func primaryKeyColumnRealChangeIsRefused(change: String) {
        #expect(throws: (any Error).self) {
            _ = try Self.table("CREATE TABLE t (k INT NOT NULL, v INT) PRIMARY KEY(k);\n\(change);")
        }
    }

    // Expression partitioning with an initial partition list (grammar: PARTITION BY functionCall '(' ... ')').

    @Test(arguments: [
        ("PARTITION BY date_trunc('day', dt) (START (\"2022-06-01\") END (\"2022-06-05\") EVERY (INTERVAL 1 day))",
         "date_trunc('day', dt)"),
        ("PARTITION BY time_slice(dt, INTERVAL 7 day) (PARTITION p1 VALUES LESS THAN (\"2024-01-01\"))",
         "time_slice(dt, INTERVAL 7 day)"),
        ("PARTITION BY date_trunc('month', dt)()", "date_trunc('month', dt)"),
        ("PARTITION BY date_trunc('month', dt)", "date_trunc('month', dt)"),
    ])
    func expressionPartitioningKeepsOnlyTheExpression(clause: String, expression: String) throws {
        let sql = "CREATE TABLE t (dt DATETIME NOT NULL, v INT) DUPLICATE KEY(dt) \(clause) DISTRIBUTED BY HASH(dt);"
        let table = try Self.table(sql)
        guard case .expression(let expressions)? = table.partitioning else {
            Issue.record("not expression partitioning: \(String(describing: table.partitioning))")
            return
        }
        #expect(expressions.count == 1)
        #expect(expressions.first.map { $0.replacingOccurrences(of: " ", with: "").lowercased() }
            == expression.replacingOccurrences(of: " ", with: "").lowercased())
        // The printer writes the initial list back and parses to the same statement (fixed point).
        let statements = try DDLParser.parse(sql, file: "t.sql")
        let printed = statements.map { SyntaxPrinter.print($0.statement) }.joined(separator: "\n")
        let reparsed = try DDLParser.parse(printed, file: "printed.sql")
        #expect(reparsed.map(\.statement) == statements.map(\.statement))
    }

    @Test func columnListPartitioningTakesInitialListPartitions() throws {
        let table = try Self.table("""
            CREATE TABLE t (city VARCHAR(20) NOT NULL, dt DATE NOT NULL, v INT) DUPLICATE KEY(city, dt)
            PARTITION BY (city, dt) (PARTITION p1 VALUES IN (("a", "2024-01-01")))
            DISTRIBUTED BY HASH(city);
            """)
        guard case .expression(let expressions)? = table.partitioning else {
            Issue.record("not expression partitioning")
            return
        }
        #expect(expressions == ["city", "dt"])
    }

    // MV column lists printed with derived expression names (3.x printer, unquoted).

    @Test func materializedViewColumnListWithExpressionNames() throws {
        let statements = try DDLParser.parse("""
            CREATE MATERIALIZED VIEW `mv2` (k1, count(v1), count(DISTINCT v2))
            DISTRIBUTED BY RANDOM
            REFRESH ASYNC
            AS SELECT k1, count(v1), count(DISTINCT v2) FROM t GROUP BY k1;
            """, file: "mv.sql")
        guard case .createMaterializedView(let view)? = statements.first?.statement else {
            Issue.record("not a CREATE MATERIALIZED VIEW")
            return
        }
        #expect(view.columns.map(\.name) == ["k1", "count(v1)", "count(DISTINCT v2)"])
    }
}

/// A history that creates the databases the environment names (`CREATE DATABASE x; USE x; ...`).
@Suite struct HistoryCreatesItsDatabaseTests {
    @Test func createDatabaseOfTheEnvironmentsDatabaseReplays() throws {
        let catalog = try Catalog.load(sql: """
            CREATE DATABASE analytics;
            USE analytics;
            CREATE TABLE events (id BIGINT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);
            CREATE DATABASE staging;
            CREATE TABLE staging.raw (id BIGINT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);
            """, file: "0001.sql", defaultDatabase: "analytics")
        #expect(catalog.databases["analytics"]?.tables["events"] != nil)
        #expect(catalog.databases["staging"]?.tables["raw"] != nil)
    }

    @Test(arguments: [
        "CREATE DATABASE analytics;\nCREATE DATABASE analytics;",
        "CREATE TABLE t (id BIGINT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);\nCREATE DATABASE analytics;",
        "CREATE DATABASE staging;\nCREATE DATABASE staging;",
    ])
    func creatingAnExistingDatabaseStillFails(sql: String) {
        #expect(throws: (any Error).self) {
            _ = try Catalog.load(sql: sql, file: "0001.sql", defaultDatabase: "analytics")
        }
    }
}

/// Synchronous MVs (CREATE MATERIALIZED VIEW without REFRESH or DISTRIBUTED BY) and rollups are indexes of their
/// base table: never async MVs, and reported as not compared by the differ.
@Suite struct SynchronousMaterializedViewTests {
    static let base = "CREATE TABLE t (k INT, v BIGINT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);\n"

    @Test func synchronousMVIsARollupOfItsTable() throws {
        let catalog = try Catalog.load(sql: Self.base + """
            CREATE MATERIALIZED VIEW mv_sum AS SELECT k, sum(v) FROM t GROUP BY k;
            CREATE MATERIALIZED VIEW mv_async DISTRIBUTED BY HASH(k) REFRESH ASYNC AS SELECT k, sum(v) FROM t GROUP BY k;
            ALTER TABLE t ADD ROLLUP r1 (k, v);
            """, file: "m.sql", defaultDatabase: "db")
        #expect(catalog.databases["db"]?.materializedViews.keys.sorted() == ["mv_async"])
        #expect(catalog.rollups["db.t"] == ["mv_sum", "r1"])
    }

    @Test func droppingTheSynchronousMVForgetsIt() throws {
        let catalog = try Catalog.load(sql: Self.base + """
            CREATE MATERIALIZED VIEW mv_sum AS SELECT k, sum(v) FROM db.t GROUP BY k;
            DROP MATERIALIZED VIEW mv_sum;
            """, file: "m.sql", defaultDatabase: "db")
        #expect(catalog.rollups.isEmpty)
        #expect(catalog.databases["db"]?.materializedViews.isEmpty == true)
    }

    @Test func synchronousMVOnAMissingTableFails() {
        #expect(throws: (any Error).self) {
            _ = try Catalog.load(sql: "CREATE MATERIALIZED VIEW mv AS SELECT k FROM nowhere;", file: "m.sql",
                                 defaultDatabase: "db")
        }
    }
}

/// `CREATE INDEX` / `DROP INDEX` on an asynchronous materialized view change the MV's indexes.
@Suite struct MaterializedViewIndexTests {
    @Test func createAndDropIndexOnAnMV() throws {
        let base = """
            CREATE TABLE t (k INT, v BIGINT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);
            CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(k) REFRESH ASYNC AS SELECT k, sum(v) AS s FROM t GROUP BY k;
            CREATE INDEX idx_k ON mv (k) USING BITMAP;
            """
        let created = try Catalog.load(sql: base, file: "m.sql", defaultDatabase: "db")
        #expect(created.databases["db"]?.materializedViews["mv"]?.indexes.map(\.name) == ["idx_k"])
        let dropped = try Catalog.load(sql: base + "\nDROP INDEX idx_k ON mv;", file: "m.sql", defaultDatabase: "db")
        #expect(dropped.databases["db"]?.materializedViews["mv"]?.indexes.isEmpty == true)
    }
}

/// A table created without a key clause keeps the DUPLICATE KEY StarRocks inferred at CREATE TABLE.
@Suite struct InferredKeyIsFixedAtCreateTests {
    @Test(arguments: [
        ("CREATE TABLE t (a INT, b INT);\nALTER TABLE t ADD COLUMN c INT;", ["a", "b"], ["a", "b", "c"]),
        ("CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b INT;", ["a"], ["a", "b"]),
        ("CREATE TABLE t (a BIGINT, s VARCHAR(10), v INT);\nALTER TABLE t ADD COLUMN w INT;", ["a", "s"], ["a", "s", "v", "w"]),
    ])
    func keyStaysAsInferred(sql: String, key: [String], columns: [String]) throws {
        let table = try ServerAcceptedFormsTests.table(sql)
        #expect(table.key == TableKey(model: .duplicate, columns: key))
        #expect(table.columns.map(\.name) == columns)
    }
}
