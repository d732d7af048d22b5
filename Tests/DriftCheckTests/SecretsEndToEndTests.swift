import Foundation
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// A known password and webhook URL never appear in what any subcommand prints, logs or writes.
@Suite("secrets never leak (binary)", .serialized)
struct SecretsEndToEndTests {
    @Test func noSubcommandRevealsThePasswordOrWebhookURL() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "1")
        objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true)
        let dev = try s.startSimulator(name: "dev", objects: objects)
        let receiver = try s.startReceiver(statuses: [500])
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: """
        notify:
          webhook_url_env: \(CheckScenario.webhookVariable)
          when: always
        """)
        // A second environment with a wrong password and an unreachable one, so error paths run too.
        try s.writeEnvironment(name: "down", port: 1, replication: "1", backends: 1)
        let env: [String: String?] = [CheckScenario.passwordVariable: CheckScenario.password,
                                      CheckScenario.webhookVariable: receiver.url]
        let common = ["--environments", s.environments.path]
        let runs: [[String]] = [
            ["check", "--migrations", s.migrations.path, "--out", s.out.path, "--verbose"] + common,
            ["check", "--migrations", s.migrations.path, "--out", s.out.path, "--env", "down"] + common,
            ["inspect", "--env", "dev"] + common,
            ["inspect", "--env", "down"] + common,
            ["history", "--migrations", s.migrations.path, "--env", "dev", "--env", "down"] + common,
            ["schema", "--migrations", s.migrations.path, "--env", "dev"] + common,
            ["diff", "--expected", s.migrations.path, "--actual", s.migrations.path, "--env", "dev"] + common,
            ["lint", "--migrations", s.migrations.path],
            ["demo", "--out", s.root.appendingPathComponent("demo").path],
        ]
        var printed = ""
        for arguments in runs {
            let out = try BinaryRunner.run(arguments, environment: env)
            #expect(out.status != 11 && out.status < 64, "\(arguments.first!) crashed or misused: \(out.status) \(out.stderr)")
            printed += out.stdout + out.stderr
        }
        let written = try s.allOutputs(excludingReceiverPaths: true)
        for secret in [CheckScenario.password, "SecretWebhookToken42", receiver.url] {
            #expect(!printed.contains(secret), "printed output contains a secret")
            #expect(!written.contains(secret), "a report or log contains a secret")
        }
        // The runs did real work: the inspect output and the reports exist.
        #expect(printed.contains("CREATE TABLE `events`"))
        #expect(FileManager.default.fileExists(atPath: s.out.appendingPathComponent("drift-report.json").path))
    }

    @Test func upgradeNeverRevealsTheWriterPassword() throws {
        let s = try UpgradeScenario()
        defer { s.finish() }
        try s.start(extra: ["--fail-statement", "ADD COLUMN email", "--fail-count", "1"])
        try s.writeEnvironment()
        let summary = s.base.root.appendingPathComponent("upgrade.json")
        var printed = ""
        for arguments in [["--dry-run"], ["--yes", "--json", summary.path], ["--yes", "--json", summary.path]] {
            let out = try s.upgrade(arguments)
            #expect(out.status <= 2, "\(out.stderr)")
            printed += out.stdout + out.stderr
        }
        // A wrong writer password: the error path names the user, never a password.
        let wrong = try BinaryRunner.run(["upgrade", "--env", "dev", "--yes", "--environments", s.base.environments.path,
                                          "--migrations", s.base.migrations.path],
                                         environment: [UpgradeScenario.writerVariable: "Wrong-Secret-Value-99"])
        #expect(wrong.status == 2)
        printed += wrong.stdout + wrong.stderr
        let written = try s.base.allOutputs()
        for secret in [UpgradeScenario.writerPassword, CheckScenario.password, "Wrong-Secret-Value-99"] {
            #expect(!printed.contains(secret), "upgrade printed a secret")
            #expect(!written.contains(secret), "a summary or log contains a secret")
        }
        #expect(printed.contains("3 revision(s) applied") || printed.contains("applied"))
    }
}
