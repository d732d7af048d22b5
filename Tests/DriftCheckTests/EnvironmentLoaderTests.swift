import Foundation
import Testing
@testable import DriftCheck

@Suite("environment config loader")
struct EnvironmentLoaderTests {
    static let minimal = """
    connection:
      url: starrocks://reader@fe:9030/analytics
    """

    @Test func minimalFileTakesDefaults() throws {
        let config = try EnvironmentLoader.parse(yaml: Self.minimal, file: "env/dev.yaml", defaultName: "dev")
        #expect(config.name == "dev")
        #expect(config.databases == ["analytics"])
        #expect(config.versionTable == "alembic_version")
        #expect(config.failOn == .error)
        #expect(config.connection.connectTimeoutSeconds == 10)
        #expect(config.connection.tls == "preferred")
        #expect(config.connection.maxConnections == 8)
        #expect(config.notify.when == .drift)
    }

    @Test func maxConnectionsSizesTheReadersPool() throws {
        let yaml = "connection:\n  url: starrocks://r@fe:9030/db\n  max_connections: 16\n"
        let config = try EnvironmentLoader.parse(yaml: yaml, file: "x.yaml", defaultName: "x")
        #expect(config.connection.maxConnections == 16)
    }

    @Test func catalogQualifiedURLGivesDatabase() throws {
        let yaml = "connection:\n  url: starrocks://r@fe:9030/default_catalog.sales\n"
        let config = try EnvironmentLoader.parse(yaml: yaml, file: "x.yaml", defaultName: "x")
        #expect(config.databases == ["sales"])
    }

