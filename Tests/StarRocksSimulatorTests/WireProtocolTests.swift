import Foundation
import StarRocksSimulator
import Testing

/// The simulator over a real socket, driven by the real `mariadb` command-line client (libmariadb's protocol
/// implementation): handshake, authentication, result sets, errors and fault injection.
@Suite(.serialized) struct WireProtocolTests {
    static let password = "s1mulat0r-secret"

    func started(_ options: SimulatorOptions = SimulatorOptions(user: "drift", password: WireProtocolTests.password))
        throws -> (Simulator, UInt16) {
        let simulator = Simulator(catalog: TestCatalogs.small, options: options)
        return (simulator, try simulator.start())
    }

    @Test func handshakeAndQueryWithTheRightPassword() throws {
        let (simulator, port) = try started()
        defer { simulator.stop() }
        let output = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             "SELECT current_version()"))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "current_version()\n3.3.2\n")
        // The mariadb client's own start-up statements were answered too.
        #expect(simulator.statementLog.contains("SELECT current_version()"))
    }

    @Test func wrongPasswordAndWrongUserGetError1045() throws {
        let (simulator, port) = try started()
        defer { simulator.stop() }
        let wrong = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: "nope", "SELECT 1"))
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("ERROR 1045 (28000)"))
        #expect(wrong.stderr.contains("Access denied for user 'drift' (using password: YES)"))
        #expect(!wrong.stderr.contains(Self.password))
        let none = try #require(try MariaDBCommandLine.run(port: port, user: "drift", "SELECT 1"))
        #expect(none.stderr.contains("(using password: NO)"))
        let stranger = try #require(try MariaDBCommandLine.run(port: port, user: "other", password: Self.password,
                                                               "SELECT 1"))
        #expect(stranger.stderr.contains("ERROR 1045 (28000)"))
        #expect(simulator.statementLog.isEmpty)
    }

    @Test func resultSetsArriveIntactIncludingNullsAndMultiLineText() throws {
        let (simulator, port) = try started()
        defer { simulator.stop() }
        let create = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             database: "analytics", "SHOW CREATE TABLE t"))
        #expect(create.status == 0, "\(create.stderr)")
        let text = TestCatalogs.corpusText("001_test_alter_table_t").trimmingCharacters(in: .newlines)
        #expect(create.stdout == "Table\tCreate Table\nt\t\(text)\n")
        let alter = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                            "SHOW ALTER TABLE COLUMN FROM analytics"))
        let lines = alter.stdout.split(separator: "\n").map(String.init)
        let header: String = "JobId\tTableName\tCreateTime\tFinishTime\tIndexName\tIndexId\tOriginIndexId\t"
            + "SchemaVersion\tTransactionId\tState\tMsg\tProgress\tTimeout"
        #expect(lines.first == header, "\(Array((lines.first ?? "").utf8)) vs \(Array(header.utf8))")
        #expect(lines.count == 2)
        #expect(lines.last?.split(separator: "\t", omittingEmptySubsequences: false)[3] == "NULL")
        let full = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                           "SHOW FULL TABLES FROM analytics"))
        #expect(full.stdout == "Tables_in_analytics\tTable_type\nmv1\tVIEW\nt\tBASE TABLE\ntest_view\tVIEW\n")
    }

    @Test func unknownDatabaseAtConnectIsRefused() throws {
        let (simulator, port) = try started()
        defer { simulator.stop() }
        let output = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             database: "nowhere", "SELECT 1"))
        #expect(output.status != 0)
        #expect(output.stderr.contains("ERROR 1049 (42000)"))
    }

    @Test func writesAreRejectedOverTheWireAndLogged() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sim-log-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: log) }
        let (simulator, port) = try started(SimulatorOptions(user: "drift", password: Self.password,
                                                             logFile: log.path))
        defer { simulator.stop() }
        let output = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             "DROP TABLE analytics.t"))
        #expect(output.status != 0)
        #expect(output.stderr.contains("ERROR 1064 (HY000)"))
        #expect(output.stderr.contains("read-only"))
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.split(separator: "\n").contains("DROP TABLE analytics.t"))
        #expect(!logged.contains(Self.password))
    }

    @Test func denyPatternGivesError1227() throws {
        let (simulator, port) = try started(SimulatorOptions(user: "drift", password: Self.password,
                                                             denyPattern: "^SHOW BACKENDS"))
        defer { simulator.stop() }
        let output = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             "SHOW BACKENDS"))
        #expect(output.status != 0)
        #expect(output.stderr.contains("ERROR 1227 (42000)"))
        #expect(output.stderr.contains("Access denied; you need (at least one of) the OPERATE privilege(s) on SYSTEM"))
        let allowed = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                              "SHOW DATABASES"))
        #expect(allowed.status == 0)
    }

    @Test func dropAfterClosesTheConnection() throws {
        let (simulator, port) = try started(SimulatorOptions(user: "drift", password: Self.password,
                                                             dropAfterStatements: 0))
        defer { simulator.stop() }
        let output = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             "SHOW DATABASES"))
        #expect(output.status != 0)
        #expect(output.stderr.contains("ERROR 2013") || output.stderr.contains("ERROR 2006"), "\(output.stderr)")
    }

    @Test func stopClosesTheListener() throws {
        let (simulator, port) = try started()
        simulator.stop()
        let output = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             "SELECT 1"))
        #expect(output.status != 0)
        #expect(output.stderr.contains("ERROR 2002") || output.stderr.contains("ERROR 2013"), "\(output.stderr)")
    }
}
