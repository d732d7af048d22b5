import DriftReport
import Findings
import Foundation
import Testing
@testable import DriftCheck

/// Run-to-run memory without a server: identity, matching, previous-report reading and `notify.when: changed`.
@Suite("run memory")
struct RunMemoryTests {
    static let earlier = "2026-11-25T02:00:00Z"
    static let yesterday = "2026-11-26T02:00:00Z"
    static let today = "2026-11-27T02:00:00Z"

    static func handMade(message: String = "column exists on the server but in no migration",
                         actual: String = "`debug_flag` BOOLEAN NULL") -> Finding {
        Finding(kind: .unexpectedColumn, severity: .error, object: "analytics.events.debug_flag", actual: actual,
                message: message)
    }

    static let missingView = Finding(kind: .missingView, severity: .error, object: "analytics.daily_active_users",
                                     message: "view is missing")

    /// The previous report as `check` writes it, parsed back as the memory reads it.
    static func previous(_ environments: [EnvironmentResult], at: String = yesterday) throws -> PreviousReport {
        let json = JSONReport.render(DriftReportDocument(generatedAt: at, headRevision: "0003", environments: environments))
        return try PreviousReport.parse(Data(json.utf8), file: "prev/drift-report.json", origin: "--previous").get()
    }

    @Test func identityIgnoresMessageActualSeverityAndStatus() {
        var reworded = Self.handMade(message: "a different sentence", actual: "`debug_flag` TINYINT NULL")
        reworded.severity = .warning
        reworded.status = .pending
        #expect(FindingIdentity.ids(environment: "prod", findings: [Self.handMade()])
            == FindingIdentity.ids(environment: "prod", findings: [reworded]))
        #expect(FindingIdentity.ids(environment: "prod", findings: [Self.handMade()])
            == ["prod/unexpected_column/analytics.events.debug_flag"])
        #expect(FindingIdentity.ids(environment: "dev", findings: [Self.handMade()])
            != FindingIdentity.ids(environment: "prod", findings: [Self.handMade()]))
        let twice = FindingIdentity.ids(environment: "prod", findings: [Self.handMade(), Self.handMade()])
        #expect(twice == ["prod/unexpected_column/analytics.events.debug_flag",
                          "prod/unexpected_column/analytics.events.debug_flag#2"])
    }

    @Test func newOpenAndResolvedAcrossRuns() throws {
        let before = EnvironmentResult(name: "prod", status: .drift, findings: [Self.missingView])
        var prior = try Self.previous([before])
        // Give the previous finding an older first_seen, as a run before it would have.
        prior.environments["prod"]?.findings[0].firstSeen = Self.earlier
        let now = EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade(message: "reworded")])
        let (memory, warning) = FindingMatcher.remember(now, previous: prior, now: Self.today)
        #expect(warning == nil)
        #expect(memory.previousStatus == .drift)
        #expect(memory.history["prod/unexpected_column/analytics.events.debug_flag"]
            == FindingHistory(firstSeen: Self.today, change: .new))
        #expect(memory.resolved.map(\.findingID) == ["prod/missing_view/analytics.daily_active_users"])
        #expect(memory.resolved.first?.firstSeen == Self.earlier)
        #expect(memory.resolved.first?.lastSeen == Self.yesterday)

        let again = EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade(message: "reworded again")])
        let previousRun = EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade()], memory: memory)
        let (next, _) = FindingMatcher.remember(again, previous: try Self.previous([previousRun], at: Self.today),
                                                now: "2026-11-28T02:00:00Z")
        #expect(next.history["prod/unexpected_column/analytics.events.debug_flag"]
            == FindingHistory(firstSeen: Self.today, change: .open), "first_seen is carried forward")
        #expect(next.resolved.isEmpty)
    }

    @Test func anUnreachableRunChangesNothingForItsFindings() throws {
        let first = EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade()],
                                      memory: EnvironmentMemory(history: [
                                          "prod/unexpected_column/analytics.events.debug_flag":
                                              FindingHistory(firstSeen: Self.earlier, change: .open),
                                      ]))
        // Middle run: unreachable. Nothing resolved, nothing new; the last known findings are carried.
        let down = EnvironmentResult(name: "prod", status: .unreachable, error: "connection refused")
        let (middle, _) = FindingMatcher.remember(down, previous: try Self.previous([first]), now: Self.today)
        #expect(middle.resolved.isEmpty)
        #expect(middle.history.isEmpty)
        #expect(middle.carriedOver.map(\.findingID) == ["prod/unexpected_column/analytics.events.debug_flag"])
        #expect(middle.carriedOver.first?.firstSeen == Self.earlier)

        // Third run reaches it again: still open since the first sighting, nothing new.
        let downReport = EnvironmentResult(name: "prod", status: .unreachable, error: "connection refused", memory: middle)
        let back = EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade()])
        let (third, _) = FindingMatcher.remember(back, previous: try Self.previous([downReport], at: Self.today),
                                                 now: "2026-11-28T02:00:00Z")
        #expect(third.previousStatus == .unreachable)
        #expect(third.history.values.map(\.change) == [.open])
        #expect(third.history.values.first?.firstSeen == Self.earlier)
        #expect(third.resolved.isEmpty)

        // Or the drift was fixed while the server was down: resolved when it is reached again.
        let fixed = EnvironmentResult(name: "prod", status: .clean)
        let (healed, _) = FindingMatcher.remember(fixed, previous: try Self.previous([downReport], at: Self.today),
                                                  now: "2026-11-28T02:00:00Z")
        #expect(healed.resolved.map(\.findingID) == ["prod/unexpected_column/analytics.events.debug_flag"])
        #expect(healed.resolved.first?.lastSeen == Self.yesterday, "last seen by the run that reached it")
    }

    @Test func anEnvironmentMissingFromThePreviousReportIsAllNewWithAWarning() throws {
        let prior = try Self.previous([EnvironmentResult(name: "dev", status: .clean)])
        let now = EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade()])
        let (memory, warning) = FindingMatcher.remember(now, previous: prior, now: Self.today)
        #expect(memory.history.values.map(\.change) == [.new])
        #expect(memory.previousStatus == nil)
        #expect(warning?.contains("prod is not in the previous report prev/drift-report.json") == true, "\(warning ?? "")")
        #expect(warning?.contains("it lists dev") == true)
    }

    @Test func aReportWrittenBeforeTheMemoryFieldsIsStillRead() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/previous/v1-before-memory.json")
        let prior = try PreviousReport.load(path: url.path, origin: "--previous").get()
        let prod = try #require(prior.environments["prod"])
        #expect(prod.status == .drift)
        #expect(prod.findings.first?.findingID == "prod/missing_column/analytics.events.utm_campaign")
        #expect(prod.findings.allSatisfy { $0.firstSeen == prior.generatedAt })
        #expect(prod.carriedOver == nil)
    }

    @Test(arguments: [
        ("missing", nil as String?, "does not exist"),
        ("malformed", "{\"format_version\": 1, \"generated_at\": ", "is not a drift-report.json"),
        ("not-a-report", "[1, 2, 3]", "is not a drift-report.json"),
        ("no-version", "{\"environments\": []}", "has no format_version"),
        ("foreign-version", "{\"format_version\": 2, \"generated_at\": \"x\", \"reports\": []}", "has format_version 2; this starrocks-drift reads format_version 1"),
        ("wrong-shape", "{\"format_version\": 1, \"generated_at\": \"x\", \"environments\": [{\"name\": 3}]}", "could not be read as format_version 1"),
    ])
    func unusablePreviousReportsAreWarningsNamingTheFile(name: String, content: String?, expected: String) throws {
        let directory = try BinaryRunner.temporaryDirectory("previous-\(name)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("drift-report.json")
        if let content { try content.write(to: file, atomically: true, encoding: .utf8) }
        switch PreviousReport.load(path: file.path, origin: "--previous") {
        case .success: Issue.record("\(name) was read as a previous report")
        case .failure(let problem):
            #expect(problem.description.contains(file.path), "\(problem)")
            #expect(problem.description.contains(expected), "\(problem)")
            #expect(problem.description.contains("every finding counts as new"), "\(problem)")
        }
    }

    @Test func aDirectoryIsSearchedForTheReport() throws {
        let directory = try BinaryRunner.temporaryDirectory("previous-dir")
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .failure(let empty) = PreviousReport.load(path: directory.path, origin: "--previous") else {
            Issue.record("an empty directory was read")
            return
        }
        #expect(empty.description.contains("holds no drift-report.json"))
        let json = JSONReport.render(DriftReportDocument(generatedAt: Self.yesterday, headRevision: nil, environments: []))
        try json.write(to: directory.appendingPathComponent("drift-report.json"), atomically: true, encoding: .utf8)
        #expect((try? PreviousReport.load(path: directory.path, origin: "--previous").get())?.generatedAt == Self.yesterday)
    }

    @Test func notifyWhenChanged() {
        let open = EnvironmentMemory(previousStatus: .drift, history: [
            "prod/unexpected_column/analytics.events.debug_flag": FindingHistory(firstSeen: Self.earlier, change: .open),
        ])
        let stillOpen = EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade()], memory: open)
        #expect(!NotifyPolicy.shouldPost(.changed, stillOpen))
        #expect(NotifyPolicy.shouldPost(.drift, stillOpen))
        var appeared = stillOpen
        appeared.memory?.history = ["prod/unexpected_column/analytics.events.debug_flag": FindingHistory(firstSeen: Self.today, change: .new)]
        #expect(NotifyPolicy.shouldPost(.changed, appeared))
        let resolved = EnvironmentResult(name: "prod", status: .drift, memory: EnvironmentMemory(
            previousStatus: .drift, resolved: [TrackedFinding(findingID: "x", kind: "property", severity: "error",
                                                              status: "drift", object: "o", message: "m",
                                                              firstSeen: Self.earlier, lastSeen: Self.yesterday)]))
        #expect(NotifyPolicy.shouldPost(.changed, resolved))
        let nowClean = EnvironmentResult(name: "prod", status: .clean, memory: EnvironmentMemory(previousStatus: .unreachable))
        #expect(NotifyPolicy.shouldPost(.changed, nowClean), "a status change is a change")
        #expect(!NotifyPolicy.shouldPost(.drift, nowClean))
        let unchangedClean = EnvironmentResult(name: "prod", status: .clean, memory: EnvironmentMemory(previousStatus: .clean))
        #expect(!NotifyPolicy.shouldPost(.changed, unchangedClean))
        // Without a previous report, `changed` posts as `drift` does: nothing is missed.
        #expect(NotifyPolicy.shouldPost(.changed, EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade()])))
        #expect(!NotifyPolicy.shouldPost(.changed, EnvironmentResult(name: "prod", status: .clean)))
    }

    @Test func notifyChangedAndPreviousParse() throws {
        let yaml = """
        connection:
          url: starrocks://reader@fe:9030/analytics
        notify:
          when: changed
          previous: reports/last
        """
        let config = try EnvironmentLoader.parse(yaml: yaml, file: "env/prod.yaml", defaultName: "prod")
        #expect(config.notify.when == .changed)
        #expect(config.notify.previous == "reports/last")
        #expect(RunMemory(previousPath: nil).source(for: config)?.path == "reports/last")
        #expect(RunMemory(previousPath: "cli").source(for: config)?.path == "cli", "--previous wins")
        let bad = yaml.replacingOccurrences(of: "when: changed", with: "when: sometimes")
        #expect(throws: ConfigError.self) { try EnvironmentLoader.parse(yaml: bad, file: "env/prod.yaml", defaultName: "prod") }
    }

    @Test func shippedExamplesAndCIDefinitionsKeepThePreviousReport() throws {
        let root = BinaryRunner.repositoryRoot
        let configs = try EnvironmentLoader.loadAll(directory: root.appendingPathComponent("environments").path)
        #expect(configs.allSatisfy { $0.notify.when == .changed }, "the examples post only what changed")
        let script = try String(contentsOf: root.appendingPathComponent("ci/drift-check.sh"), encoding: .utf8)
        #expect(script.contains("--previous \"$DRIFT_PREVIOUS\""))
        let github = try String(contentsOf: root.appendingPathComponent("ci/github/starrocks-drift.yml"), encoding: .utf8)
        #expect(github.contains("previous: ${{ github.event_name != 'pull_request' && 'drift-report-previous'")
            && github.contains("path: drift-report-previous"))
        let action = try String(contentsOf: root.appendingPathComponent("ci/github/action.yml"), encoding: .utf8)
        #expect(action.contains("args+=(--previous \"$INPUT_PREVIOUS\")"), "the action passes its previous input on")
        #expect(github.contains("actions: read"))
        let gitlab = try String(contentsOf: root.appendingPathComponent("ci/gitlab/starrocks-drift.gitlab-ci.yml"),
                                encoding: .utf8)
        #expect(gitlab.contains("DRIFT_PREVIOUS: drift-report-previous") && gitlab.contains("paths: [drift-report-previous/]"))
    }

    @Test func aPreviousReportOfAnotherSetOfEnvironmentsIsNamedInWarnings() throws {
        let directory = try BinaryRunner.temporaryDirectory("previous-sets")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("drift-report.json")
        let before = DriftReportDocument(generatedAt: Self.yesterday, headRevision: nil, environments: [
            EnvironmentResult(name: "dev", status: .drift, findings: [Self.handMade()]),
            EnvironmentResult(name: "qa", status: .clean),
        ])
        try JSONReport.render(before).write(to: file, atomically: true, encoding: .utf8)
        let configs = ["dev", "prod"].map {
            EnvironmentConfig(name: $0, file: "environments/\($0).yaml",
                              connection: ConnectionSettings(url: "starrocks://r@fe:9030/analytics"), databases: ["analytics"])
        }
        let now = DriftReportDocument(generatedAt: Self.today, headRevision: nil, environments: [
            EnvironmentResult(name: "dev", status: .drift, findings: [Self.handMade()]),
            EnvironmentResult(name: "prod", status: .drift, findings: [Self.handMade()]),
        ])
        let remembered = RunMemory(previousPath: directory.path).apply(to: now, environments: configs)
        let warnings = remembered.previousReports.flatMap(\.warnings)
        #expect(remembered.previousReports.map(\.generatedAt) == [Self.yesterday])
        #expect(warnings.contains { $0.contains("prod is not in the previous report \(file.path)") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("also lists qa") && $0.contains(file.path) }, "\(warnings)")
        #expect(remembered.environments[0].memory?.history.values.map(\.change) == [.open])
        #expect(remembered.environments[1].memory?.history.values.map(\.change) == [.new])
    }
}
