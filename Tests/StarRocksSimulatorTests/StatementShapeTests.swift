import Foundation
import StarRocksSimulator
import Testing

/// Each statement starrocks-drift sends gets the result shape a StarRocks FE gives (column titles per
/// docs/starrocks-behaviour.md and the corpus' samples/), answered in-process.
@Suite struct StatementShapeTests {
    let simulator = Simulator(catalog: TestCatalogs.small)

    @Test func showDatabasesListsCatalogAndSystemDatabases() {
        let result = TestCatalogs.resultSet(simulator, "SHOW DATABASES")
        #expect(result.columns == ["Database"])
        #expect(result.rows.map { $0[0] } == ["_statistics_", "analytics", "information_schema", "sys"])
    }

    @Test func showFullTablesReportsMaterializedViewsAsViews() {
        let result = TestCatalogs.resultSet(simulator, "SHOW FULL TABLES FROM `analytics`")
        #expect(result.columns == ["Tables_in_analytics", "Table_type"])
        #expect(result.rows == [["mv1", "VIEW"], ["t", "BASE TABLE"], ["test_view", "VIEW"]])
        let plain = TestCatalogs.resultSet(simulator, "show tables", database: "analytics")
        #expect(plain.columns == ["Tables_in_analytics"])
        #expect(plain.rows.count == 3)
    }

    @Test func showCreateReturnsTheVerbatimTextWithTheRightTitles() {
        let table = TestCatalogs.resultSet(simulator, "SHOW CREATE TABLE analytics.t")
        #expect(table.columns == ["Table", "Create Table"])
        let expected = TestCatalogs.corpusText("001_test_alter_table_t").trimmingCharacters(in: .newlines)
        #expect(table.rows == [["t", expected]])

        let view = TestCatalogs.resultSet(simulator, "SHOW CREATE VIEW `default_catalog`.`analytics`.`test_view`")
        #expect(view.columns == ["View", "Create View", "character_set_client", "collation_connection"])
        #expect(view.rows.first?[2] == "utf8")
        #expect(view.rows.first?[3] == "utf8_general_ci")
        #expect(view.rows.first?[1]?.hasPrefix("CREATE VIEW `test_view` (`test_column`)") == true)

        let mv = TestCatalogs.resultSet(simulator, "SHOW CREATE MATERIALIZED VIEW analytics.mv1")
        #expect(mv.columns == ["Materialized View", "Create Materialized View"])
        #expect(mv.rows.first?[1]?.hasPrefix("CREATE MATERIALIZED VIEW `mv1`") == true)
        // SHOW CREATE TABLE on an MV gives the MV DDL (docs/starrocks-behaviour.md#materialized-views).
        #expect(TestCatalogs.resultSet(simulator, "SHOW CREATE TABLE analytics.mv1").rows == mv.rows)
    }

    @Test func unknownObjectsAndDatabasesGetStarRocksErrors() {
        let table = TestCatalogs.error(simulator, "SHOW CREATE TABLE analytics.nope")
        #expect(table?.number == 1064)
        #expect(table?.message == "Getting analyzing error. Detail message: Unknown table 'analytics.nope'.")
        let database = TestCatalogs.error(simulator, "SHOW FULL TABLES FROM nowhere")
        #expect(database?.number == 1049)
        #expect(database?.sqlState == "42000")
        #expect(TestCatalogs.error(simulator, "SHOW FULL TABLES")?.number == 1046)
    }

