import Foundation
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// `upgrade` end to end: the built binary against `starrocks-sim --writable` (a simulator, not StarRocks).
@Suite("upgrade (binary, writable simulator)", .serialized)
struct UpgradeEndToEndTests {
    /// The server as at revision 0001, printed the way the server prints it, optionally with a hand-made column.
    static func objectsAt0001(handMadeColumn: Bool = false) -> [String: String] {
        let extra = handMadeColumn ? ",\n  `debug` boolean NULL COMMENT \"\"" : ""
        return [
            "events": """
            CREATE TABLE `events` (
              `id` bigint(20) NOT NULL COMMENT "",
              `d` date NOT NULL COMMENT "",
              `kind` varchar(20) NULL COMMENT ""\(extra)
            ) ENGINE=OLAP 
            DUPLICATE KEY(`id`, `d`)
            DISTRIBUTED BY HASH(`id`)
            PROPERTIES (
            "compression" = "LZ4",
            "fast_schema_evolution" = "true",
            "replicated_storage" = "true",
            "replication_num" = "1"
            );
            """,
            "users": """
            CREATE TABLE `users` (
              `id` bigint(20) NOT NULL COMMENT "",
              `name` varchar(50) NULL COMMENT ""
            ) ENGINE=OLAP 
            PRIMARY KEY(`id`)
            DISTRIBUTED BY HASH(`id`)
            PROPERTIES (
            "compression" = "LZ4",
            "enable_persistent_index" = "true",
            "fast_schema_evolution" = "true",
            "replicated_storage" = "true",
            "replication_num" = "1"
            );
            """,
            "alembic_version": DemoCatalogs.alembicVersion(replication: "1"),
        ]
    }

