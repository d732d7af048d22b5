import Findings
import SchemaDiff
import SchemaModel
import SchemaPlan
import StarRocksDDL
import Testing

/// Grammar and printer classes of issue 18: `CREATE TABLE ... LIKE` with its own clauses (3.2+), the type-name
/// comments older servers print on views and materialized views, and where a column definition's `AS expr` ends.
@Suite struct GrammarClassTests {
    func parseOne(_ source: String) throws -> Statement {
        let statements = try DDLParser.parse(source, file: "t.sql")
        try #require(statements.count == 1)
        return statements[0].statement
    }

    func findings(_ expected: String, _ actual: String) throws -> [Finding] {
        diff(expected: try Sample.load(expected), actual: try Sample.load(actual)).findings
    }

    func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.kind.rawValue)@\($0.object): \($0.expected ?? "-") vs \($0.actual ?? "-")" }
            .joined(separator: "; ")
    }

    // MARK: CREATE TABLE ... LIKE

    @Test func likeTakesPartitionDistributionAndPropertiesBeforeLike() throws {
        guard case .createTable(let table) = try parseOne("""
            CREATE TABLE IF NOT EXISTS t2 PARTITION BY date_trunc('day', d) DISTRIBUTED BY HASH(k) BUCKETS 4
            PROPERTIES ("replication_num" = "1") LIKE db.t1
            """) else {
            Issue.record("not a CREATE TABLE")
            return
        }
        #expect(table.like == QualifiedNameClause(database: "db", name: "t1"))
        #expect(table.ifNotExists)
        #expect(table.distributedBy == DistributedByClause(method: .hash(["k"]), buckets: 4))
        #expect(table.properties == [PropertyClause(key: "replication_num", value: "1")])
        #expect(table.partitionBy != nil)
        #expect(table.columns.isEmpty)
        // The printer writes the same statement back (print, parse, compare).
        let printed = SyntaxPrinter.print(.createTable(table))
        guard case .createTable(let again) = try parseOne(printed) else {
            Issue.record("the printed LIKE does not parse: \(printed)")
            return
        }
        #expect(again == table, "\(printed)")
        // Each clause alone is accepted too.
        for clause in ["DISTRIBUTED BY RANDOM", "PROPERTIES (\"a\" = \"b\")", "PARTITION BY (k)"] {
            guard case .createTable(let one) = try parseOne("CREATE TABLE t2 \(clause) LIKE t1") else {
                Issue.record("not a CREATE TABLE: \(clause)")
                continue
            }
            #expect(one.like?.name == "t1", "\(clause)")
        }
    }

    @Test func likeRefusesOtherClausesAndAnotherOrder() throws {
        for (source, words) in [
            ("CREATE TABLE t2 DUPLICATE KEY(k) LIKE t1", "not KEY"),
            ("CREATE TABLE t2 COMMENT \"c\" LIKE t1", "not COMMENT"),
            ("CREATE TABLE t2 PROPERTIES (\"a\" = \"b\") DISTRIBUTED BY RANDOM LIKE t1", "in the order"),
            ("CREATE TABLE t2 (k INT) LIKE t1", "expected a table clause"),
        ] {
            #expect(throws: DDLParseError.self, "\(source)") { try DDLParser.parse(source, file: "t.sql") }
            do {
                _ = try DDLParser.parse(source, file: "m.sql")
            } catch {
                let text = "\(error)"
                #expect(text.contains(words), "\(source): \(text)")
                #expect(text.hasPrefix("m.sql:1:"), "names file, line and column: \(text)")
            }
        }
    }

    /// The copy keeps the source's columns, key and comment, takes the written partitioning and distribution, and
    /// merges the written properties over the source's; the server's SHOW CREATE of the copy is then no drift, and a
    /// by-hand change to it still is.
    @Test func likeReplaysTheOverridesAndComparesWithTheServersOutput() throws {
        let migrations = """
            CREATE TABLE src (k INT NOT NULL, d DATE NOT NULL, v VARCHAR(10)) DUPLICATE KEY(k, d) COMMENT "source"
            PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN ("2024-01-01"))
            DISTRIBUTED BY HASH(k) BUCKETS 8 PROPERTIES ("replication_num" = "3", "compression" = "ZSTD");
            CREATE TABLE copy PARTITION BY date_trunc('day', d) DISTRIBUTED BY RANDOM
            PROPERTIES ("replication_num" = "1") LIKE src;
            """
        let catalog = try Sample.load(migrations)
        let copy = try #require(catalog.databases[Sample.database]?.tables["copy"])
        #expect(copy.columns.map(\.name) == ["k", "d", "v"])
        #expect(copy.key == TableKey(model: .duplicate, columns: ["k", "d"]))
        #expect(copy.comment == "source")
        #expect(copy.distribution?.method == .random)
        #expect(copy.partitioning == .expression(["date_trunc('day', d)"]), "\(String(describing: copy.partitioning))")
        #expect(copy.properties["replication_num"] == "1")
        #expect(copy.properties["compression"] == "ZSTD")
        let server = """
            CREATE TABLE `src` (
              `k` int(11) NOT NULL COMMENT "",
              `d` date NOT NULL COMMENT "",
              `v` varchar(10) NULL COMMENT ""
            ) ENGINE=OLAP
            DUPLICATE KEY(`k`, `d`)
            COMMENT "source"
            PARTITION BY RANGE(`d`)
            (PARTITION p1 VALUES [("0000-01-01"), ("2024-01-01")))
            DISTRIBUTED BY HASH(`k`) BUCKETS 8
            PROPERTIES ("compression" = "ZSTD", "fast_schema_evolution" = "true", "replicated_storage" = "true",
            "replication_num" = "3");
            CREATE TABLE `copy` (
              `k` int(11) NOT NULL COMMENT "",
              `d` date NOT NULL COMMENT "",
              `v` varchar(10) NULL COMMENT ""
            ) ENGINE=OLAP
            DUPLICATE KEY(`k`, `d`)
            COMMENT "source"
            PARTITION BY date_trunc('day', `d`)
            DISTRIBUTED BY RANDOM
            PROPERTIES ("bucket_size" = "4294967296", "compression" = "ZSTD", "fast_schema_evolution" = "true",
            "replicated_storage" = "true", "replication_num" = "1");
            """
        let clean = try findings(migrations, server).filter { $0.severity > .info }
        #expect(clean.isEmpty, "\(describe(clean))")
        let changed = server.replacingOccurrences(of: "\"replication_num\" = \"1\"", with: "\"replication_num\" = \"2\"")
        let drift = try findings(migrations, changed).filter { $0.severity > .info }
        #expect(drift.map(\.object) == ["\(Sample.database).copy.properties.replication_num"], "\(describe(drift))")
    }

    @Test func likeOfAViewIsAnError() throws {
        #expect(throws: (any Error).self) {
            try Sample.load("CREATE VIEW v AS SELECT 1 AS a; CREATE TABLE t PROPERTIES (\"a\" = \"b\") LIKE v;")
        }
    }

    // MARK: type-name comments

    @Test func typeNameCommentsOfViewsAndMaterializedViewsAreNoComment() throws {
        let view = "CREATE VIEW v (a) AS SELECT k AS a FROM t;"
        let table = "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);"
        #expect(try findings(table + view, table + "CREATE VIEW `v` (`a`) COMMENT \"VIEW\" AS SELECT `t`.`k` AS `a` FROM `shop`.`t`;")
            .filter { $0.kind == .viewComment }.isEmpty)
        let realComment = try findings(table + view, table + "CREATE VIEW `v` (`a`) COMMENT \"views\" AS SELECT `t`.`k` AS `a` FROM `shop`.`t`;")
        #expect(realComment.filter { $0.kind == .viewComment && $0.severity > .info }.count == 1, "\(describe(realComment))")
        let mv = "CREATE MATERIALIZED VIEW mv (k) DISTRIBUTED BY HASH(k) REFRESH MANUAL AS SELECT k FROM t;"
        for typeName in ["MATERIALIZED_VIEW", "CLOUD_NATIVE_MATERIALIZED_VIEW", "LAKE_MATERIALIZED_VIEW"] {
            let server = mv.replacingOccurrences(of: " DISTRIBUTED", with: " COMMENT \"\(typeName)\" DISTRIBUTED")
            #expect(try findings(table + mv, table + server).filter { $0.kind == .viewComment }.isEmpty, "\(typeName)")
        }
        #expect(Normalize.viewComment("VIEW") == "")
        #expect(Normalize.viewComment("view") == "view", "only the printed type name folds")
        #expect(Normalize.materializedViewComment("OLAP") == "OLAP")
    }

    // MARK: where a generated column's expression ends

    @Test func generatedExpressionEndsWhereTheGrammarSays() throws {
        guard case .alterTable(let alter) = try parseOne("""
            ALTER TABLE t ADD COLUMN g BIGINT AS (a + 1) AFTER x, ADD COLUMN h INT AS a IN (1, 2) COMMENT "c" FIRST,
              ADD COLUMN i INT AS a * 2 TO r1, MODIFY COLUMN j INT AS b + 1 FROM r2
            """) else {
            Issue.record("not an ALTER TABLE")
            return
        }
        guard alter.clauses.count == 4, case .addColumn(let g) = alter.clauses[0], case .addColumn(let h) = alter.clauses[1],
              case .addColumn(let i) = alter.clauses[2] else {
            Issue.record("clauses: \(alter.clauses)")
            return
        }
        #expect(g.columns.first?.generatedExpression?.text == "a + 1")
        #expect(g.position == .after("x"))
        #expect(h.columns.first?.generatedExpression?.text == "a IN (1, 2)")
        #expect(h.columns.first?.comment == "c")
        #expect(h.position == .first)
        #expect(i.columns.first?.generatedExpression?.text == "a * 2")
        #expect(i.rollup == "r1")
        guard case .modifyColumn(.definition(let j, _, let rollup)) = alter.clauses[3] else {
            Issue.record("not a MODIFY COLUMN: \(alter.clauses[3])")
            return
        }
        #expect(j.generatedExpression?.text == "b + 1")
        #expect(rollup == "r2")
    }
}

