import StarRocksDDL
import Testing

/// What the parser records for each construct: spellings, quote-free literals, positions, token streams.
@Suite struct ParserTests {
    func parseOne(_ source: String) throws -> Statement {
        let statements = try DDLParser.parse(source, file: "t.sql")
        try #require(statements.count == 1)
        return statements[0].statement
    }

    func createTable(_ source: String) throws -> CreateTableStatement {
        guard case .createTable(let table) = try parseOne(source) else {
            Issue.record("not a CREATE TABLE")
            return CreateTableStatement(name: QualifiedNameClause(name: "?"))
        }
        return table
    }

    @Test func columnsKeepTypeSpellingsAndAttributes() throws {
        let table = try createTable("""
            create table IF NOT EXISTS `db`.`t` (
              `k` int(11) NOT NULL COMMENT "",
              v DECIMAL(10, 2) NULL DEFAULT '0.5' COMMENT 'it''s',
              s STRING DEFAULT "x\\"y",
              a array<int(11)>,
              m MAP<VARCHAR(8), ARRAY<BIGINT>>,
              st STRUCT<a INT, `b c` DATE>,
              t DATETIME DEFAULT current_timestamp(),
              e VARCHAR(36) DEFAULT (uuid()),
              g BIGINT AS (k + 1),
              id BIGINT NOT NULL AUTO_INCREMENT,
              n INT DEFAULT -5
            ) engine = olap duplicate key(k)
            """)
        #expect(table.ifNotExists)
        #expect(table.name == QualifiedNameClause(database: "db", name: "t"))
        #expect(table.engine == "olap")
        #expect(table.key == KeyClause(model: .duplicate, columns: ["k"]))
        let c = table.columns
        #expect(c.map(\.name) == ["k", "v", "s", "a", "m", "st", "t", "e", "g", "id", "n"])
        #expect(c[0] == ColumnDefinitionClause(name: "k", type: .scalar(name: "int", arguments: [11]), nullable: false,
                                               comment: ""))
        #expect(c[1].type == .scalar(name: "DECIMAL", arguments: [10, 2]))
        #expect(c[1].defaultValue == .literal("0.5"))
        #expect(c[1].comment == "it's")
        #expect(c[2].defaultValue == .literal("x\"y"))
        #expect(c[2].nullable == nil)
        #expect(c[3].type == .array(.scalar(name: "int", arguments: [11])))
        #expect(c[4].type == .map(key: .scalar(name: "VARCHAR", arguments: [8]),
                                  value: .array(.scalar(name: "BIGINT", arguments: []))))
        #expect(c[5].type == .struct([StructFieldClause(name: "a", type: .scalar(name: "INT", arguments: [])),
                                      StructFieldClause(name: "b c", type: .scalar(name: "DATE", arguments: []))]))
        #expect(c[6].defaultValue == .currentTimestamp)
        #expect(c[7].defaultValue == .expression(ExpressionClause(tokens: [
            SQLToken(kind: .word, text: "uuid"), SQLToken(kind: .symbol, text: "("), SQLToken(kind: .symbol, text: ")"),
        ])))
        #expect(c[8].generatedExpression?.text == "k + 1")
        #expect(c[9].isAutoIncrement && c[9].nullable == false && c[9].defaultValue == nil)
        #expect(c[10].defaultValue == .literal("-5"))
    }

    @Test func aggregateNamesAreUpperCased() throws {
        let table = try createTable("CREATE TABLE t (k INT, v BIGINT sum, r VARCHAR(3) replace_if_not_null) AGGREGATE KEY(k)")
        #expect(table.columns.map(\.aggregate) == [nil, "SUM", "REPLACE_IF_NOT_NULL"])
        #expect(table.key?.model == .aggregate)
    }

    @Test func rangePartitionsKeepBoundsAsWritten() throws {
        let table = try createTable("""
            CREATE TABLE t (d DATE) PARTITION BY RANGE(d) (
              PARTITION p1 VALUES LESS THAN ('2024-01-01'),
              PARTITION `p2` VALUES [("2024-01-01"), ("2024-02-01")) ("replication_num" = "1"),
              START ("2024-02-01") END ("2024-03-01") EVERY (INTERVAL 1 day),
              PARTITION p9 VALUES LESS THAN MAXVALUE
            ) DISTRIBUTED BY HASH(d) BUCKETS 3
            """)
        guard case .range(let range) = table.partitionBy else {
            Issue.record("expected RANGE partitioning")
            return
        }
        #expect(range.expressions.map(\.text) == ["d"])
        #expect(range.elements == [
            .range(RangePartitionDefinitionClause(name: "p1", bound: .lessThan([.value("2024-01-01")]))),
            .range(RangePartitionDefinitionClause(
                name: "p2", bound: .fixed(lower: [.value("2024-01-01")], upper: [.value("2024-02-01")]),
                properties: [PropertyClause(key: "replication_num", value: "1")])),
            .batch(RangeBatchClause(start: "2024-02-01", end: "2024-03-01", every: IntervalClause(count: 1, unit: "DAY"))),
            .range(RangePartitionDefinitionClause(name: "p9", bound: .lessThan([.maxValue]))),
        ])
        #expect(table.distributedBy == DistributedByClause(method: .hash(["d"]), buckets: 3))
    }

    @Test func rangeOverAnExpression() throws {
        let table = try createTable("""
            CREATE TABLE t (c VARCHAR(20)) PRIMARY KEY(c)
            PARTITION BY RANGE(CAST(substr(`c`, 3, 11) AS BIGINT)) (PARTITION p1 VALUES [("0"), ("5")))
            """)
        guard case .range(let range) = table.partitionBy else {
            Issue.record("expected RANGE partitioning")
            return
        }
        #expect(range.expressions.map(\.text) == ["CAST(substr(`c`, 3, 11) AS BIGINT)"])
    }

    @Test func listPartitionsKeepValueTuples() throws {
        let table = try createTable("""
            CREATE TABLE t (dt DATE, city VARCHAR(8)) PARTITION BY LIST(dt, city) (
              PARTITION p1 VALUES IN (('2022-04-15', 'a'), ("2022-04-16", 'b')),
              PARTITION p2 VALUES IN ('x', 'y')
            )
            """)
        guard case .list(let list) = table.partitionBy else {
            Issue.record("expected LIST partitioning")
            return
        }
        #expect(list.columns == ["dt", "city"])
        #expect(list.elements == [
            .list(ListPartitionDefinitionClause(name: "p1", values: [["2022-04-15", "a"], ["2022-04-16", "b"]])),
            .list(ListPartitionDefinitionClause(name: "p2", values: [["x"], ["y"]])),
        ])
    }

    @Test func expressionPartitioningSpellings() throws {
        func expressions(_ clause: String) throws -> ExpressionPartitionClause? {
            let table = try createTable("CREATE TABLE t (a INT, b DATETIME) PARTITION BY \(clause) DISTRIBUTED BY RANDOM")
            if case .expression(let expression) = table.partitionBy { return expression }
            return nil
        }
        #expect(try expressions("date_trunc(\"day\", b)")?.expressions.map(\.text) == ["date_trunc('day', b)"])
        #expect(try expressions("a, date_trunc('month', b)")?.expressions.map(\.text) == ["a", "date_trunc('month', b)"])
        #expect(try expressions("(a, b)") == ExpressionPartitionClause(
            expressions: [ExpressionClause(tokens: [SQLToken(kind: .word, text: "a")]),
                          ExpressionClause(tokens: [SQLToken(kind: .word, text: "b")])],
            isParenthesized: true))
        #expect(try expressions("(`a`)")?.expressions.first?.identifier == "a")
        #expect(try expressions("time_slice(b, interval 1 day)")?.expressions.map(\.text)
                == ["time_slice(b, interval 1 day)"])
    }

    @Test func likeAndCTAS() throws {
        let like = try createTable("CREATE TABLE t2 LIKE db.t1")
        #expect(like.like == QualifiedNameClause(database: "db", name: "t1"))
        #expect(like.columns.isEmpty)
        let ctas = try createTable("CREATE TABLE t3 primary KEY(c1) PARTITION BY from_unixtime(c1) AS select * from t")
        #expect(ctas.key == KeyClause(model: .primary, columns: ["c1"]))
        #expect(ctas.asQuery?.text == "select * from t")
    }

    @Test func viewsKeepColumnsCommentsSecurityAndQueryTokens() throws {
        guard case .createView(let view) = try parseOne("""
            CREATE OR REPLACE VIEW v (id COMMENT 'User ID', name) COMMENT "c" SECURITY invoker AS
            SELECT id, name -- the names
            FROM users WHERE x >= 1 AND y <> 'a''b'
            """) else {
            Issue.record("not a CREATE VIEW")
            return
        }
        #expect(view.orReplace)
        #expect(view.columns == [ViewColumnClause(name: "id", comment: "User ID"), ViewColumnClause(name: "name")])
        #expect(view.comment == "c")
        #expect(view.security == "INVOKER")
        #expect(view.query.text == "SELECT id, name FROM users WHERE x >= 1 AND y <> 'a\\'b'")
        #expect(view.query.tokens.last == SQLToken(kind: .string, text: "a'b"))
    }

    @Test func materializedViewClauses() throws {
        guard case .createMaterializedView(let view) = try parseOne("""
            CREATE MATERIALIZED VIEW mv (dt, cnt) PARTITION BY dt DISTRIBUTED BY RANDOM
            REFRESH DEFERRED ASYNC START('2024-01-01 00:00:00') EVERY (interval 2 hour)
            PROPERTIES ("replication_num" = "1") AS SELECT dt, count(*) AS cnt FROM t GROUP BY dt
            """) else {
            Issue.record("not a CREATE MATERIALIZED VIEW")
            return
        }
        #expect(view.columns.map(\.name) == ["dt", "cnt"])
        #expect(view.partitionBy == .expression(ExpressionPartitionClause(
            expressions: [ExpressionClause(tokens: [SQLToken(kind: .word, text: "dt")])])))
        #expect(view.distributedBy == DistributedByClause(method: .random))
        #expect(view.refresh == RefreshClause(moment: .deferred, kind: .async, start: "2024-01-01 00:00:00",
                                              every: IntervalClause(count: 2, unit: "HOUR")))
        #expect(view.properties == [PropertyClause(key: "replication_num", value: "1")])
        #expect(view.query.tokens.count == 14)
    }

    @Test func alterTableClausesInOrder() throws {
        guard case .alterTable(let alter) = try parseOne("""
            ALTER TABLE t ADD COLUMN c INT KEY DEFAULT "1" AFTER b, DROP COLUMN d, MODIFY COLUMN e BIGINT FIRST,
              MODIFY COLUMN f COMMENT 'f', RENAME COLUMN g TO h, COMMENT = 'x', SET ("k" = "v"), ORDER BY (a, b)
            """) else {
            Issue.record("not an ALTER TABLE")
            return
        }
        #expect(alter.clauses == [
            .addColumn(AddColumnClause(columns: [ColumnDefinitionClause(
                name: "c", type: .scalar(name: "INT", arguments: []), isKey: true, defaultValue: .literal("1"))],
                position: .after("b"))),
            .dropColumn(DropColumnClause(name: "d")),
            .modifyColumn(.definition(ColumnDefinitionClause(name: "e", type: .scalar(name: "BIGINT", arguments: [])),
                                      position: .first, rollup: nil)),
            .modifyColumn(.comment(column: "f", comment: "f")),
            .renameColumn(from: "g", to: "h"),
            .comment("x"),
            .set([PropertyClause(key: "k", value: "v")]),
            .orderBy(["a", "b"]),
        ])
    }

    @Test func alterTablePartitionClauses() throws {
        guard case .alterTable(let alter) = try parseOne("""
            alter table t add partition p3 values less than ("30") distributed by random buckets 20,
              drop partition if exists p1 force, add partitions start ("1") end ("9") every (2)
            """) else {
            Issue.record("not an ALTER TABLE")
            return
        }
        #expect(alter.clauses == [
            .addPartition(AddPartitionClause(
                element: .range(RangePartitionDefinitionClause(name: "p3", bound: .lessThan([.value("30")]))),
                distributedBy: DistributedByClause(method: .random, buckets: 20))),
            .dropPartition(DropPartitionClause(ifExists: true, names: ["p1"], force: true)),
            .addPartition(AddPartitionClause(element: .batch(RangeBatchClause(
                start: "1", end: "9", every: IntervalClause(count: 2, unit: nil))))),
        ])
    }

    @Test func smallStatements() throws {
        #expect(try parseOne("drop materialized view if exists db.mv force") == .drop(DropStatement(
            kind: .materializedView, ifExists: true, name: QualifiedNameClause(database: "db", name: "mv"), force: true)))
        #expect(try parseOne("USE cat.db") == .use(UseStatement(catalog: "cat", database: "db")))
        #expect(try parseOne("create database if not exists d") == .createDatabase(
            CreateDatabaseStatement(ifNotExists: true, name: "d")))
        #expect(try parseOne("DROP INDEX i ON t") == .dropIndex(DropIndexStatement(name: "i", table: QualifiedNameClause(name: "t"))))
        #expect(try parseOne("CREATE INDEX i ON t (c) USING bitmap COMMENT 'x'") == .createIndex(CreateIndexStatement(
            table: QualifiedNameClause(name: "t"),
            index: IndexDefinitionClause(name: "i", columns: ["c"], type: "BITMAP", comment: "x"))))
        #expect(try parseOne("ALTER MATERIALIZED VIEW mv INACTIVE") == .alterMaterializedView(
            AlterMaterializedViewStatement(name: QualifiedNameClause(name: "mv"), action: .inactive)))
    }

    @Test func noSchemaEffectStatementsKeepKindAndText() throws {
        let statements = try DDLParser.parse("""
            INSERT INTO t VALUES (1, 'a;b');
            refresh materialized view mv with sync mode;
            GRANT SELECT ON t TO u;
            """, file: "n.sql")
        #expect(statements.map(\.statement) == [
            .noSchemaEffect(NoSchemaEffectStatement(kind: "INSERT", text: "INSERT INTO t VALUES (1, 'a;b')")),
            .noSchemaEffect(NoSchemaEffectStatement(kind: "REFRESH MATERIALIZED VIEW",
                                                    text: "refresh materialized view mv with sync mode")),
            .noSchemaEffect(NoSchemaEffectStatement(kind: "GRANT", text: "GRANT SELECT ON t TO u")),
        ])
    }

    @Test func statementsCarryLocationAndTextAcrossCommentStyles() throws {
        let source = """
            -- dash comment
            # hash comment
            /* block
               comment */ CREATE TABLE t (k INT); ;
              ALTER TABLE t ADD COLUMN v INT
            """
        let statements = try DDLParser.parse(source, file: "loc.sql", firstLine: 5)
        #expect(statements.count == 2)
        #expect(statements[0].location == SourceLocation(file: "loc.sql", line: 8, column: 15))
        #expect(statements[0].text == "CREATE TABLE t (k INT)")
        #expect(statements[1].location == SourceLocation(file: "loc.sql", line: 9, column: 3))
        #expect(statements[1].text == "ALTER TABLE t ADD COLUMN v INT")
    }

    @Test func keywordsAreCaseInsensitiveAndIdentifiersKeepCase() throws {
        let upper = try createTable("CREATE TABLE T (K INT NOT NULL) PRIMARY KEY (K) DISTRIBUTED BY HASH (K)")
        let lower = try createTable("create table T (K INT not null) primary key (K) distributed by hash (K)")
        #expect(upper == lower)
        #expect(upper.name.name == "T")
    }
}
