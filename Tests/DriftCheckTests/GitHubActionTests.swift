import ChildProcess
import DriftTestSupport
import Foundation
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// `ci/github/action.yml`, validated and run step by step the way a runner runs a composite action (bash, inputs as
/// environment variables), from a scratch repository holding only `migrations/` and `environments/`, against the
/// simulator. The `binary` input points at the already-built tool, so the test never rebuilds it; `uses:` steps
/// (cache, upload-artifact) are recorded, not run.
@Suite("GitHub composite action (runner harness + simulator)", .serialized)
struct GitHubActionTests {
    static let actionDirectory = BinaryRunner.repositoryRoot.appendingPathComponent("ci/github")
    static let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/action/run_composite_action.py")

    struct Run {
        var status: Int32
        var report: [String: Any]
        var log: String
    }

    func runAction(inputs: [String: String], workspace: URL, environment: [String: String]) throws -> Run {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: inputs), as: UTF8.self)
        var env: [String: String?] = ["GITHUB_STEP_SUMMARY": String?.none]
        for (key, value) in environment { env[key] = value }
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", Self.harness.path, Self.actionDirectory.path, workspace.path, json],
                                        environment: env)
        let line = run.stdoutText.split(separator: "\n").last.map(String.init) ?? "{}"
        let report = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        return Run(status: run.status, report: report, log: run.stderrText)
    }

    /// A team's repository: only migrations/ and environments/ (copied from a check scenario).
    func teamRepository(_ s: CheckScenario) throws -> URL {
        let repo = s.root.appendingPathComponent("team-repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: s.migrations, to: repo.appendingPathComponent("migrations"))
        try FileManager.default.copyItem(at: s.environments, to: repo.appendingPathComponent("environments"))
        return repo
    }

    func steps(_ run: Run) -> [[String: Any]] { run.report["steps"] as? [[String: Any]] ?? [] }

    @Test func actionYAMLIsValidAndRunsCheckFromATeamRepository() throws {
        for planted in [false, true] {
            let s = try CheckScenario()
            defer { s.finish() }
            var objects = CheckScenario.objectsAtHead(replication: "1")
            if planted { objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true) }
            let dev = try s.startSimulator(name: "dev", objects: objects)
            try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
            let repo = try teamRepository(s)
            #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path).sorted() == ["environments", "migrations"])
            let binary = BinaryRunner.productsDirectory.appendingPathComponent("starrocks-drift").path
            let run = try runAction(
                inputs: ["binary": binary, "env": "dev", "notify": "false", "lint": "true"], workspace: repo,
                environment: [CheckScenario.passwordVariable: CheckScenario.password,
                              "DRIFT_CACHE_DIR": s.root.appendingPathComponent("cache").path])
            #expect(run.report["invalid"] == nil, "action.yml is invalid: \(run.report)")
            #expect(run.status == (planted ? 1 : 0), "the action fails with check's exit code\n\(run.log)")
            let outputs = run.report["outputs"] as? [String: String] ?? [:]
            #expect(outputs["exit-code"] == (planted ? "1" : "0"), "\(outputs)")
            #expect(outputs["report-dir"] == "drift-report")
            for name in ["drift-report.md", "drift-report.json", "drift-report.junit.xml"] {
                #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("drift-report/\(name)").path))
            }
            let summary = run.report["summary"] as? String ?? ""
            #expect(summary.contains("dev"), "the step summary holds the Markdown report: \(summary.prefix(300))")
            let uses = steps(run).compactMap { $0["skipped_uses"] as? String }
            #expect(uses.contains { $0.hasPrefix("actions/upload-artifact@") }, "reports are uploaded: \(uses)")
            #expect(!uses.contains { $0.hasPrefix("actions/cache@") }, "no cache restore when a binary is given")
            let lintStep = steps(run).first { ($0["name"] as? String)?.contains("Lint") == true }
            #expect(lintStep?["ran"] as? Bool == true && lintStep?["exit"] as? Int == 0)
            if planted {
                let checkOut = steps(run).first { ($0["name"] as? String)?.hasPrefix("Check") == true }?["stdout"] as? String ?? ""
                #expect(checkOut.contains("::error file=environments/dev.yaml"), "annotations: \(checkOut)")
            }
            #expect(!run.log.contains(CheckScenario.password))
        }
    }

    @Test func workflowExamplesUseTheActionFromATeamRepository() throws {
        let workflow = try String(contentsOf: Self.actionDirectory.appendingPathComponent("starrocks-drift.yml"), encoding: .utf8)
        #expect(workflow.contains("/ci/github@"), "the workflow uses the action")
        #expect(!workflow.contains("swift build"), "a team's repository holds no Swift package to build")
        let gitlab = try String(contentsOf: BinaryRunner.repositoryRoot.appendingPathComponent("ci/gitlab/starrocks-drift.gitlab-ci.yml"), encoding: .utf8)
        #expect(gitlab.contains("STARROCKS_DRIFT_VERSION") && gitlab.contains("cache:"))
    }
}