/// `plan` for a missing generated column: a statement of its own after the other column changes, without
/// FIRST/AFTER, that replays to the expected table.
@Suite struct GeneratedColumnPlanTests {
    @Test func generatedColumnIsAddedLastWithoutAPosition() throws {
        let expected = try Sample.load("""
            CREATE TABLE t (k INT NOT NULL, v INT, w INT, g BIGINT AS v + 1) PRIMARY KEY(k) DISTRIBUTED BY HASH(k);
            """)
        let actual = try Sample.load("CREATE TABLE t (k INT NOT NULL, v INT) PRIMARY KEY(k) DISTRIBUTED BY HASH(k);")
        let result = plan(expected: expected, actual: actual, options: PlanOptions())
        let statements = result.steps.flatMap(\.statements)
        #expect(statements == [
            "ALTER TABLE `shop`.`t` ADD COLUMN `w` int AFTER `v`;",
            "ALTER TABLE `shop`.`t` ADD COLUMN `g` bigint AS (v + 1);",
        ], "\(statements)")
        var replayed = actual
        try replayed.apply(sql: SQLPlanRenderer.render(result), file: "<plan>", defaultDatabase: Sample.database)
        let left = diff(expected: expected, actual: replayed).findings
        #expect(left.isEmpty, "\(left.map { "\($0.kind.rawValue)@\($0.object)" })")
    }
}
