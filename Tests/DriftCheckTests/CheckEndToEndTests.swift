import Foundation
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// `starrocks-drift check` as CI runs it: the built binary against `starrocks-sim` processes (simulators, not
/// StarRocks) and a local webhook receiver.
@Suite("check end to end (binary + simulator)", .serialized)
struct CheckEndToEndTests {
    @Test func cleanEnvironmentsExitZero() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        let prod = try s.startSimulator(name: "prod", objects: CheckScenario.objectsAtHead(replication: "3"), backends: 3)
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
        let out = try s.check()
        let markdown = (try? String(contentsOf: s.out.appendingPathComponent("drift-report.md"), encoding: .utf8)) ?? ""
        #expect(out.status == 0, "\(out.stderr)\n\(markdown)")
        #expect(try s.environment("dev")["status"] as? String == "clean")
        #expect(try s.environment("prod")["status"] as? String == "clean")
        #expect(try s.environment("prod")["revision"] as? String == "0003")
        for name in ["drift-report.md", "drift-report.json", "drift-report.junit.xml"] {
            #expect(FileManager.default.fileExists(atPath: s.out.appendingPathComponent(name).path))
        }
        // Read-only: the simulator saw no write statement.
        let log = try String(contentsOf: s.root.appendingPathComponent("sim-prod.log"), encoding: .utf8)
        for word in ["INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "TRUNCATE", "GRANT"] {
            #expect(!log.uppercased().split(separator: "\n").contains { $0.hasPrefix(word) }, "no \(word) sent")
        }
    }

    @Test func plantedDriftExitsOneWithTheRightFindings() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "3")
        objects["events"] = DemoCatalogs.events(replication: "3", handMadeColumn: true)
        objects["events_by_source"] = nil
        objects["users"] = DemoCatalogs.users(replication: "1", buckets: 12)
        let prod = try s.startSimulator(name: "prod", objects: objects, backends: 3)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
        let out = try s.check()
        #expect(out.status == 1, "\(out.stderr)")
        let findings = try s.findings("prod")
        let pairs = Set(findings.map { "\($0["kind"] as? String ?? "") \($0["object"] as? String ?? "")" })
        #expect(pairs.contains("unexpected_column analytics.events.debug_flag"), "\(pairs)")
        #expect(pairs.contains("missing_materialized_view analytics.events_by_source"), "\(pairs)")
        #expect(pairs.contains { $0.hasPrefix("property analytics.users") && $0.contains("replication_num") }, "\(pairs)")
        #expect(!pairs.contains { $0.hasPrefix("bucket_count") }, "automatic bucket counts are not drift: \(pairs)")
        let markdown = try String(contentsOf: s.out.appendingPathComponent("drift-report.md"), encoding: .utf8)
        #expect(markdown.contains("debug_flag"))
        #expect(markdown.contains("ALTER TABLE"))
    }

    @Test func oneUnreachableEnvironmentExitsTwoAndTheOtherIsFullyReported() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "1")
        objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true)
        let dev = try s.startSimulator(name: "dev", objects: objects)
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        try s.writeEnvironment(name: "prod", port: 1, replication: "3", backends: 3)
        let out = try s.check()
        #expect(out.status == 2, "\(out.stderr)")
        #expect(try s.environment("prod")["status"] as? String == "unreachable")
        #expect((try s.environment("prod")["error"] as? String ?? "").contains("127.0.0.1"))
        #expect(try s.environment("dev")["status"] as? String == "drift")
        #expect(try s.findings("dev").contains { $0["object"] as? String == "analytics.events.debug_flag" })
    }

    @Test func markdownIsAppendedToTheGitHubStepSummary() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        let summary = s.root.appendingPathComponent("step-summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["check", "--environments", s.environments.path, "--migrations",
                                        s.migrations.path, "--out", s.out.path, "--quiet"],
                                       environment: [CheckScenario.passwordVariable: CheckScenario.password,
                                                     "GITHUB_STEP_SUMMARY": summary.path])
        #expect(out.status == 0)
        #expect(out.stderr.isEmpty, "--quiet prints nothing but errors: \(out.stderr)")
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n"), "appended, not overwritten")
        #expect(text.contains("**CLEAN** `dev`"), "\(text)")
    }

    @Test func missingPasswordVariableIsAnErrorNotClean() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        let out = try BinaryRunner.run(["check", "--environments", s.environments.path, "--migrations",
                                        s.migrations.path, "--out", s.out.path],
                                       environment: [CheckScenario.passwordVariable: nil])
        #expect(out.status == 2)
        #expect(try s.environment("dev")["status"] as? String == "error")
        #expect((try s.environment("dev")["error"] as? String ?? "").contains(CheckScenario.passwordVariable))
    }

    @Test func wrongPasswordIsReportedPerEnvironment() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        let out = try BinaryRunner.run(["check", "--environments", s.environments.path, "--migrations",
                                        s.migrations.path, "--out", s.out.path],
                                       environment: [CheckScenario.passwordVariable: "not-the-password"])
        #expect(out.status == 2)
        let error = try s.environment("dev")["error"] as? String ?? ""
        #expect(error.contains("1045") || error.lowercased().contains("access denied"), "\(error)")
        #expect(!error.contains("not-the-password"))
    }

    @Test func pendingRevisionAndHandMadeChangeAreTold() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        // prod recorded at 0002: the view and MV of 0003 are pending; debug_flag was added by hand.
        var objects = CheckScenario.objectsAtHead(replication: "3")
        objects["events"] = DemoCatalogs.events(replication: "3", handMadeColumn: true)
        objects["daily_active_users"] = nil
        objects["events_by_source"] = nil
        let prod = try s.startSimulator(name: "prod", objects: objects, revision: "0002", backends: 3)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
        let out = try s.check()
        #expect(out.status == 1, "\(out.stderr)")
        let env = try s.environment("prod")
        #expect(env["revisions_behind"] as? Int == 1)
        let findings = try s.findings("prod")
        let pending = findings.filter { $0["status"] as? String == "pending" }.compactMap { $0["object"] as? String }
        let drift = findings.filter { $0["status"] as? String == "drift" }.compactMap { $0["object"] as? String }
        #expect(pending.contains("analytics.daily_active_users"), "\(findings)")
        #expect(pending.contains("analytics.events_by_source"), "\(findings)")
        #expect(drift == ["analytics.events.debug_flag"], "\(findings)")
    }

    @Test func onlyPendingRevisionsDoNotFailTheGate() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "3")
        objects["daily_active_users"] = nil
        objects["events_by_source"] = nil
        let prod = try s.startSimulator(name: "prod", objects: objects, revision: "0002", backends: 3)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
        let out = try s.check()
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try s.findings("prod").allSatisfy { $0["status"] as? String != "drift" })
    }

    @Test func changesAheadOfTheRecordedRevisionAreReported() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        // prod records 0002 but already has 0003's view and MV: the next `upgrade` would fail on CREATE VIEW.
        let prod = try s.startSimulator(name: "prod", objects: CheckScenario.objectsAtHead(replication: "3"),
                                        revision: "0002", backends: 3)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
        let out = try s.check()
        #expect(out.status == 1, "a revision applied without being recorded is drift: \(out.stderr)")
        let findings = try s.findings("prod")
        let unrecorded = findings.filter { $0["kind"] as? String == "revision_not_recorded" }
        #expect(unrecorded.compactMap { $0["object"] as? String }
            == ["analytics.daily_active_users", "analytics.events_by_source"], "\(findings)")
        #expect(unrecorded.allSatisfy { $0["severity"] as? String == "error" && $0["status"] as? String == "drift" })
        #expect(try s.environment("prod")["status"] as? String == "drift")
    }

    @Test func webhookRetriesServerErrorsAndNeverLeaksSecrets() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "1")
        objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true)
        let dev = try s.startSimulator(name: "dev", objects: objects)
        let receiver = try s.startReceiver(statuses: [500, 500, 200])
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: """
        notify:
          webhook_url_env: \(CheckScenario.webhookVariable)
          style: slack
          when: drift
        """)
        let out = try s.check(webhookURL: receiver.url)
        #expect(out.status == 1)
        let bodies = try FileManager.default.contentsOfDirectory(atPath: receiver.records.path).filter { $0.hasSuffix(".body") }
        #expect(bodies.count == 3, "500, 500, 200 → three attempts, delivered once")
        let last = try String(contentsOf: receiver.records.appendingPathComponent("002.body"), encoding: .utf8)
        #expect(last.contains("debug_flag"))
        let everything = out.stdout + out.stderr + (try s.allOutputs())
        #expect(!everything.contains(CheckScenario.password), "the password leaked")
        #expect(!everything.contains("SecretWebhookToken42") || bodiesOnlyContainToken(s, receiver.records),
                "the webhook URL leaked")
    }

    /// The receiver records the request path (which holds the token) by design; nothing else may contain it.
    func bodiesOnlyContainToken(_ s: CheckScenario, _ records: URL) -> Bool {
        var text = ""
        let enumerator = FileManager.default.enumerator(at: s.root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.path.hasPrefix(records.path) && url.pathExtension == "path" { continue }
            if let data = try? Data(contentsOf: url) { text += String(decoding: data, as: UTF8.self) }
        }
        return !text.contains("SecretWebhookToken42")
    }

    @Test func webhookClientErrorIsNotRetriedAndDoesNotChangeTheOutcome() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        let receiver = try s.startReceiver(statuses: [400])
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: """
        notify:
          webhook_url_env: \(CheckScenario.webhookVariable)
          style: generic
          when: always
        """)
        let out = try s.check(webhookURL: receiver.url)
        #expect(out.status == 0, "a failed post does not change the outcome: \(out.stderr)")
        #expect(out.stderr.contains("webhook"), "\(out.stderr)")
        #expect(!out.stderr.contains("SecretWebhookToken42"))
        let bodies = try FileManager.default.contentsOfDirectory(atPath: receiver.records.path).filter { $0.hasSuffix(".body") }
        #expect(bodies.count == 1, "400 is not retried")
        let errors = try s.report()["notification_errors"] as? [String] ?? []
        #expect(errors.count == 1, "a failed post is recorded in the JSON report")
        #expect(errors.allSatisfy { !$0.contains("SecretWebhookToken42") && !$0.contains("127.0.0.1") })
    }

    @Test func plainHTTPWebhookToARemoteHostIsRefusedRecordedAndLeavesTheExitCode() throws {
        for (planted, expectedStatus) in [(false, Int32(0)), (true, Int32(1))] {
            let s = try CheckScenario()
            defer { s.finish() }
            var objects = CheckScenario.objectsAtHead(replication: "1")
            if planted { objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true) }
            let dev = try s.startSimulator(name: "dev", objects: objects)
            try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: """
            notify:
              webhook_url_env: \(CheckScenario.webhookVariable)
              style: slack
              when: always
            """)
            // `.invalid` never resolves: were the URL tried, it could only fail slowly, never reach anyone.
            let started = Date()
            let out = try s.check(webhookURL: "http://hooks.chat.invalid/services/SecretWebhookToken42")
            let seconds = Date().timeIntervalSince(started)
            #expect(out.status == expectedStatus, "the exit code follows the check alone: \(out.stderr)")
            #expect(seconds < 10, "refused without retries or waits (\(seconds) s for the whole check)")
            #expect(out.stderr.contains("http://") && out.stderr.contains("nothing was sent"), "\(out.stderr)")
            let errors = try s.report()["notification_errors"] as? [String] ?? []
            #expect(errors.count == 1 && errors[0].contains("not loopback"), "\(errors)")
            #expect(!(out.stdout + out.stderr + errors.joined()).contains("SecretWebhookToken42"))
            #expect(!out.stderr.contains("attempt"), "no attempt was made")
        }
    }

    @Test func githubActionsGetsOneAnnotationPerFindingAtTheEnvironmentFile() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "1")
        objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true)
        let dev = try s.startSimulator(name: "dev", objects: objects)
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        let out = try BinaryRunner.run(["check", "--environments", s.environments.path, "--migrations", s.migrations.path,
                                        "--out", s.out.path, "--no-notify"],
                                       environment: [CheckScenario.passwordVariable: CheckScenario.password,
                                                     "GITHUB_ACTIONS": "true"])
        #expect(out.status == 1)
        let annotations = out.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(!annotations.isEmpty && annotations.allSatisfy { $0.contains("dev.yaml,line=1") }, "\(out.stdout)")
        let plain = try s.check(["--no-notify"])
        #expect(!plain.stdout.contains("::error"), "no annotations outside GitHub Actions")
    }

    @Test func noNotifySkipsTheWebhook() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"))
        let receiver = try s.startReceiver()
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: """
        notify:
          webhook_url_env: \(CheckScenario.webhookVariable)
          when: always
        """)
        let out = try s.check(["--no-notify"], webhookURL: receiver.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: receiver.records.path).isEmpty)
    }

    @Test func replicationTrapOnASingleBackendCluster() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        // A dev cluster with one BE, but the environment was configured with prod's replication_num 3.
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "3"), backends: 1)
        try s.writeEnvironment(name: "dev", port: dev, replication: "3", backends: 1)
        let out = try s.check()
        #expect(out.status == 1, "\(out.stderr)")
        let kinds = try s.findings("dev").compactMap { $0["kind"] as? String }
        #expect(kinds.contains("replication_exceeds_backends"), "\(kinds)")
    }

    @Test func runningSchemaChangeMarksFindingsTransient() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        var objects = CheckScenario.objectsAtHead(replication: "1")
        objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true)
        let now = ISO8601DateFormatter().string(from: Date()).prefix(19).replacingOccurrences(of: "T", with: " ")
        let dev = try s.startSimulator(name: "dev", objects: objects, extraState: """
        alter_jobs: [{table: events, state: RUNNING, create_time: "\(now)"}]

        """)
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        _ = try s.check()
        let findings = try s.findings("dev")
        let column = findings.first { $0["object"] as? String == "analytics.events.debug_flag" }
        #expect(column?["transient"] as? Bool == true, "\(findings)")
        #expect(findings.contains { $0["kind"] as? String == "schema_change_running" })
    }
}
