import Foundation
import StarRocksClient
import Testing

/// These tests need a real MariaDB server on 127.0.0.1:33306; they start one with scripts/mariadb-test-server.sh
/// (apt-get install mariadb-server mariadb-client first).
@Suite("StarRocksClient against a real MariaDB (needs mariadb-server; started by scripts/mariadb-test-server.sh)",
       .serialized)
struct MariaDBConnectionTests {
    @Test func connectAndQuery() async throws {
        let connection = try await MariaDBTestServer.connect()
        let result = try await connection.query("SELECT 1 AS one, 'two' AS two, DATABASE() AS db")
        #expect(result.columns == ["one", "two", "db"])
        #expect(result.rows == [["1", "two", MariaDBTestServer.database]])
        #expect(result.value(0, "TWO") == "two")
        #expect(connection.serverVersion?.contains("MariaDB") == true)
        #expect(connection.statementsSent == 1)
        let empty = try await connection.query("SET @x = 1")
        #expect(empty.columns.isEmpty && empty.rows.isEmpty)
        #expect(connection.statementsSent == 2)
        await connection.close()
    }

    @Test func wrongPasswordIsAnAuthenticationError() async throws {
        try MariaDBTestServer.script("start", port: MariaDBTestServer.port)
        let wrong = "not-the-pw-7Q9"
        await #expect {
            _ = try await Connection.open(MariaDBTestServer.options(password: Secret(wrong)))
        } throws: { error in
            guard let error = error as? ClientError, case .authenticationFailed = error else { return false }
            let text = "\(error)"
            return error.errno == 1045 && text.contains("password_env") && text.contains("mariadb-test")
                && !text.contains(wrong) && !text.contains("drift-test-pw")
        }
    }

    @Test func wrongPortIsRefusedQuickly() async throws {
        // A refused connection fails at once instead of waiting out the connect timeout: with a 30 s timeout, an
        // answer well under it shows that (not a speed goal; the margin is for a loaded machine running the suite in
        // parallel).
        var options = MariaDBTestServer.options(port: 1)
        options.connectTimeoutSeconds = 30
        let started = Date()
        await #expect {
            _ = try await Connection.open(options)
        } throws: { error in
            guard let error = error as? ClientError, case .connectionRefused = error else { return false }
            return "\(error)".contains("127.0.0.1:1") && error.isUnreachable
        }
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func unknownHost() async throws {
        var options = MariaDBTestServer.options()
        options.host = "no-such-host.invalid"
        await #expect {
            _ = try await Connection.open(options)
        } throws: { error in
            guard let error = error as? ClientError, case .unknownHost = error else { return false }
            return "\(error)".contains("no-such-host.invalid")
        }
    }

    @Test func silentServerIsAConnectTimeout() async throws {
        let listener = try SilentListener()
        var options = MariaDBTestServer.options(port: listener.port)
        options.connectTimeoutSeconds = 1
        let started = Date()
        await #expect {
            _ = try await Connection.open(options)
        } throws: { error in
            guard let error = error as? ClientError, case .timeout(.connect, 1, _, nil, _) = error else {
                Issue.record("unexpected: \(error)")
                return false
            }
            return "\(error)".contains("connect_timeout_s") && error.isUnreachable
        }
        #expect(Date().timeIntervalSince(started) < 5)
        withExtendedLifetime(listener) {}
    }

    @Test func readTimeoutIsATimeoutAndNotRetried() async throws {
        let connection = try await MariaDBTestServer.connect(readTimeout: 1)
        let started = Date()
        await #expect {
            _ = try await connection.query("SELECT SLEEP(30)")
        } throws: { error in
            guard let error = error as? ClientError, case .timeout(.read, 1, _, _, _) = error else { return false }
            return "\(error)".contains("read_timeout_s") && "\(error)".contains("SLEEP(30)")
        }
        // Not a speed goal: the bound proves the 1 s read timeout ended the wait long before the 30 s SLEEP did
        // (libmariadb itself tries a read up to three times, so about 3 s; the margin is for a loaded machine running
        // the suite in parallel). That the statement was not sent again is what `statementsSent` shows.
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(connection.statementsSent == 1)
        // The connection is usable again afterwards (it reconnects for the next statement).
        let after = try await connection.query("SELECT 42")
        #expect(after.rows == [["42"]])
        await connection.close()
    }

    @Test func defaultCatalogCostsNoStatement() async throws {
        try MariaDBTestServer.script("start", port: MariaDBTestServer.port)
        var options = MariaDBTestServer.options()
        options.catalog = ConnectionOptions.defaultCatalog
        let connection = try await Connection.open(options)
        #expect(connection.statementsSent == 0)
        #expect(try await connection.query("SELECT DATABASE()").rows == [[MariaDBTestServer.database]])
        await connection.close()
    }

    @Test func otherCatalogIsSelectedWithUseAndItsFailureNamesTheStatement() async throws {
        try MariaDBTestServer.script("start", port: MariaDBTestServer.port)
        var options = MariaDBTestServer.options()
        options.catalog = "hive_catalog"
        // MariaDB has no catalogs, so it rejects the USE; StarRocks accepts it.
        await #expect {
            _ = try await Connection.open(options)
        } throws: { error in
            guard let error = error as? ClientError, case .server(_, _, _, let statement, _) = error else { return false }
            return statement == "USE `hive_catalog`.`drift_test`"
        }
    }

    @Test func serverErrorKeepsErrnoSQLStateAndStatement() async throws {
        let connection = try await MariaDBTestServer.connect()
        await #expect {
            _ = try await connection.query("SELECT * FROM no_such_table_here")
        } throws: { error in
            guard let error = error as? ClientError, case .server(1146, "42S02", _, _, "mariadb-test") = error
            else { return false }
            return "\(error)".contains("no_such_table_here") && error.sqlState == "42S02"
        }
        await connection.close()
    }

    @Test func lostConnectionIsRetriedOnAFreshSession() async throws {
        let victim = try await MariaDBTestServer.connect()
        let killer = try await MariaDBTestServer.connect()
        let before = try #require(victim.connectionID)
        _ = try await killer.query("SELECT 1")
        // KILL is refused by the guard, so the killer kills through the server's own admin tool instead.
        let admin = try Command.run(["mariadb-admin", "--no-defaults", "--protocol=tcp", "-h", "127.0.0.1",
                                     "-P", String(MariaDBTestServer.port), "-u", MariaDBTestServer.user,
                                     "-pdrift-test-pw", "kill", String(before)])
        #expect(admin.status == 0, "\(admin.output)")
        let result = try await victim.query("SELECT 7")
        #expect(result.rows == [["7"]])
        #expect(victim.reconnects == 1)
        #expect(victim.connectionID != before)
        await victim.close()
        await killer.close()
    }

    @Test func serverKilledMidQueryIsALostConnection() async throws {
        let port = MariaDBTestServer.crashPort
        try MariaDBTestServer.script("start", port: port)
        var options = MariaDBTestServer.options(port: port)
        options.maxRetries = 1
        options.retryBackoffMilliseconds = 50
        let connection = try await Connection.open(options)
        let pid = try MariaDBTestServer.script("pid", port: port).trimmingCharacters(in: .whitespacesAndNewlines)
        let pidNumber = try #require(Int32(pid))
        let started = Date()
        let outcome = Task { try await connection.query("SELECT SLEEP(30)") }
        try await Task.sleep(for: .milliseconds(700))
        #expect(kill(pidNumber, SIGKILL) == 0)
        await #expect {
            _ = try await outcome.value
        } throws: { error in
            guard let error = error as? ClientError, case .lostConnection(2013, _, _, let detail, 2, _) = error
            else { return false }
            return detail.contains("reconnecting failed") && "\(error)".contains("SLEEP(30)")
        }
        #expect(Date().timeIntervalSince(started) < 10)
        await connection.close()
        try MariaDBTestServer.script("stop", port: port)
    }

    @Test func hundredThousandRows() async throws {
        let connection = try await MariaDBTestServer.connect()
        // MariaDB stops recursive CTEs after 1000 rounds by default; a session variable lifts that.
        _ = try await connection.query("SET SESSION max_recursive_iterations = 200000")
        let result = try await connection.query("""
            WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 100000)
            SELECT n, CONCAT('row-', n) AS label, IF(n % 10 = 0, NULL, n * 2) AS twice FROM seq
            """)
        #expect(result.rows.count == 100_000)
        var mismatches = 0
        for (index, row) in result.rows.enumerated() {
            let n = index + 1
            let twice: String? = n % 10 == 0 ? nil : String(n * 2)
            if row != [String(n), "row-\(n)", twice] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        await connection.close()
    }

    @Test func unicodeIdentifiersAndValues() async throws {
        let connection = try await MariaDBTestServer.connect()
        // MariaDB identifiers are limited to the Basic Multilingual Plane, so emoji appear only in values.
        let table = "таблица_ключей_\(UInt16.random(in: 0...UInt16.max))"
        try await setUp(connection, ["CREATE TABLE `\(table)` (`名前` VARCHAR(50), `ключ` INT) CHARACTER SET utf8mb4"])
        try await setUp(connection, ["INSERT INTO `\(table)` VALUES ('😀 émoji ✓', 1), ('中文', 2)"])
        let result = try await connection.query("SELECT `名前`, `ключ` FROM `\(table)` ORDER BY `ключ`")
        #expect(result.columns == ["名前", "ключ"])
        #expect(result.rows == [["😀 émoji ✓", "1"], ["中文", "2"]])
        let listed = try await connection.query("SHOW TABLES LIKE 'таблица_ключей_%'")
        #expect(listed.rows.contains([table]))
        try await setUp(connection, ["DROP TABLE `\(table)`"])
        await connection.close()
    }

    @Test func nullIsDistinctFromEmpty() async throws {
        let connection = try await MariaDBTestServer.connect()
        let result = try await connection.query("SELECT NULL AS a, '' AS b, 'NULL' AS c")
        #expect(result.rows == [[nil, "", "NULL"]])
        let bytes = try await connection.queryBytes("SELECT NULL, ''")
        #expect(bytes.rows == [[nil, []]])
        await connection.close()
    }

    @Test func binaryValuesWithEmbeddedNUL() async throws {
        let connection = try await MariaDBTestServer.connect()
        let bytes = try await connection.queryBytes("SELECT X'00FF00', CONCAT('a', CHAR(0), 'b'), X''")
        #expect(bytes.rows == [[[0x00, 0xFF, 0x00], [0x61, 0x00, 0x62], []]])
        let text = try await connection.query("SELECT CONCAT('a', CHAR(0), 'b')")
        #expect(text.rows == [["a\u{0}b"]])
        #expect(text.rows[0][0]?.utf8.count == 3)
        await connection.close()
    }

    @Test func refusedStatementsNeverReachTheServer() async throws {
        let connection = try await MariaDBTestServer.connect()
        let marker = MariaDBTestServer.uniqueName("never_sent")
        let questions = "SHOW SESSION STATUS LIKE 'Questions'"
        let before = try await connection.query(questions)
        let sentBefore = connection.statementsSent
        for sql in ["DROP TABLE \(marker)", "SELECT 1; DROP TABLE \(marker)", "SET GLOBAL \(marker) = 1",
                    "SELECT * FROM \(marker) FOR UPDATE", "SET PASSWORD = '\(marker)'"] {
            await #expect(throws: ClientError.self) { _ = try await connection.query(sql) }
        }
        #expect(connection.statementsSent == sentBefore)
        let after = try await connection.query(questions)
        // Questions counts every statement the server received in this session: only the two SHOWs.
        let beforeCount = try #require(Int(before.value(0, "Value") ?? ""))
        let afterCount = try #require(Int(after.value(0, "Value") ?? ""))
        #expect(afterCount - beforeCount == 1)
        // The server's general log (enabled by the start script) never saw the marker.
        let log = URL(fileURLWithPath: MariaDBTestServer.directory + "/general.log")
        let logText = try String(contentsOf: log, encoding: .utf8)
        #expect(logText.contains("Questions"))
        #expect(!logText.contains(marker))
        await connection.close()
    }

    @Test func tlsRequiredFailsAgainstAPlainServer() async throws {
        try MariaDBTestServer.script("start", port: MariaDBTestServer.port)
        var options = MariaDBTestServer.options()
        options.tls = .required
        await #expect {
            _ = try await Connection.open(options)
        } throws: { error in
            guard let error = error as? ClientError, case .tls = error else { return false }
            return "\(error)".contains("tls")
        }
        options.tls = .verifyCA
        options.caFile = "/nonexistent/ca.pem"
        await #expect {
            _ = try await Connection.open(options)
        } throws: { error in
            guard let error = error as? ClientError, case .tls = error else { return false }
            return error.isUnreachable
        }
        options.tls = .preferred
        options.caFile = nil
        let connection = try await Connection.open(options)
        #expect(connection.tlsCipher == nil)
        #expect(try await connection.query("SELECT 1").rows == [["1"]])
        await connection.close()
    }

    @Test func poolRunsConcurrentlyWithinItsBound() async throws {
        try MariaDBTestServer.script("start", port: MariaDBTestServer.port)
        let pool = ConnectionPool(options: MariaDBTestServer.options(), size: 4)
        try await pool.warmUp()
        let values = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for n in 0..<40 {
                group.addTask { (n, try await pool.query("SELECT \(n) * 3").rows.first?.first ?? nil) }
            }
            var values: [Int: String?] = [:]
            for try await (n, value) in group { values[n] = value }
            return values
        }
        #expect(values.count == 40)
        #expect(values.allSatisfy { $0.value == String($0.key * 3) })
        #expect(pool.openConnections <= 4)
        #expect(pool.statementsSent == 40)
        await #expect(throws: ClientError.self) { _ = try await pool.query("DELETE FROM t") }
        #expect(pool.statementsSent == 40)
        await pool.close()
        await #expect(throws: ClientError.self) { _ = try await pool.query("SELECT 1") }
    }

    @Test func poolWithBadCredentialsFailsEveryCaller() async throws {
        try MariaDBTestServer.script("start", port: MariaDBTestServer.port)
        let pool = ConnectionPool(options: MariaDBTestServer.options(password: Secret("wrong")), size: 2)
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    do { _ = try await pool.query("SELECT 1"); return false } catch { return error is ClientError }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 6)
        await pool.close()
    }

    /// Test set-up writes through the mariadb command-line client, since `Connection` refuses every write.
    private func setUp(_ connection: Connection, _ statements: [String]) async throws {
        let outcome = try Command.run(["mariadb", "--no-defaults", "--protocol=tcp", "-h", "127.0.0.1",
                                       "-P", String(MariaDBTestServer.port), "-u", MariaDBTestServer.user,
                                       "-pdrift-test-pw", "--default-character-set=utf8mb4", MariaDBTestServer.database,
                                       "-e", statements.joined(separator: ";\n")])
        #expect(outcome.status == 0, "set-up failed: \(outcome.output)")
    }
}