    @Test func shippedExamplesLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let configs = try EnvironmentLoader.loadAll(directory: root.appendingPathComponent("environments").path)
        #expect(configs.map(\.name) == ["dev", "prod"])
        #expect(configs[0].variables["replication_num"] == "1")
        #expect(configs[1].expect.properties["replication_num"] == "3")
        #expect(configs[1].expect.backends == 3)
    }

    struct BadCase: Sendable, CustomStringConvertible {
        let yaml: String
        let line: Int?
        let key: String?
        let fragment: String
        var description: String { fragment }
    }

    static let badCases: [BadCase] = [
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\ncolour: blue\n", line: 3, key: "colour", fragment: "unknown key 'colour'"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\n  pasword_env: X\n", line: 3, key: "connection.pasword_env", fragment: "unknown key"),
        BadCase(yaml: "name: dev\n", line: 1, key: "connection", fragment: "missing required key 'connection'"),
        BadCase(yaml: "connection:\n  password_env: X\n", line: 2, key: "connection.url", fragment: "missing required key 'url'"),
        BadCase(yaml: "connection:\n  url: starrocks://r:hunter2@fe:9030/db\n", line: 2, key: "connection.url", fragment: "contains a password"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\n  connect_timeout_s: soon\n", line: 3, key: "connection.connect_timeout_s", fragment: "positive whole number"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\n  max_connections: 0\n", line: 3, key: "connection.max_connections", fragment: "positive whole number"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\n  max_connections: 500\n", line: 3, key: "connection.max_connections", fragment: "max_user_connections"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\n  tls: maybe\n", line: 3, key: "connection.tls", fragment: "must be one of"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\ndatabases: analytics\n", line: 3, key: "databases", fragment: "expected a list"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nfail_on: panic\n", line: 3, key: "fail_on", fragment: "must be 'error' or 'warning'"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nnotify:\n  webhook_url: https://hooks.example/T0/SECRET\n", line: 4, key: "notify.webhook_url", fragment: "is a secret"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nnotify:\n  style: irc\n", line: 4, key: "notify.style", fragment: "slack, teams or generic"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030\n", line: 2, key: "databases", fragment: "no database to check"),
        BadCase(yaml: "connection: [\n", line: 2, key: nil, fragment: "invalid YAML"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nexpect:\n  backends: -1\n", line: 4, key: "expect.backends", fragment: "positive whole number"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nvariables:\n  replication_num: [1]\n", line: 4, key: "variables.replication_num", fragment: "single value"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nseverity:\n  column_coment: warning\n", line: 4, key: "severity.column_coment", fragment: "unknown finding kind 'column_coment'; did you mean column_"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nseverity:\n  column_comment: low\n", line: 4, key: "severity.column_comment", fragment: "must be error, warning, info or ignore"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nseverity: [column_comment]\n", line: 3, key: "severity", fragment: "must be a mapping"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nupgrade:\n  allowed: true\n  user: w\n  pasword_env: X\n", line: 6, key: "upgrade.pasword_env", fragment: "unknown key 'pasword_env'"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nupgrade:\n  allowed: sure\n  user: w\n", line: 4, key: "upgrade.allowed", fragment: "expected true or false"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nupgrade:\n  allowed: true\n", line: 4, key: "upgrade.user", fragment: "missing required key 'user'"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nupgrade:\n  user: w\n  job_timeout_s: 0\n", line: 5, key: "upgrade.job_timeout_s", fragment: "positive whole number"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nupgrade:\n  user: w\n  lock_timeout_s: soon\n", line: 5, key: "upgrade.lock_timeout_s", fragment: "positive whole number"),
        BadCase(yaml: "connection:\n  url: starrocks://r@fe:9030/db\nupgrade:\n  user: w\n  reconnect_timeout_s: -1\n", line: 5, key: "upgrade.reconnect_timeout_s", fragment: "positive whole number"),
    ]

    @Test func upgradeBlockIsReadAndAbsentMeansNotAllowed() throws {
        let yaml = Self.minimal + "\nupgrade:\n  allowed: true\n  user: drift_writer\n  password_env: WRITER_PW\n  job_timeout_s: 120\n"
        let config = try EnvironmentLoader.parse(yaml: yaml, file: "env/dev.yaml", defaultName: "dev")
        #expect(config.upgrade == UpgradeSettings(allowed: true, user: "drift_writer", passwordEnv: "WRITER_PW",
                                                  jobTimeoutSeconds: 120))
        let plain = try EnvironmentLoader.parse(yaml: Self.minimal, file: "env/dev.yaml", defaultName: "dev")
        #expect(plain.upgrade == nil)
        let defaults = try EnvironmentLoader.parse(yaml: Self.minimal + "\nupgrade:\n  user: w\n", file: "e.yaml", defaultName: "e")
        #expect(defaults.upgrade?.allowed == false)
        #expect(defaults.upgrade?.jobTimeoutSeconds == 3600)
        #expect(defaults.upgrade?.lockTimeoutSeconds == 7200)
        #expect(defaults.upgrade?.reconnectTimeoutSeconds == 120)
        let timeouts = try EnvironmentLoader.parse(
            yaml: Self.minimal + "\nupgrade:\n  user: w\n  lock_timeout_s: 600\n  reconnect_timeout_s: 30\n",
            file: "e.yaml", defaultName: "e")
        #expect(timeouts.upgrade?.lockTimeoutSeconds == 600)
        #expect(timeouts.upgrade?.reconnectTimeoutSeconds == 30)
    }

    @Test func severityMapOverridesKinds() throws {
        let yaml = Self.minimal + "\nseverity:\n  column_comment: warning\n  partition_window_ending: ignore\n"
        let config = try EnvironmentLoader.parse(yaml: yaml, file: "env/dev.yaml", defaultName: "dev")
        #expect(config.severity.levels[.columnComment] == .severity(.warning))
        #expect(config.severity.levels[.partitionWindowEnding] == .ignore)
        #expect(config.severity.levels.count == 2)
    }

    @Test(arguments: badCases)
    func badConfigNamesFileLineAndKey(_ bad: BadCase) {
        do {
            _ = try EnvironmentLoader.parse(yaml: bad.yaml, file: "environments/prod.yaml", defaultName: "prod")
            Issue.record("expected an error for: \(bad.fragment)")
        } catch let error as ConfigError {
            #expect(error.file == "environments/prod.yaml")
            #expect(error.line == bad.line, "\(error)")
            #expect(error.key == bad.key, "\(error)")
            #expect(error.description.contains(bad.fragment), "\(error)")
            #expect(error.description.hasPrefix("environments/prod.yaml"))
            #expect(!error.description.contains("hunter2"))
            #expect(!error.description.contains("SECRET"))
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func missingDirectoryIsAClearError() {
        #expect(throws: ConfigError.self) { try EnvironmentLoader.loadAll(directory: "/nonexistent/environments") }
    }

    @Test func duplicateNamesAcrossFilesAreRejected() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("envdup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name: prod\n\(Self.minimal)".write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "name: prod\n\(Self.minimal)".write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try EnvironmentLoader.loadAll(directory: dir.path)
            Issue.record("expected duplicate-name error")
        } catch let error as ConfigError {
            #expect(error.description.contains("also defined in"))
        }
    }
}
