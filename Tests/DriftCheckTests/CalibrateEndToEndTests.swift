import Foundation
import Testing
@testable import DriftCheck

/// `calibrate` end to end: the built binary against `starrocks-sim --writable` playing an unknown StarRocks version
/// (a simulator, not StarRocks; see `CalibrateScenario.printer`).
@Suite("calibrate (binary, writable simulator playing another version)", .serialized)
struct CalibrateEndToEndTests {
    @Test func learnsTheProfileListsTheDisagreementAndDropsTheProbeDatabase() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment()
        let out = try s.run("calibrate", ["--cases", s.cases.path])
        #expect(out.status == 1, "a disagreement (the view's COMMENT \"SYSTEM_VIEW\") is exit 1: \(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("calibrate dev (server 9.9.1, shared_nothing): profile learned, 1 disagreement(s)"))
        #expect(out.stdout.contains("table: fills in future_tablet_policy = \"balanced\""))
        #expect(out.stdout.contains("materialized view: does not print enable_query_rewrite set to \"FALSE\""))
        #expect(out.stdout.contains("materialized view: fills in mv_staleness_guard = \"strict\""))
        #expect(out.stdout.contains("spells enable_load_profile \"false\" as \"0\""))
        #expect(out.stdout.contains("v_probe (a view with a column list and a join):"))
        #expect(out.stdout.contains("view_comment:"))

        // The profile file.
        let profile = try String(contentsOf: s.profile, encoding: .utf8)
        #expect(profile.contains("server_version: \"9.9.1\""))
        #expect(profile.contains("run_mode: \"shared_nothing\""))
        #expect(profile.contains("\"future_tablet_policy\": \"balanced\""))
        #expect(profile.contains("\"file_bundling\": \"true\""), "a default the cluster decides is learned")
        #expect(profile.contains("unprinted_defaults:\n  table: {}\n  materialized_view:\n    \"enable_query_rewrite\": \"FALSE\""))
        #expect(profile.contains("\"enable_load_profile\": {\"false\": \"0\"}"))
        let parsed = try ProfileFile.parse(profile, file: s.profile.path)
        #expect(parsed.filledIn[.materializedView]?["mv_staleness_guard"] == ["strict"])
        #expect(parsed.spellings["enable_load_profile"] == ["false": "0"])
        #expect(!profile.contains("\"compression\""), "what the offline model already knows is not learned again")

