import Foundation
import Testing

/// The executable's contract: exit codes, error texts, help.
@Suite("starrocks-drift command line (binary)")
struct CommandLineTests {
    let root = BinaryRunner.repositoryRoot

    @Test func helpStatesTheExitCodes() throws {
        let out = try BinaryRunner.run(["--help"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("0  checked, no drift"))
        #expect(out.stdout.contains("2  could not check"))
        for sub in ["check", "diff", "schema", "inspect", "history", "lint", "demo"] {
            #expect(out.stdout.contains(sub), "help lists \(sub)")
        }
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try BinaryRunner.run(["diff", "--expected", "x.sql"])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("--actual"))
        let unknown = try BinaryRunner.run(["frobnicate"])
        #expect(unknown.status == 2)
        let badLevel = try BinaryRunner.run(["check", "--fail-on", "panic"])
        #expect(badLevel.status == 2)
        // diff takes the same gate levels as check: info would fail on facts that are not drift.
        let infoGate = try BinaryRunner.run(["diff", "--expected", "a.sql", "--actual", "b.sql", "--fail-on", "info"])
        #expect(infoGate.status == 2 && infoGate.stderr.contains("--fail-on takes error or warning"), "\(infoGate.stderr)")
        // A models: source without MODULE:ATTR names what the user typed and the form it takes.
        let models = try BinaryRunner.run(["diff", "--expected", "models:", "--actual", "b.sql"])
        #expect(models.status == 2)
        #expect(models.stderr.contains("--expected models:: expected MODULE:ATTR after models:, e.g. --expected models:app.models:Base"),
                "\(models.stderr)")
    }

    @Test func diagnosticsFollowLogLevelAndLogFormat() throws {
        let out = root.appendingPathComponent(".build/log-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let demo = ["demo", "--out", out.path]
        let json = try BinaryRunner.run(demo + ["--log-format", "json"], currentDirectory: root)
        #expect(json.status == 0, "\(json.stderr)")
        let lines = json.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] as? String != nil && object?["message"] as? String != nil, "\(line)")
        }
        let quiet = try BinaryRunner.run(demo + ["--log-level", "error"], currentDirectory: root)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        let error = try BinaryRunner.run(["lint", "--migrations", "/nonexistent-migrations", "--log-format", "json"])
        #expect(error.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(error.stderr.split(separator: "\n").last.map(String.init)?.utf8 ?? "{}".utf8)) as? [String: Any]
        #expect(object?["level"] as? String == "error", "\(error.stderr)")
    }

    /// The README promises `--log-level` and `--log-format` on every subcommand; `upgrade` once lacked them (exit 2,
    /// "Unknown option '--log-level'") and wrote its progress past swift-log.
    @Test func everySubcommandTakesTheLogOptions() throws {
        for sub in ["check", "diff", "schema", "inspect", "history", "lint", "plan", "revision", "upgrade", "calibrate", "demo"] {
            let help = try BinaryRunner.run([sub, "--help"])
            #expect(help.status == 0 && help.stdout.contains("--log-level") && help.stdout.contains("--log-format"),
                    "\(sub) --help: \(help.stdout)")
        }
        let dir = try BinaryRunner.temporaryDirectory("upgrade-log-format")
        defer { try? FileManager.default.removeItem(at: dir) }
        let upgrade = try BinaryRunner.run(["upgrade", "--env", "nope", "--environments", dir.path, "--yes",
                                            "--log-format", "json", "--log-level", "warning"])
        #expect(upgrade.status == 2)
        let lines = upgrade.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(upgrade.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data((lines.last.map(String.init) ?? "{}").utf8)) as? [String: Any]
        #expect(object?["level"] as? String == "error", "\(upgrade.stderr)")
        #expect((object?["message"] as? String)?.contains("no environment files") == true, "\(upgrade.stderr)")
    }

    @Test func schemaPrintsTheExampleHistoryAtHead() throws {
        let out = try BinaryRunner.run(["schema", "--env", "prod"], currentDirectory: root)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("CREATE TABLE `events`"))
        #expect(out.stdout.contains("\"replication_num\" = \"3\""), "prod's variables fill ${replication_num}")
        let dev = try BinaryRunner.run(["schema", "--env", "dev"], currentDirectory: root)
        #expect(dev.stdout.contains("\"replication_num\" = \"1\""))
    }

    @Test func schemaAtAnUnknownRevisionExitsTwo() throws {
        let out = try BinaryRunner.run(["schema", "--revision", "deadbeef"], currentDirectory: root)
        #expect(out.status == 2)
        #expect(out.stderr.contains("unknown revision 'deadbeef'"))
    }

    @Test func historyListsRevisionsAndHead() throws {
        let out = try BinaryRunner.run(["history"], currentDirectory: root)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("head: "))
        #expect(out.stdout.contains("[head]"))
    }

    @Test func brokenHistoryExitsTwoNamingTheFiles() throws {
        let dir = try BinaryRunner.temporaryDirectory("history-heads")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "-- revision: a1\n-- down_revision: none\nCREATE TABLE t (k INT) DUPLICATE KEY(k);\n"
            .write(to: dir.appendingPathComponent("a1.sql"), atomically: true, encoding: .utf8)
        try "-- revision: b1\n-- down_revision: a1\nALTER TABLE t ADD COLUMN v INT;\n"
            .write(to: dir.appendingPathComponent("b1.sql"), atomically: true, encoding: .utf8)
        try "-- revision: c1\n-- down_revision: a1\nALTER TABLE t ADD COLUMN w INT;\n"
            .write(to: dir.appendingPathComponent("c1.sql"), atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["history", "--migrations", dir.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("b1.sql") && out.stderr.contains("c1.sql"), "\(out.stderr)")
    }

    @Test func lintIsCleanOnTheExampleAndFlagsHardCodedSettings() throws {
        let clean = try BinaryRunner.run(["lint"], currentDirectory: root)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let dir = try BinaryRunner.temporaryDirectory("lint")
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        -- revision: r1
        -- down_revision: none
        CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 8 PROPERTIES ("replication_num" = "3");
        """.write(to: dir.appendingPathComponent("r1.sql"), atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["lint", "--migrations", dir.path])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("r1.sql:3:"), "\(out.stdout)")
        #expect(out.stdout.contains("hard-coded-buckets"))
        #expect(out.stdout.contains("hard-coded-replication-num"))
    }

    @Test func unknownEnvironmentExitsTwoListingKnownOnes() throws {
        let out = try BinaryRunner.run(["check", "--env", "staging", "--out", NSTemporaryDirectory() + "/unused"],
                                       currentDirectory: root)
        #expect(out.status == 2)
        #expect(out.stderr.contains("unknown environment 'staging'"))
        #expect(out.stderr.contains("dev, prod"))
    }

    @Test func badConfigExitsTwoWithFileLineAndKey() throws {
        let dir = try BinaryRunner.temporaryDirectory("badenv")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "connection:\n  url: starrocks://r@127.0.0.1:1/db\n  tls: sometimes\n"
            .write(to: dir.appendingPathComponent("qa.yaml"), atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["check", "--environments", dir.path, "--migrations",
                                        root.appendingPathComponent("migrations").path,
                                        "--out", dir.appendingPathComponent("out").path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("qa.yaml:3:"), "\(out.stderr)")
        #expect(out.stderr.contains("connection.tls"))
    }

    @Test func unreadableEnvironmentsDirectoryExitsTwo() throws {
        let out = try BinaryRunner.run(["check", "--environments", "/nonexistent/envs"], currentDirectory: root)
        #expect(out.status == 2)
        #expect(out.stderr.contains("/nonexistent/envs"))
    }
}
