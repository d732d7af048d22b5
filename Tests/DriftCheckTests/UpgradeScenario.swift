import Foundation
@testable import DriftCheck

/// An `upgrade` scenario on disk: a small history with two schema-change ALTERs on one table in consecutive
/// revisions, a `starrocks-sim --writable` with a reader and a writer user, and environment files.
final class UpgradeScenario: @unchecked Sendable {
    static let writerPassword = "wr1ter-Pa55word-for-tests"
    static let writerVariable = "DRIFT_E2E_WRITER_PASSWORD"

    let base: CheckScenario
    var port = 0
    var log: URL { base.root.appendingPathComponent("sim-up.log") }

    /// The history: 0001 creates two tables, 0002 widens a column (a job), 0003 changes the sort key of the same
    /// table (a second job: it must wait for the first) and adds a column to the other table.
    static let migrations: [(String, String)] = [
        ("0001_tables.sql", """
        -- revision: 0001
        -- down_revision: none
        -- message: events and users
        CREATE TABLE events (
          id BIGINT NOT NULL,
          d DATE NOT NULL,
          kind VARCHAR(20)
        )
        DUPLICATE KEY(id, d)
        DISTRIBUTED BY HASH(id)
        PROPERTIES ("replication_num" = "${replication_num}");
        CREATE TABLE users (
          id BIGINT NOT NULL,
          name VARCHAR(50)
        )
        PRIMARY KEY(id)
        DISTRIBUTED BY HASH(id)
        PROPERTIES ("replication_num" = "${replication_num}");
        """),
        ("0002_widen_kind.sql", """
        -- revision: 0002
        -- down_revision: 0001
        -- message: widen kind
        ALTER TABLE events MODIFY COLUMN kind VARCHAR(40);
        """),
        ("0003_sort_key.sql", """
        -- revision: 0003
        -- down_revision: 0002
        -- message: sort events by day, add users.email
        ALTER TABLE events ORDER BY (d, id);
        ALTER TABLE users ADD COLUMN email VARCHAR(100);
        """),
    ]

    init() throws {
        base = try CheckScenario()
        for file in try FileManager.default.contentsOfDirectory(at: base.migrations, includingPropertiesForKeys: nil) {
            try FileManager.default.removeItem(at: file)
        }
        for (name, text) in Self.migrations {
            try text.write(to: base.migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// Starts a writable simulator (empty `analytics` unless `objects` are given).
    func start(objects: [String: String] = [:], revision: String? = nil, backends: Int = 1, jobMilliseconds: Int = 1500,
               extra: [String] = []) throws {
        port = try base.startSimulator(
            name: "up", objects: objects, revision: revision, backends: backends,
            extraArguments: ["--writable", "--job-ms", String(jobMilliseconds), "--writer", "drift_writer",
                             "--writer-password-env", Self.writerVariable] + extra,
            environment: [Self.writerVariable: Self.writerPassword])
    }

    /// Writes `environments/dev.yaml`; `upgrade` is the block's body (nil: no block).
    func writeEnvironment(replication: String = "1", upgrade: String? = """
          allowed: true
          user: drift_writer
          password_env: DRIFT_E2E_WRITER_PASSWORD
          job_timeout_s: 60
        """) throws {
        try base.writeEnvironment(name: "dev", port: port, replication: replication, backends: 1,
                                  notify: upgrade.map { "upgrade:\n" + $0 } ?? "")
    }

    /// Runs `starrocks-drift upgrade --env dev` with both passwords in the environment.
    func upgrade(_ extra: [String] = ["--yes"]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["upgrade", "--env", "dev", "--environments", base.environments.path,
                              "--migrations", base.migrations.path] + extra,
                             environment: [CheckScenario.passwordVariable: CheckScenario.password,
                                           Self.writerVariable: Self.writerPassword])
    }

    /// `check` of the environment.
    func check() throws -> BinaryRunner.Output {
        try base.check(["--no-notify"])
    }

    /// The simulator's statement log, one statement per line.
    func statements() throws -> [String] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// Log lines that change the server.
    func writes() throws -> [String] {
        try statements().filter { line in
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            return ["CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE"].contains(verb)
        }
    }

    func finish() { base.finish() }
}