    @Test func materializedViewsRowCarriesTheWholeDefinitionAndStatus() {
        let sql = "SELECT TABLE_NAME, REFRESH_TYPE, IS_ACTIVE, INACTIVE_REASON, LAST_REFRESH_STATE, "
            + "LAST_REFRESH_ERROR_MESSAGE, MATERIALIZED_VIEW_DEFINITION FROM information_schema.materialized_views "
            + "WHERE TABLE_SCHEMA = 'analytics'"
        let result = TestCatalogs.resultSet(simulator, sql)
        #expect(result.columns == ["TABLE_NAME", "REFRESH_TYPE", "IS_ACTIVE", "INACTIVE_REASON", "LAST_REFRESH_STATE",
                                   "LAST_REFRESH_ERROR_MESSAGE", "MATERIALIZED_VIEW_DEFINITION"])
        let text = TestCatalogs.corpusText("041_test_materialized_view_mv1").trimmingCharacters(in: .newlines)
        #expect(result.rows == [["mv1", "ASYNC", "false", "base table dropped", "FAILED", "refresh failed", text]])
        let all = TestCatalogs.resultSet(simulator, "SELECT * FROM information_schema.materialized_views")
        #expect(all.columns.count == 27)
        #expect(all.columns.first == "MATERIALIZED_VIEW_ID")
        #expect(TestCatalogs.resultSet(simulator, "SELECT TABLE_NAME FROM information_schema.materialized_views "
            + "WHERE TABLE_SCHEMA = 'other'").rows.isEmpty)
    }

    @Test func tablesConfigIsDerivedFromTheDDL() {
        let result = TestCatalogs.resultSet(simulator, "SELECT TABLE_NAME, TABLE_ENGINE, TABLE_MODEL, PRIMARY_KEY, "
            + "DISTRIBUTE_KEY, DISTRIBUTE_TYPE, DISTRIBUTE_BUCKET, SORT_KEY FROM information_schema.tables_config "
            + "WHERE TABLE_SCHEMA = 'analytics' ORDER BY TABLE_NAME")
        #expect(result.rows == [
            ["mv1", "MATERIALIZED_VIEW", "DUP_KEYS", "`k1`", "", "RANDOM", "0", "`k1`"],
            ["t", "OLAP", "PRIMARY_KEYS", "`k`", "`k`", "HASH", "0", "`k`"],
        ])
        let properties = TestCatalogs.resultSet(simulator, "SELECT PROPERTIES FROM information_schema.tables_config "
            + "WHERE TABLE_SCHEMA = 'analytics' AND TABLE_NAME = 't'")
        #expect(properties.rows.first?[0]?.contains("\"replication_num\":\"3\"") == true)
    }

    @Test func tablesAndViewsAgreeWithTheCatalog() {
        let tables = TestCatalogs.resultSet(simulator, "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM "
            + "information_schema.tables WHERE TABLE_SCHEMA = 'analytics'")
        #expect(tables.rows == [["mv1", "VIEW", ""], ["t", "BASE TABLE", ""], ["test_view", "VIEW", "test comment 1"]])
        let views = TestCatalogs.resultSet(simulator, "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.views "
            + "WHERE TABLE_SCHEMA = 'analytics'")
        #expect(views.rows.count == 1)
        #expect(views.rows.first?[1]?.hasPrefix("( select") == true)
        #expect(views.rows.first?[1]?.hasSuffix(")") == true)
    }

    @Test func showAlterTableColumnListsJobsWithTheRealTitles() {
        let result = TestCatalogs.resultSet(simulator, "SHOW ALTER TABLE COLUMN FROM analytics")
        #expect(result.columns == ["JobId", "TableName", "CreateTime", "FinishTime", "IndexName", "IndexId",
                                   "OriginIndexId", "SchemaVersion", "TransactionId", "State", "Msg", "Progress",
                                   "Timeout"])
        #expect(result.rows.count == 1)
        #expect(result.rows.first?[1] == "t")
        #expect(result.rows.first?[9] == "RUNNING")
        #expect(result.rows.first?[3] == nil)
        let filtered = TestCatalogs.resultSet(simulator, "SHOW ALTER TABLE COLUMN FROM analytics WHERE TableName = "
            + "\"other\" ORDER BY CreateTime DESC LIMIT 1")
        #expect(filtered.rows.isEmpty)
    }

    @Test func backendsReportAliveAndTotal() {
        for sql in ["SHOW BACKENDS", "SHOW PROC '/backends'"] {
            let result = TestCatalogs.resultSet(simulator, sql)
            let alive = result.columns.firstIndex(of: "Alive")
            #expect(alive != nil)
            #expect(result.rows.map { $0[alive ?? 0] } == ["true", "false"])
        }
    }

    @Test func versionQueriesAndVersionTable() {
        #expect(TestCatalogs.resultSet(simulator, "SELECT current_version()").rows == [["3.3.2"]])
        #expect(TestCatalogs.resultSet(simulator, "SELECT current_version()").columns == ["current_version()"])
        let comment = TestCatalogs.resultSet(simulator, "select @@version_comment limit 1")
        #expect(comment.columns == ["@@version_comment"])
        #expect(comment.rows.first?[0]?.contains("simulator") == true)
        let rows = TestCatalogs.resultSet(simulator, "SELECT version_num FROM analytics.alembic_version")
        #expect(rows.columns == ["version_num"])
        #expect(rows.rows == [["3f2a9c1b"]])
        #expect(TestCatalogs.error(simulator, "SELECT version_num FROM analytics.missing_version")?.message
            == "Getting analyzing error. Detail message: Unknown table 'analytics.missing_version'.")
    }

    @Test func showPartitionsListsRangePartitions() {
        let text = """
            CREATE TABLE `d` (
              `dt` date NOT NULL COMMENT "",
              `v` int(11) NULL COMMENT ""
            ) ENGINE=OLAP
            DUPLICATE KEY(`dt`)
            PARTITION BY RANGE(`dt`)
            (PARTITION p1 VALUES [("2026-01-01"), ("2026-02-01")),
            PARTITION p2 VALUES [("2026-02-01"), ("2026-03-01")))
            DISTRIBUTED BY HASH(`dt`) BUCKETS 4
            PROPERTIES (
            "replication_num" = "1"
            );
            """
        let simulator = Simulator(catalog: SimulatorCatalog(databases: ["db": ["d": text]]))
        let result = TestCatalogs.resultSet(simulator, "SHOW PARTITIONS FROM db.d")
        #expect(result.columns.count == 17)
        #expect(result.columns[7] == "Range")
        #expect(result.rows.map { $0[1] } == ["p1", "p2"])
        #expect(result.rows.first?[6] == "dt")
        #expect(result.rows.first?[7] == "[types: [DATE]; keys: [2026-01-01]; ..types: [DATE]; keys: [2026-02-01]; )")
        #expect(result.rows.first?[9] == "4")
        #expect(result.rows.first?[10] == "1")
    }

    @Test func versionTableVariants() {
        var catalog = TestCatalogs.small
        catalog.state.versionTable = VersionTableState(revisions: ["a1", "b2"], hasIDColumn: true)
        let several = Simulator(catalog: catalog)
        #expect(TestCatalogs.resultSet(several, "SELECT * FROM alembic_version", database: "analytics").rows
            == [["1", "a1"], ["2", "b2"]])
        catalog.state.versionTable?.exists = false
        let missing = Simulator(catalog: catalog)
        #expect(TestCatalogs.error(missing, "SELECT version_num FROM analytics.alembic_version")?.number == 1064)
        catalog.state.versionTable = nil
        let none = Simulator(catalog: catalog)
        #expect(TestCatalogs.error(none, "SELECT version_num FROM analytics.alembic_version") != nil)
    }

    @Test func sessionStatementsAreAcceptedAndUnknownOnesAreSyntaxErrors() {
        #expect(simulator.reply(to: "SET NAMES utf8mb4") == .ok)
        #expect(simulator.reply(to: "SET SESSION query_timeout = 60") == .ok)
        #expect(simulator.reply(to: "USE analytics") == .ok)
        let unknown = TestCatalogs.error(simulator, "FROBNICATE everything")
        #expect(unknown?.number == 1064)
        #expect(unknown?.message.hasPrefix("Getting syntax error at line 1, column 0.") == true)
    }

    @Test func writesAreRejectedAndLogged() {
        let writes = ["DROP TABLE analytics.t", "INSERT INTO analytics.t VALUES (1, 2)", "ALTER TABLE t ADD COLUMN x INT",
                      "CREATE TABLE x (a int)", "SET GLOBAL query_timeout = 1", "TRUNCATE TABLE t",
                      "GRANT SELECT ON *.* TO u", "REFRESH MATERIALIZED VIEW mv1"]
        for sql in writes {
            let error = TestCatalogs.error(simulator, sql, database: "analytics")
            #expect(error?.number == 1064, "\(sql)")
            #expect(error?.message.contains("read-only") == true, "\(sql)")
        }
        #expect(simulator.statementLog.suffix(writes.count) == writes[...])
        // The catalog is unchanged.
        #expect(TestCatalogs.resultSet(simulator, "SHOW FULL TABLES FROM analytics").rows.count == 3)
    }
}
