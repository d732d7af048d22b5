import Foundation
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// `check --previous` across nightly runs: the built binary against `starrocks-sim` processes and a local webhook
/// receiver, each run reading the report the run before wrote.
@Suite("run memory end to end (binary + simulator)", .serialized)
struct MemoryEndToEndTests {
    static let handMadeID = "unexpected_column/analytics.events.debug_flag"

    static let notifyOnChange = """
    notify:
      webhook_url_env: \(CheckScenario.webhookVariable)
      style: slack
      when: changed
    """

    static func objects(handMade: Bool, replication: String) -> [String: String] {
        var objects = CheckScenario.objectsAtHead(replication: replication)
        objects["events"] = DemoCatalogs.events(replication: replication, handMadeColumn: handMade)
        return objects
    }

    /// Runs `check` into `out-<run>` (with `--previous` when given) and returns the exit status and parsed report.
    static func run(_ s: CheckScenario, _ run: Int, previous: String?, webhookURL: String) throws
        -> (output: BinaryRunner.Output, report: [String: Any], out: URL) {
        let out = s.root.appendingPathComponent("out-\(run)")
        var arguments = ["check", "--environments", s.environments.path, "--migrations", s.migrations.path,
                         "--out", out.path]
        if let previous { arguments += ["--previous", previous] }
        let output = try BinaryRunner.run(arguments, environment: [
            CheckScenario.passwordVariable: CheckScenario.password, CheckScenario.webhookVariable: webhookURL,
        ])
        let data = try Data(contentsOf: out.appendingPathComponent("drift-report.json"))
        let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (output, report, out)
    }

    static func environment(_ report: [String: Any], _ name: String) -> [String: Any] {
        (report["environments"] as? [[String: Any]] ?? []).first { $0["name"] as? String == name } ?? [:]
    }

    static func finding(_ report: [String: Any], _ environment: String, id: String) -> [String: Any]? {
        (Self.environment(report, environment)["findings"] as? [[String: Any]] ?? [])
            .first { $0["finding_id"] as? String == "\(environment)/\(id)" }
    }

