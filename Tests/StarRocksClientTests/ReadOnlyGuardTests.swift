import StarRocksClient
import Testing

@Suite("Read-only guard decisions")
struct ReadOnlyGuardTests {
    static let allowed: [String] = [
        "SELECT 1",
        "select * from t where a = 'INSERT INTO x' -- DELETE FROM t",
        "  /* leading comment */ -- another\n SELECT `into` FROM `update`",
        "# hash comment\nSHOW CREATE TABLE `events`",
        "SELECT 1;",
        "SELECT 1 ;  -- trailing comment",
        "(SELECT 1) UNION (SELECT 2)",
        "WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 10), b AS (SELECT 2) SELECT * FROM seq",
        "SELECT REPLACE(name, 'a', 'b'), INSERT('abc', 1, 1, 'x') FROM t",
        "SELECT SUBSTRING(name FROM 1 FOR 2) FROM t",
        "SELECT /*+ SET_VAR(query_timeout = 10) */ * FROM t",
        "SHOW FULL TABLES FROM analytics",
        "SHOW PROC '/backends'",
        "SHOW ALTER TABLE COLUMN FROM analytics",
        "ADMIN SHOW FRONTEND CONFIG LIKE 'default_replication_num'",
        "DESCRIBE events",
        "DESC `events` ALL",
        "EXPLAIN SELECT * FROM t",
        "EXPLAIN VERBOSE SELECT * FROM t",
        "EXPLAIN FORMAT=JSON SELECT 1",
        "SET query_timeout = 60",
        "SET SESSION query_timeout = 60, @@session.sql_mode = ''",
        "set @@wait_timeout = 100",
        "SET @x := 1, @y = 'a'",
        "SET NAMES utf8mb4",
        "SET CHARACTER SET utf8mb4",
        "SET CATALOG hive_catalog",
        "USE analytics",
        "use default_catalog.analytics",
        "SELECT 'it''s', \"a\"\"b\", 'c:\\\\dir' FROM t",
        "SELECT * FROM `ユーザー` WHERE `名前` = '😀'",
    ]

    @Test(arguments: allowed)
    func allows(_ sql: String) {
        #expect(ReadOnlyGuard.verdict(for: sql) == .allowed)
    }

    static let refused: [(String, String)] = [
        ("INSERT INTO t VALUES (1)", "INSERT statements are not read-only"),
        ("  -- comment\n delete from t", "DELETE"),
        ("UPDATE t SET a = 1", "UPDATE"),
        ("DROP TABLE t", "DROP"),
        ("ALTER TABLE t ADD COLUMN c INT", "ALTER"),
        ("CREATE TABLE t (a INT)", "CREATE"),
        ("TRUNCATE TABLE t", "TRUNCATE"),
        ("GRANT SELECT ON *.* TO u", "GRANT"),
        ("REPLACE INTO t VALUES (1)", "REPLACE"),
        ("CALL p()", "CALL"),
        ("KILL 12", "KILL"),
        ("ADMIN SET FRONTEND CONFIG ('a' = 'b')", "ADMIN"),
        ("SELECT 1; DROP TABLE t", "several statements"),
        ("SELECT 1; SELECT 2", "several statements"),
        ("SELECT * FROM t FOR UPDATE", "locks rows"),
        ("select * from t for share", "locks rows"),
        ("SELECT * FROM t LOCK IN SHARE MODE", "locks rows"),
        ("SELECT * INTO OUTFILE '/tmp/x' FROM t", "INTO"),
        ("SELECT a INTO @v FROM t", "INTO"),
        ("SELECT NEXTVAL(s)", "NEXTVAL"),
        ("SELECT NEXT VALUE FOR s", "sequence"),
        ("SELECT GET_LOCK('x', 1)", "GET_LOCK"),
        ("WITH x AS (SELECT 1) DELETE FROM t", "WITH clause"),
        ("EXPLAIN ANALYZE SELECT 1", "EXPLAIN ANALYZE"),
        ("EXPLAIN ANALYZE INSERT INTO t SELECT 1", "EXPLAIN ANALYZE"),
        ("EXPLAIN INSERT INTO t VALUES (1)", "only queries"),
        ("SET GLOBAL query_timeout = 1", "GLOBAL"),
        ("set global max_connections = 1", "GLOBAL"),
        ("SET @@global.max_connections = 1", "not a session variable"),
        ("SET @@persist.max_connections = 1", "not a session variable"),
        ("SET PERSIST max_connections = 1", "PERSIST"),
        ("SET query_timeout = 1, GLOBAL max_connections = 1", "GLOBAL"),
        ("SET PASSWORD = PASSWORD('x')", "PASSWORD"),
        ("SET PASSWORD FOR 'u' = 'x'", "PASSWORD"),
        ("SET ROLE admin", "roles"),
        ("SET DEFAULT ROLE admin TO u", "roles"),
        ("SET PROPERTY FOR 'u' 'max_user_connections' = '1'", "PROPERTY"),
        ("SET STATEMENT max_statement_time = 1 FOR DELETE FROM t", "runs another statement"),
        ("SET TRANSACTION ISOLATION LEVEL READ COMMITTED", "TRANSACTION"),
        ("/*!50000 DROP TABLE t */", "executable comments"),
        ("SELECT 1 /*! , SLEEP(1) */", "executable comments"),
        ("SELECT 'unterminated", "unterminated"),
        ("SELECT 1 /* open", "unterminated"),
        ("", "empty"),
        ("  ;  -- nothing", "empty"),
        ("LOAD DATA INFILE 'x' INTO TABLE t", "LOAD"),
        ("SUBMIT TASK AS INSERT INTO t SELECT 1", "SUBMIT"),
        ("HELP 'x'", "HELP"),
        // Under NO_BACKSLASH_ESCAPES the string ends at \' and a second statement follows.
        ("SELECT 'a\\' ; DROP TABLE t; -- '", "several statements"),
    ]

    @Test(arguments: refused)
    func refuses(_ sql: String, _ reason: String) {
        guard case .refused(let actual) = ReadOnlyGuard.verdict(for: sql) else {
            Issue.record("allowed: \(sql)")
            return
        }
        #expect(actual.contains(reason), "reason was: \(actual)")
    }

    @Test func checkThrowsANamedErrorWithoutLiterals() {
        #expect {
            try ReadOnlyGuard.check("SET PASSWORD FOR 'u' = 'n3w-s3cret'", environment: "prod")
        } throws: { error in
            let text = "\(error)"
            guard case ClientError.readOnlyViolation = error else { return false }
            return text.contains("environment 'prod'") && text.contains("not read-only") && !text.contains("n3w-s3cret")
        }
    }
}
