import Foundation
import StarRocksClient
import StarRocksSimulator
import Testing

/// The simulator through the project's own libmariadb client (`Connection`): what starrocks-drift will see.
@Suite struct ProjectClientTests {
    static let password = "client-test-password"

    func options(port: UInt16, password: String) -> ConnectionOptions {
        ConnectionOptions(host: "127.0.0.1", port: Int(port), user: "drift", password: Secret(password),
                          database: "analytics", connectTimeoutSeconds: 5, readTimeoutSeconds: 5, tls: .preferred,
                          environment: "sim", maxRetries: 0)
    }

    @Test func connectsWithTlsPreferredAndReadsResultSets() async throws {
        let simulator = Simulator(catalog: TestCatalogs.small,
                                  options: SimulatorOptions(user: "drift", password: Self.password))
        let port = try simulator.start()
        defer { simulator.stop() }
        let connection = try await Connection.open(options(port: port, password: Self.password))
        let tables = try await connection.query("SHOW FULL TABLES FROM `analytics`")
        #expect(tables.columns == ["Tables_in_analytics", "Table_type"])
        #expect(tables.rows == [["mv1", "VIEW"], ["t", "BASE TABLE"], ["test_view", "VIEW"]])
        let alter = try await connection.query("SHOW ALTER TABLE COLUMN")
        #expect(alter.value(0, "FinishTime") == nil)
        #expect(alter.rows.first?[3] == nil)
        #expect(alter.value(0, "Msg") == "")
        let create = try await connection.query("SHOW CREATE TABLE t")
        #expect(create.value(0, "Create Table") == TestCatalogs.corpusText("001_test_alter_table_t")
            .trimmingCharacters(in: .newlines))
        await connection.close()
    }

    @Test func wrongPasswordIsAnAuthenticationError() async throws {
        let simulator = Simulator(catalog: TestCatalogs.small,
                                  options: SimulatorOptions(user: "drift", password: Self.password))
        let port = try simulator.start()
        defer { simulator.stop() }
        do {
            _ = try await Connection.open(options(port: port, password: "wrong"))
            Issue.record("a wrong password must be refused")
        } catch let error as ClientError {
            #expect(error.errno == 1045)
            #expect(!"\(error)".contains(Self.password))
            #expect(!"\(error)".contains("wrong"))
        }
    }

    @Test func serverErrorsKeepNumberAndState() async throws {
        let simulator = Simulator(catalog: TestCatalogs.small,
                                  options: SimulatorOptions(user: "drift", password: Self.password,
                                                            denyPattern: "alembic_version"))
        let port = try simulator.start()
        defer { simulator.stop() }
        let connection = try await Connection.open(options(port: port, password: Self.password))
        do {
            _ = try await connection.query("SELECT version_num FROM alembic_version")
            Issue.record("the deny pattern must refuse the statement")
        } catch let error as ClientError {
            #expect(error.errno == 1227)
            #expect(error.sqlState == "42000")
            #expect(error.isPrivilegeMissing)
        }
        do {
            _ = try await connection.query("SELECT x FROM analytics.nope")
            Issue.record("an unknown table must be an error")
        } catch let error as ClientError {
            #expect(error.errno == 1064)
            #expect("\(error)".contains("Unknown table 'analytics.nope'"))
        }
        await connection.close()
    }
}