    static func bodies(_ records: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".body") }.sorted()
            .map { try String(contentsOf: records.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func aDriftAppearsStaysAndIsFixedAcrossNightlyRuns() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let receiver = try s.startReceiver()
        // dev posts only on change; prod has no webhook, so every post below is about dev.
        var dev = try s.startSimulator(name: "dev", objects: Self.objects(handMade: false, replication: "1"))
        var devProcess = s.simulators.last
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: Self.notifyOnChange)
        var prod = try s.startSimulator(name: "prod", objects: Self.objects(handMade: true, replication: "3"), backends: 3)
        let prodProcess = s.simulators.last
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)

        // Night 0: no previous report; dev is clean, so `changed` (as `drift` without memory) posts nothing.
        let night0 = try Self.run(s, 0, previous: nil, webhookURL: receiver.url)
        #expect(night0.output.status == 1, "\(night0.output.stderr)")
        let prodSeen = try #require(night0.report["generated_at"] as? String)
        #expect(Self.finding(night0.report, "prod", id: Self.handMadeID)?["change"] is NSNull)
        #expect(try Self.bodies(receiver.records).isEmpty)

        // Night 1: someone adds a column on dev by hand: new, posted.
        devProcess?.stop()
        dev = try s.startSimulator(name: "dev", objects: Self.objects(handMade: true, replication: "1"))
        devProcess = s.simulators.last
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: Self.notifyOnChange)
        let night1 = try Self.run(s, 1, previous: night0.out.path, webhookURL: receiver.url)
        #expect(night1.output.status == 1, "\(night1.output.stderr)")
        let devSeen = try #require(night1.report["generated_at"] as? String)
        let appeared = try #require(Self.finding(night1.report, "dev", id: Self.handMadeID), "\(night1.report)")
        #expect(appeared["change"] as? String == "new")
        #expect(appeared["first_seen"] as? String == devSeen)
        #expect(Self.environment(night1.report, "dev")["previous_status"] as? String == "clean")
        let prodOpen = Self.finding(night1.report, "prod", id: Self.handMadeID)
        #expect(prodOpen?["change"] as? String == "open")
        #expect(prodOpen?["first_seen"] as? String == prodSeen)
        var posts = try Self.bodies(receiver.records)
        #expect(posts.count == 1, "a new drift is posted")
        #expect(posts.last?.contains("1 new drift on dev") == true, "\(posts.last ?? "")")
        let markdown1 = try String(contentsOf: night1.out.appendingPathComponent("drift-report.md"), encoding: .utf8)
        #expect(markdown1.contains("## Since the previous run") && markdown1.contains("### New (1)"), "\(markdown1)")

        // Night 2: dev unchanged (open, not posted, first_seen kept); prod is unreachable: its findings are neither
        // resolved nor new, they are carried over.
        prodProcess?.stop()
        let night2 = try Self.run(s, 2, previous: night1.out.appendingPathComponent("drift-report.json").path,
                                  webhookURL: receiver.url)
        #expect(night2.output.status == 2, "\(night2.output.stderr)")
        let stays = try #require(Self.finding(night2.report, "dev", id: Self.handMadeID))
        #expect(stays["change"] as? String == "open")
        #expect(stays["first_seen"] as? String == devSeen, "first_seen is carried forward")
        posts = try Self.bodies(receiver.records)
        #expect(posts.count == 1, "nothing changed on dev: not posted with when: changed")
        #expect(night2.output.stderr.contains("not posted (notify.when: changed)"), "\(night2.output.stderr)")
        let prodDown = Self.environment(night2.report, "prod")
        #expect(prodDown["status"] as? String == "unreachable")
        #expect((prodDown["resolved"] as? [Any])?.isEmpty == true, "an unreachable server resolves nothing")
        let carried = prodDown["carried_over"] as? [[String: Any]] ?? []
        #expect(carried.compactMap { $0["finding_id"] as? String } == ["prod/\(Self.handMadeID)"])
        #expect(carried.first?["first_seen"] as? String == prodSeen)

        // Night 3: dev's column is dropped (resolved, posted); prod answers again: still open since night 0.
        devProcess?.stop()
        dev = try s.startSimulator(name: "dev", objects: Self.objects(handMade: false, replication: "1"))
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1, notify: Self.notifyOnChange)
        prod = try s.startSimulator(name: "prod", objects: Self.objects(handMade: true, replication: "3"), backends: 3)
        try s.writeEnvironment(name: "prod", port: prod, replication: "3", backends: 3)
        let night3 = try Self.run(s, 3, previous: night2.out.path, webhookURL: receiver.url)
        #expect(night3.output.status == 1, "\(night3.output.stderr)")
        let devFixed = Self.environment(night3.report, "dev")
        #expect(devFixed["status"] as? String == "clean")
        #expect(devFixed["previous_status"] as? String == "drift")
        let resolved = devFixed["resolved"] as? [[String: Any]] ?? []
        #expect(resolved.compactMap { $0["finding_id"] as? String } == ["dev/\(Self.handMadeID)"], "\(devFixed)")
        #expect(resolved.first?["first_seen"] as? String == devSeen)
        posts = try Self.bodies(receiver.records)
        #expect(posts.count == 2, "a fix is posted")
        #expect(posts.last?.contains("1 resolved on dev") == true, "\(posts.last ?? "")")
        let prodBack = try #require(Self.finding(night3.report, "prod", id: Self.handMadeID))
        #expect(prodBack["change"] as? String == "open")
        #expect(prodBack["first_seen"] as? String == prodSeen, "unchanged across the unreachable night")
        #expect((Self.environment(night3.report, "prod")["resolved"] as? [Any])?.isEmpty == true)
        let markdown3 = try String(contentsOf: night3.out.appendingPathComponent("drift-report.md"), encoding: .utf8)
        #expect(markdown3.contains("### Resolved (1)"), "\(markdown3)")
        #expect(markdown3.contains("open since \(prodSeen.prefix(10))"), "\(markdown3)")
        let changes = night3.report["changes"] as? [String: Any] ?? [:]
        #expect(changes["resolved"] as? Int == 1 && changes["new"] as? Int == 0, "\(changes)")
    }

    @Test func unusablePreviousReportsAreWarningsAndTheCheckRunsNormally() throws {
        let s = try CheckScenario()
        defer { s.finish() }
        let dev = try s.startSimulator(name: "dev", objects: Self.objects(handMade: true, replication: "1"))
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        let malformed = s.root.appendingPathComponent("malformed.json")
        try "{\"format_version\": 1, \"environments\": [".write(to: malformed, atomically: true, encoding: .utf8)
        let foreign = s.root.appendingPathComponent("foreign.json")
        try "{\"format_version\": 7, \"generated_at\": \"2026-11-26T02:00:00Z\", \"runs\": []}"
            .write(to: foreign, atomically: true, encoding: .utf8)
        let missing = s.root.appendingPathComponent("nowhere/drift-report.json")
        let cases = [(missing, "does not exist"), (malformed, "is not a drift-report.json"),
                     (foreign, "has format_version 7")]
        for (index, (path, reason)) in cases.enumerated() {
            let night = try Self.run(s, index, previous: path.path, webhookURL: "")
            #expect(night.output.status == 1, "a normal check: \(night.output.stderr)")
            #expect(night.output.stderr.contains("warning: previous report \(path.path)"), "\(night.output.stderr)")
            let previous = (night.report["previous_reports"] as? [[String: Any]])?.first ?? [:]
            let warnings = previous["warnings"] as? [String] ?? []
            #expect(warnings.count == 1 && warnings[0].contains(path.path) && warnings[0].contains(reason), "\(warnings)")
            let finding = Self.finding(night.report, "dev", id: Self.handMadeID)
            #expect(finding?["change"] as? String == "new", "counted as new, and the warning says why")
            let markdown = try String(contentsOf: night.out.appendingPathComponent("drift-report.md"), encoding: .utf8)
            #expect(markdown.contains("> **Warning**: previous report"), "\(markdown)")
        }
    }
}