        // The case folder, shaped like the corpus.
        let folder = s.cases.appendingPathComponent("001_calibrate_v_probe")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["deps.sql", "expected_show_create.sql", "input.sql", "source.txt"])
        let printed = try String(contentsOf: folder.appendingPathComponent("expected_show_create.sql"), encoding: .utf8)
        #expect(printed.contains("COMMENT \"SYSTEM_VIEW\""))
        let source = try String(contentsOf: folder.appendingPathComponent("source.txt"), encoding: .utf8)
        #expect(source.contains("server version: 9.9.1"))
        let input = try String(contentsOf: folder.appendingPathComponent("input.sql"), encoding: .utf8)
        #expect(input.hasPrefix("CREATE VIEW"))

        // The probe database is gone, and nothing was written outside it.
        let created = s.probeDatabasesCreated()
        #expect(created.count == 1)
        let probe = try #require(created.first)
        #expect(out.stdout.contains("probe database \(probe): dropped"))
        let writes = s.writes()
        #expect(writes.last == "DROP DATABASE IF EXISTS `\(probe)` FORCE")
        for line in writes {
            let inside = line.hasPrefix("CREATE DATABASE `\(probe)`") || line.hasPrefix("DROP DATABASE IF EXISTS `\(probe)`")
                || line.contains(" `\(probe)`.`")
            #expect(inside, "a write outside the probe database: \(line)")
        }
        let again = try s.run("calibrate")
        #expect(!again.stdout.contains("left alone") && !again.stdout.contains("earlier runs"), "\(again.stdout)")

        // Secrets never appear.
        for text in [out.stdout, out.stderr, profile, source, try s.base.allOutputs()] {
            #expect(!text.contains(CalibrateScenario.writerPassword))
            #expect(!text.contains(CheckScenario.password))
        }
    }

    @Test func checkIsRedWithoutTheProfileAndCleanWithIt() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment()
        let upgrade = try s.run("upgrade", ["--yes"])
        #expect(upgrade.status == 0, "\(upgrade.stdout)\n\(upgrade.stderr)")

        let red = try s.base.check(["--no-notify"])
        #expect(red.status == 1, "without a profile this server's spellings are drift: \(red.stdout)")
        let objects = Set(try s.base.findings("dev").filter { $0["severity"] as? String != "info" }
            .compactMap { $0["object"] as? String })
        #expect(objects.contains("analytics.events.properties.future_tablet_policy"))
        #expect(objects.contains("analytics.events.properties.enable_load_profile"))
        #expect(objects.contains("analytics.events_by_day.properties.enable_query_rewrite"))
        #expect(objects.contains("analytics.events_by_day.properties.mv_staleness_guard"))

        let calibrate = try s.run("calibrate")
        #expect(calibrate.status == 1, "\(calibrate.stdout)\n\(calibrate.stderr)")
        let clean = try s.base.check(["--no-notify"])
        let remaining = try s.base.findings("dev")
        #expect(clean.status == 0, "with the profile: \(clean.stdout)\n\(remaining)")
        let plan = try s.run("plan")
        #expect(plan.status == 0, "plan uses the profile too: \(plan.stdout)")

        // A profile learned on another version still applies, with a warning to calibrate again.
        let text = try String(contentsOf: s.profile, encoding: .utf8)
        try text.replacingOccurrences(of: "server_version: \"9.9.1\"", with: "server_version: \"9.8.0\"")
            .write(to: s.profile, atomically: true, encoding: .utf8)
        let warned = try s.base.check(["--no-notify"])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("was learned on StarRocks 9.8.0 but the server runs 9.9.1; run "
            + "`starrocks-drift calibrate --env dev` again"), "\(warned.stderr)")
        let planWarned = try s.run("plan")
        #expect(planWarned.stdout.contains("run `starrocks-drift calibrate --env dev` again"))
        let diffWarned = try BinaryRunner.run(["diff", "--expected", s.base.migrations.path, "--actual", "env:dev",
                                               "--environments", s.base.environments.path], environment: s.variables)
        #expect(diffWarned.status == 0, "\(diffWarned.stdout)\n\(diffWarned.stderr)")
        #expect(diffWarned.stderr.contains("was learned on StarRocks 9.8.0 but the server runs 9.9.1; run "
            + "`starrocks-drift calibrate --env dev` again"), "diff warns too: \(diffWarned.stderr)")
    }

    @Test func sharedDataClusterGetsTheSharedDataProbes() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start(runMode: "shared_data")
        try s.writeEnvironment()
        let out = try s.run("calibrate")
        #expect(out.stdout.contains("(server 9.9.1, shared_data)"), "\(out.stdout)")
        #expect(out.stdout.contains("probes: \(ProbeSet.probes(runMode: "shared_data").count) created, 0 rejected"))
        #expect(s.writes().contains { $0.contains("`.`p_cloud_cache`") })
        #expect(try String(contentsOf: s.profile, encoding: .utf8).contains("run_mode: \"shared_data\""))
    }

    @Test func aRejectedProbeIsListedAndTheOthersStillCount() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start(extra: ["--fail-statement", "^CREATE TABLE \\S+\\.`p_aggregate`"])
        try s.writeEnvironment()
        let out = try s.run("calibrate")
        #expect(out.status == 0, "no probe disagrees (the view that would is not created): \(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("profile learned, no disagreement"))
        #expect(out.stdout.contains("rejected p_aggregate: Getting analyzing error. Detail message: statement rejected by starrocks-sim"))
        #expect(out.stdout.contains("rejected v_probe: not created: it reads p_aggregate, which the server rejected"))
        #expect(out.stdout.contains("rejected mv_rewrite_off: not created: it reads p_aggregate"))
        #expect(out.stdout.contains("table: fills in future_tablet_policy = \"balanced\""))
        #expect(!out.stdout.contains("does not print enable_query_rewrite"), "only the rejected probe sets it")
        #expect(s.writes().last == "DROP DATABASE IF EXISTS `\(try #require(s.probeDatabasesCreated().first))` FORCE")
    }

    @Test func refusedWithoutACalibrateBlock() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment(calibrate: false)
        let out = try s.run("calibrate")
        #expect(out.status == 2)
        #expect(out.stdout.contains("calibrate is not set up for environment dev"))
        #expect(out.stdout.contains("`calibrate: {user: drift_probe, password_env: <VARIABLE>"))
        #expect(s.writes().isEmpty, "nothing written: \(s.writes())")
        #expect(!FileManager.default.fileExists(atPath: s.profile.path))
    }

    /// A wrong calibrate password names the calibrate block, not only the url's user (which calibrate does not use).
    @Test func aRefusedLoginPointsAtTheCalibrateBlock() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment()
        let out = try BinaryRunner.run(["calibrate", "--env", "dev", "--environments", s.base.environments.path],
                                       environment: [CalibrateScenario.writerVariable: "not-the-Pa55word"])
        #expect(out.status == 2)
        #expect(out.stdout.contains("login as 'drift_probe'"), "\(out.stdout)")
        #expect(out.stdout.contains("calibrate.user and that block's password_env"), "\(out.stdout)")
        #expect(!out.stdout.contains("not-the-Pa55word") && !out.stderr.contains("not-the-Pa55word"))
    }

    /// `--cases` naming a file is refused before connecting: it was found only after the probes had been created
    /// on the cluster and the profile written, and the run then exited 2.
    @Test func casesPathThatIsAFileIsRefusedBeforeConnecting() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start()
        try s.writeEnvironment()
        let file = s.base.root.appendingPathComponent("cases.txt")
        try "".write(to: file, atomically: true, encoding: .utf8)
        let out = try s.run("calibrate", ["--cases", file.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--cases \(file.path) is a file"), "\(out.stdout)\n\(out.stderr)")
        #expect(s.statements().isEmpty, "nothing reached the server: \(s.statements())")
        #expect(!FileManager.default.fileExists(atPath: s.profile.path))
    }

    @Test func failedRunStillDropsItsProbeDatabaseAndWritesNoProfile() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start(extra: ["--deny", "SHOW CREATE MATERIALIZED VIEW"])
        try s.writeEnvironment()
        let out = try s.run("calibrate")
        #expect(out.status == 2, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("calibrate dev (server 9.9.1, shared_nothing): failed"))
        let probe = try #require(s.probeDatabasesCreated().first)
        #expect(out.stdout.contains("probe database \(probe): dropped"))
        #expect(s.writes().last == "DROP DATABASE IF EXISTS `\(probe)` FORCE")
        #expect(!FileManager.default.fileExists(atPath: s.profile.path))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func interruptedRunDropsItsProbeDatabaseAtOnce(signal: Int32) throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        try s.start(latencyMilliseconds: 150)
        try s.writeEnvironment()
        let process = try s.startCalibrate()
        #expect(s.waitForStatement("CREATE TABLE `\(CalibrateScenario.prefix)_"), "calibrate did not start its probes")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let probe = try #require(s.probeDatabasesCreated().first)
        #expect(s.statements().contains("DROP DATABASE IF EXISTS `\(probe)` FORCE"))
        #expect(!FileManager.default.fileExists(atPath: s.profile.path), "no profile from an interrupted run")
        let next = try s.run("calibrate")
        #expect(!next.stdout.contains(probe), "the interrupted run's database is already gone: \(next.stdout)")
    }

    @Test func killedRunLeavesAProbeDatabaseALaterRunDropsOnceStale() throws {
        let s = try CalibrateScenario()
        defer { s.finish() }
        let old = "\(CalibrateScenario.prefix)_1000000000_abcdef"
        try s.start(databases: [old, "analytics_keep", "\(CalibrateScenario.prefix)_other"], latencyMilliseconds: 150)
        try s.writeEnvironment()
        let process = try s.startCalibrate()
        #expect(s.waitForStatement("CREATE TABLE `\(CalibrateScenario.prefix)_"), "calibrate did not start its probes")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let killed = try #require(s.probeDatabasesCreated().first)
        #expect(!s.statements().contains("DROP DATABASE IF EXISTS `\(killed)` FORCE"))
        // Before creating its own, the run dropped the probe database an hour-old crashed run left.
        let log = s.statements()
        let dropOld = try #require(log.firstIndex(of: "DROP DATABASE IF EXISTS `\(old)` FORCE"))
        let create = try #require(log.firstIndex(of: "CREATE DATABASE `\(killed)`"))
        #expect(dropOld < create)

        // The next run leaves the young one (maybe another run's) and everything else alone.
        let next = try s.run("calibrate")
        #expect(next.stdout.contains("left alone (another run may be using them): \(killed)"), "\(next.stdout)")
        #expect(!s.statements().contains { $0.contains("analytics_keep") || $0.contains("_probe_other") })

        // Once it is older than the limit, a later run drops it too.
        Thread.sleep(forTimeInterval: 1.1)
        let later = try s.run("calibrate", ["--stale-after-s", "1"])
        #expect(later.stdout.contains("dropped: \(killed)"), "\(later.stdout)")
        #expect(s.statements().contains("DROP DATABASE IF EXISTS `\(killed)` FORCE"))
    }
}