    @Test func emptyDatabaseUpgradedToHeadWaitsForEachJobAndChecksClean() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start(jobMilliseconds: 1500)
        try s.writeEnvironment()
        let out = try s.upgrade()
        #expect(out.status == 0, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("3 revision(s) applied"))
        #expect(out.stderr.contains("waiting for schema-change job"))
        let log = try s.statements()
        #expect(log.contains("-- login: drift_writer"))
        let modify = try #require(log.firstIndex { $0.hasPrefix("ALTER TABLE events MODIFY COLUMN") })
        let orderBy = try #require(log.firstIndex { $0.hasPrefix("ALTER TABLE events ORDER BY") })
        let polls = log[modify..<orderBy].filter { $0.hasPrefix("SHOW ALTER TABLE COLUMN") }
        #expect(polls.count >= 2, "the second ALTER on events waits for the first job: \(polls)")
        #expect(!out.stdout.contains("in progress") && !out.stderr.contains("in progress"))
        // The version table holds the head, in the dialect's form created by upgrade.
        #expect(log.contains { $0.hasPrefix("CREATE TABLE IF NOT EXISTS `analytics`.`alembic_version`") })
        #expect(log.contains { $0.contains("SET `version_num` = '0003' WHERE `version_num` = '0002'") })
        let check = try s.check()
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
        #expect(try s.base.environment("dev")["revision"] as? String == "0003")
        // Running again finds nothing to do.
        let again = try s.upgrade()
        #expect(again.status == 0)
        #expect(again.stdout.contains("already at 0003"))
        // --to an earlier revision: nothing to do, and the line names where the environment really is.
        let past = try s.upgrade(["--yes", "--to", "0001"])
        #expect(past.status == 0)
        #expect(past.stdout.hasPrefix("upgrade dev: already at 0003, at or past the target 0001; nothing to do"), "\(past.stdout)")
    }

    @Test func rejectedStatementStopsHalfAppliedAndASecondRunResumes() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start(jobMilliseconds: 300, extra: ["--fail-statement", "ADD COLUMN email", "--fail-count", "1"])
        try s.writeEnvironment()
        let summary = s.base.root.appendingPathComponent("upgrade.json")
        let first = try s.upgrade(["--yes", "--json", summary.path])
        #expect(first.status == 1, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stdout.contains("revision 0003 is HALF-APPLIED"))
        #expect(first.stdout.contains("[ran] ") && first.stdout.contains("[failed] "))
        #expect(first.stdout.contains("0003_sort_key.sql:4") && first.stdout.contains("0003_sort_key.sql:5"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        #expect(json["status"] as? String == "stopped")
        #expect(json["end_revision"] as? String == "0002")
        let revisions = try #require(json["revisions"] as? [[String: Any]])
        let third = try #require(revisions.first { $0["revision"] as? String == "0003" })
        #expect(third["status"] as? String == "half_applied")
        let statuses = (third["statements"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        #expect(statuses == ["ran", "failed"])

        let second = try s.upgrade(["--yes", "--json", summary.path])
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("[already_applied] "))
        let orderBys = try s.statements().filter { $0.hasPrefix("ALTER TABLE events ORDER BY") }
        #expect(orderBys.count == 1, "the statement already on the server is not sent again")
        let check = try s.check()
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
    }

    @Test func dryRunSendsNoWriteAndShowsTheWaits() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment()
        let out = try s.upgrade(["--dry-run"])
        #expect(out.status == 0, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("dry run, nothing written"))
        #expect(out.stdout.contains("[would_run] "))
        #expect(out.stdout.contains("-- wait: analytics.events (SHOW ALTER TABLE COLUMN"))
        #expect(out.stdout.contains("[version] INSERT INTO `analytics`.`alembic_version`"))
        let writes = try s.writes()
        #expect(writes.isEmpty, "a dry run wrote: \(writes)")
    }

    /// `--json` into a folder that does not exist is refused before connecting: it was found only after the
    /// revisions had been applied, so a successful upgrade exited 2 ("refused or could not start").
    @Test func aJSONSummaryPathThatCannotBeWrittenIsRefusedBeforeAnyWrite() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment()
        let missing = s.base.root.appendingPathComponent("no-such-folder/upgrade.json").path
        let out = try s.upgrade(["--yes", "--json", missing])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--json \(missing): the folder"), "\(out.stderr)")
        #expect(try s.statements().isEmpty, "nothing may reach the server")
    }

    @Test func environmentWithoutUpgradeAllowedIsRefusedWithoutConnecting() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment(upgrade: nil)
        let out = try s.upgrade()
        #expect(out.status == 2)
        #expect(out.stdout.contains("upgrade is not allowed for environment dev"))
        let sent = try s.statements()
        #expect(sent.isEmpty, "nothing may reach the server: \(sent)")
        // Without --yes and without a terminal (CI) an allowed environment is refused too, before connecting.
        try s.writeEnvironment()
        let noYes = try s.upgrade([])
        #expect(noYes.status == 2)
        #expect(noYes.stderr.contains("pass --yes"))
        #expect(try s.statements().isEmpty)
    }

    @Test func replicationTrapIsRefusedBeforeAnyWrite() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start(backends: 1)
        try s.writeEnvironment(replication: "3")
        let out = try s.upgrade()
        #expect(out.status == 2, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("the replication trap"))
        #expect(out.stdout.contains("\"replication_num\" = \"3\" but dev has 1 alive backend(s)"))
        #expect(try s.writes().isEmpty)
    }

    @Test func unexplainedDriftOnTouchedObjectsIsRefusedUnlessForced() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start(objects: Self.objectsAt0001(handMadeColumn: true), revision: "0001")
        try s.writeEnvironment()
        let out = try s.upgrade()
        #expect(out.status == 2, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("drift no revision explains"))
        #expect(out.stdout.contains("analytics.events.debug"))
        #expect(try s.writes().isEmpty)
        let forced = try s.upgrade(["--yes", "--force"])
        #expect(forced.status == 0, "\(forced.stdout)\n\(forced.stderr)")
        // The version table without an id column cannot be UPDATEd on StarRocks: INSERT + DELETE instead.
        #expect(try s.statements().contains { $0.contains("DELETE FROM `analytics`.`alembic_version` WHERE `version_num` = '0001'") })
    }

    @Test func jobTimeoutStopsTheRun() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start(objects: Self.objectsAt0001(), revision: "0001", jobMilliseconds: 20_000)
        try s.writeEnvironment(upgrade: """
          allowed: true
          user: drift_writer
          password_env: DRIFT_E2E_WRITER_PASSWORD
          job_timeout_s: 1
        """)
        let out = try s.upgrade()
        #expect(out.status == 1, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("on analytics.events is still PENDING after 1 s (upgrade.job_timeout_s)"),
                "a 20 s job is PENDING for its first tenth, as FE jobs start: \(out.stdout)")
        #expect(out.stdout.contains("STOPPED at 0001"))
    }

    @Test func cancelledJobStopsWithTheJobsMessage() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start(objects: Self.objectsAt0001(), revision: "0001", jobMilliseconds: 200,
                    extra: ["--cancel-job", "MODIFY COLUMN kind"])
        try s.writeEnvironment()
        let out = try s.upgrade()
        #expect(out.status == 1, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("was CANCELLED: schema change task failed after try three times: starrocks-sim --cancel-job"))
        #expect(!(try s.statements()).contains { $0.contains("'0002'") }, "a cancelled revision is not recorded")
    }
}
