import DriftTestSupport
import Foundation
import Testing

/// Issue 7's "Done when", end to end: the built `starrocks-drift` on the real Alembic/dialect output in
/// `Tests/Fixtures/AlembicSamples/`, checked against `starrocks-sim` serving `Fixtures/alembic/catalog` — the verbatim
/// `SHOW CREATE` text a StarRocks 3.3 FE prints for every object that `upgrade_head_offline.sql` creates (in
/// `analytics`, the environment's first database; `alembic_version` lives in the simulator's `state.yaml`).
@Suite("alembic end to end (offline SQL, versions/, simulator)", .serialized)
struct AlembicEndToEndTests {
    /// The objects the samples create at head, as `schema` prints their headers.
    static let objectsAtHead = ["CREATE TABLE `events`", "CREATE TABLE `users`", "CREATE VIEW `active_users_view`",
                                "CREATE MATERIALIZED VIEW `mv_daily_event_counts`"]

    @Test func samplesReplayToTheExpectedSchema() throws {
        let offline = try #require(AlembicScenario.sample("upgrade_head_offline.sql"))
        let out = try BinaryRunner.run(["schema", "--migrations", offline])
        #expect(out.status == 0, "\(out.stderr)")
        for header in Self.objectsAtHead { #expect(out.stdout.contains(header), "\(header) missing:\n\(out.stdout)") }
        for column in ["`utm_source` varchar(100)", "`utm_campaign` varchar(100) COMMENT \"campaign\"",
                       "`country` varchar(2)", "`payload` string"] {
            #expect(out.stdout.contains(column), "\(column) missing")
        }
        #expect(!out.stdout.contains("alembic_version"), "the version table is bookkeeping, not schema")
        // An earlier revision of the same file: 0003b applied, 0003a (utm_campaign) not.
        let earlier = try BinaryRunner.run(["schema", "--migrations", offline, "--revision", "0003b"])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        #expect(earlier.stdout.contains("`country` varchar(2)"))
        #expect(!earlier.stdout.contains("utm_campaign"))
    }

    @Test func fixtureCatalogIsWhatTheServerPrintsForTheSamples() throws {
        let offline = try #require(AlembicScenario.sample("upgrade_head_offline.sql"))
        let s = try AlembicScenario()
        defer { s.finish() }
        let actual = s.root.appendingPathComponent("actual.sql")
        let objects = try AlembicScenario.fixtureObjects()
        #expect(objects.keys.sorted() == ["active_users_view", "events", "mv_daily_event_counts", "users"])
        try objects.keys.sorted().map { objects[$0]! }.joined(separator: "\n").write(to: actual, atomically: true, encoding: .utf8)
        // Both sides live in `analytics` (the fixture's database, which its view and MV queries name): an offline
        // environment with that database says so, as `check` does with `databases: [analytics]`.
        let yaml = "name: offline\nconnection:\n  url: starrocks://drift_reader@127.0.0.1:9030/default_catalog.analytics\n"
            + "databases: [analytics]\n"
        try yaml.write(to: s.environments.appendingPathComponent("offline.yaml"), atomically: true, encoding: .utf8)
        let out = try BinaryRunner.run(["diff", "--expected", offline, "--actual", actual.path, "--env", "offline",
                                        "--environments", s.environments.path])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        // The MV's replication_num is set by no migration and its default depends on the cluster: one info finding.
        #expect(out.stdout.contains("1 finding(s), 4 object(s) compared, 0 not compared"), "\(out.stdout)")
        #expect(out.stdout.contains("property_default_unknown"), "\(out.stdout)")
    }

    @Test func atHeadIsClean() throws {
        let s = try AlembicScenario()
        defer { s.finish() }
        try s.start(version: "{table: alembic_version, revision: \"0004\", id_column: true}")
        let out = try s.check()
        #expect(out.status == 0, "\(out.stderr)")
        let env = try s.environment()
        #expect(env["status"] as? String == "clean")
        #expect(env["revision"] as? String == "0004")
        #expect(env["revisions_behind"] as? Int == 0)
        // Only the info that the MV's replication_num default depends on the cluster (no expect.properties here).
        let findings = try s.findings().filter { $0["kind"] as? String != "property_default_unknown" }
        #expect(findings.isEmpty, "\(findings)")
        #expect(try s.report()["head_revision"] as? String == "0004")
        // The revision came from the dialect's version table (id + version_num) in the environment's database,
        // and nothing but reads reached the server.
        let log = try String(contentsOf: s.root.appendingPathComponent("sim.log"), encoding: .utf8)
        let statements = log.split(separator: "\n").map { $0.uppercased() }
        #expect(statements.contains { $0.contains("FROM `ANALYTICS`.`ALEMBIC_VERSION`") }, "\(log)")
        for word in ["INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "TRUNCATE"] {
            #expect(!statements.contains { $0.hasPrefix(word) }, "\(word) sent: \(log)")
        }
    }

    @Test func bothBranchHeadsAppliedIsOneBehindTheMerge() throws {
        // The state after `0003b` and `0003a` ran but before the merge: two rows, and 0004 (no DDL) is pending.
        let s = try AlembicScenario()
        defer { s.finish() }
        try s.start(version: "{table: alembic_version, revisions: [\"0003a\", \"0003b\"], id_column: true}")
        let out = try s.check()
        #expect(out.status == 0, "pending does not gate: \(out.stderr)")
        let env = try s.environment()
        #expect(env["revisions_behind"] as? Int == 1)
        #expect(env["pending_revisions"] as? [String] == ["0004"])
        let findings = try s.findings()
        let behind = findings.first { $0["kind"] as? String == "revision_behind" }
        #expect(behind?["status"] as? String == "pending", "\(findings)")
        let message = (behind?["message"] as? String) ?? ""
        #expect(message.contains("pending 0004"), "\(findings)")
        #expect(findings.contains { $0["kind"] as? String == "version_table_rows" }, "\(findings)")
        #expect(!findings.contains { $0["status"] as? String == "drift" }, "\(findings)")
    }

    @Test func oneBehindWithAHandMadeColumnIsExactlyOneDrift() throws {
        let s = try AlembicScenario()
        defer { s.finish() }
        try s.start(version: "{table: alembic_version, revisions: [\"0003a\", \"0003b\"], id_column: true}",
                    edits: [AlembicScenario.handMadeColumn])
        let out = try s.check()
        #expect(out.status == 1, "\(out.stderr)")
        let env = try s.environment()
        #expect(env["status"] as? String == "drift")
        #expect(env["revisions_behind"] as? Int == 1)
        let drift = try s.findings().filter { $0["status"] as? String == "drift" }
        #expect(drift.map { "\($0["kind"] as? String ?? "") \($0["object"] as? String ?? "")" }
            == ["unexpected_column analytics.events.debug_flag"], "\(drift)")
    }

    @Test func atOneBranchHeadTheOtherBranchIsPending() throws {
        // `alembic upgrade 0003a` ran: users.country (0003b) is missing, and that is pending, not drift.
        let s = try AlembicScenario()
        defer { s.finish() }
        try s.start(version: "{table: alembic_version, revision: \"0003a\", id_column: true}",
                    edits: [AlembicScenario.withoutCountry])
        let out = try s.check()
        #expect(out.status == 0, "\(out.stderr)")
        let env = try s.environment()
        #expect(env["revisions_behind"] as? Int == 2)
        #expect(env["pending_revisions"] as? [String] == ["0003b", "0004"])
        let findings = try s.findings()
        let country = findings.first { $0["object"] as? String == "analytics.users.country" }
        #expect(country?["kind"] as? String == "missing_column", "\(findings)")
        #expect(country?["status"] as? String == "pending", "\(findings)")
        #expect(!findings.contains { $0["status"] as? String == "drift" }, "\(findings)")
    }

    @Test func projectFolderNamesPendingRevisionsAndSeparatesHandMadeDrift() throws {
        // versions/ for the graph (messages) + the one offline SQL file for the DDL, as an Alembic project keeps them.
        let s = try AlembicScenario()
        defer { s.finish() }
        let project = try s.alembicProject()
        try s.start(version: "{table: alembic_version, revision: \"0003a\", id_column: true}",
                    edits: [AlembicScenario.withoutCountry, AlembicScenario.handMadeColumn])
        let out = try s.check(migrations: project.path)
        #expect(out.status == 1, "\(out.stderr)")
        let findings = try s.findings()
        let drift = findings.filter { $0["status"] as? String == "drift" }.compactMap { $0["object"] as? String }
        let pending = findings.filter { $0["status"] as? String == "pending" }.compactMap { $0["object"] as? String }
        #expect(drift == ["analytics.events.debug_flag"], "\(findings)")
        #expect(pending.contains("analytics.users.country"), "\(findings)")
        let behind = findings.first { $0["kind"] as? String == "revision_behind" }
        let message = (behind?["message"] as? String) ?? ""
        #expect(message.contains("0003b (users country)"), "\(findings)")
    }

    @Test func versionsDirectoryHistoryShowsTheMergeAndTheHead() throws {
        let versions = try #require(AlembicScenario.sample("versions"))
        let out = try BinaryRunner.run(["history", "--migrations", versions])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "head: 0004", "\(out.stdout)")
        let merge = lines.first { $0.hasPrefix("0004 ") } ?? ""
        #expect(merge.contains("0003a, 0003b") && merge.contains("merge") && merge.contains("head"), "\(out.stdout)")
        for id in ["0001", "0002", "0003a", "0003b"] {
            #expect(lines.contains { $0.hasPrefix(id + " ") }, "\(id) missing: \(out.stdout)")
        }
        #expect(lines.contains { $0.hasPrefix("0003a ") && $0.contains("<- 0002") }, "\(out.stdout)")
    }

    @Test func lintFlagsTheHardCodedReplicationAndBuckets() throws {
        // The samples hard-code "replication_num" (events 3, users 1) and BUCKETS 10: warnings, which fail at the
        // default --fail-on warning and pass at --fail-on error (nothing StarRocks would reject).
        let offline = try #require(AlembicScenario.sample("upgrade_head_offline.sql"))
        let out = try BinaryRunner.run(["lint", "--migrations", offline])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("upgrade_head_offline.sql:24:5: warning:"), "\(out.stdout)")
        #expect(out.stdout.contains("upgrade_head_offline.sql:35:5: warning:"), "\(out.stdout)")
        #expect(out.stdout.contains("upgrade_head_offline.sql:33:25: warning:"), "\(out.stdout)")
        #expect(out.stdout.components(separatedBy: "[hard-coded-replication-num]").count - 1 == 2, "\(out.stdout)")
        #expect(out.stdout.contains("[hard-coded-buckets]"), "\(out.stdout)")
        #expect(out.stdout.contains("0 error(s), 3 warning(s)"), "\(out.stdout)")
        let lenient = try BinaryRunner.run(["lint", "--migrations", offline, "--fail-on", "error"])
        #expect(lenient.status == 0, "\(lenient.stdout)\(lenient.stderr)")
    }

    @Test func rangeBatchWithoutParenthesesIsRejectedWithItsLocation() throws {
        let rejected = try #require(AlembicScenario.sample("rejected_by_starrocks_offline.sql"))
        for command in ["schema", "lint"] {
            let out = try BinaryRunner.run([command, "--migrations", rejected])
            #expect(out.status == 2, "\(command): \(out.stdout)\(out.stderr)")
            #expect(out.stderr.contains("rejected_by_starrocks_offline.sql:21:32: error:"), "\(command): \(out.stderr)")
            #expect(out.stderr.contains("parentheses"), "\(command): \(out.stderr)")
            let lines = out.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let source = lines.firstIndex { $0.hasPrefix("PARTITION BY RANGE(event_date) START(") }
            #expect(source.map { lines[$0 + 1] } == String(repeating: " ", count: 31) + "^", "\(out.stderr)")
        }
    }

    @Test func offlineSQLWithoutTheBaseIsAnErrorNamingTheFix() throws {
        let partial = try #require(AlembicScenario.sample("upgrade_0002_to_head_offline.sql"))
        let out = try BinaryRunner.run(["schema", "--migrations", partial])
        #expect(out.status == 2)
        #expect(out.stderr.contains("revision 0002 has no DDL"), "\(out.stderr)")
        #expect(out.stderr.contains("alembic upgrade head --sql"), "\(out.stderr)")
    }
}

/// One Alembic scenario on disk: a copy of `Fixtures/alembic/catalog` (optionally edited) served by `starrocks-sim`
/// with a `state.yaml`, an environment file `staging.yaml` for it, and the report directory.
final class AlembicScenario: @unchecked Sendable {
    /// A change applied to the catalog copy: object name, text to find, replacement.
    typealias Edit = (object: String, find: String, replace: String)

    /// `users.country` (revision 0003b) not added yet.
    static let withoutCountry: Edit = ("users", ",\n  `country` varchar(2) NULL COMMENT \"\"", "")
    /// A column someone added by hand (no revision adds it).
    static let handMadeColumn: Edit = ("events", "`utm_campaign` varchar(100) NULL COMMENT \"campaign\"",
                                       "`utm_campaign` varchar(100) NULL COMMENT \"campaign\",\n  `debug_flag` boolean NULL COMMENT \"\"")

    let root: URL
    var simulator: BackgroundProcess?

    init() throws {
        root = try BinaryRunner.temporaryDirectory("alembic-e2e")
        try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
    }

    var environments: URL { root.appendingPathComponent("environments") }
    var out: URL { root.appendingPathComponent("out") }

    /// `Fixtures/alembic/catalog` in the repository.
    static var fixtureCatalog: URL {
        BinaryRunner.repositoryRoot.appendingPathComponent("Tests/DriftCheckTests/Fixtures/alembic/catalog")
    }

    /// Object name → SHOW CREATE text of the fixture catalog's `analytics` database.
    static func fixtureObjects() throws -> [String: String] {
        let dir = fixtureCatalog.appendingPathComponent("databases/analytics")
        var objects: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".sql") {
            objects[String(name.dropLast(4))] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return objects
    }

    /// A path in `Tests/Fixtures/AlembicSamples/` (nil, with a recorded issue, when it is missing).
    static func sample(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        RepositoryPaths.existing(RepositoryPaths.alembicSamples.appendingPathComponent(name),
                                 sourceLocation: sourceLocation)?.path
    }

    /// An Alembic project folder: `versions/*.py` plus the one offline SQL file, copied from the samples.
    func alembicProject() throws -> URL {
        let project = root.appendingPathComponent("alembic-project")
        let versions = try #require(Self.sample("versions"))
        let offline = try #require(Self.sample("upgrade_head_offline.sql"))
        let copy = project.appendingPathComponent("versions")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        // File by file, so that the copies are writable whatever the source's mode bits.
        for name in try FileManager.default.contentsOfDirectory(atPath: versions) where name.hasSuffix(".py") {
            try FileManager.default.copyItem(atPath: (versions as NSString).appendingPathComponent(name),
                                             toPath: copy.appendingPathComponent(name).path)
        }
        try FileManager.default.copyItem(atPath: offline, toPath: project.appendingPathComponent("upgrade.sql").path)
        return project
    }

    /// Copies the fixture catalog with `edits`, writes `state.yaml` with the `version:` mapping, starts the
    /// simulator (3 backends: events and the MV use replication_num 3) and writes `environments/staging.yaml`.
    func start(version: String, edits: [Edit] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let catalog = root.appendingPathComponent("catalog")
        let database = catalog.appendingPathComponent("databases/analytics")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        var objects = try Self.fixtureObjects()
        for edit in edits {
            let text = objects[edit.object] ?? ""
            guard text.contains(edit.find) else {
                Issue.record("fixture \(edit.object).sql no longer contains \(edit.find)", sourceLocation: sourceLocation)
                continue
            }
            objects[edit.object] = text.replacingOccurrences(of: edit.find, with: edit.replace)
        }
        for (name, text) in objects {
            try text.write(to: database.appendingPathComponent("\(name).sql"), atomically: true, encoding: .utf8)
        }
        let state = "server_version: \"3.3.2\"\nbackends: {alive: 3, total: 3}\nversion: \(version)\n"
        try state.write(to: catalog.appendingPathComponent("state.yaml"), atomically: true, encoding: .utf8)
        let sim = try BackgroundProcess(
            executable: BinaryRunner.productsDirectory.appendingPathComponent("starrocks-sim"),
            arguments: ["--catalog", catalog.path, "--port", "0", "--user", "drift_reader",
                        "--password-env", CheckScenario.passwordVariable, "--log", root.appendingPathComponent("sim.log").path],
            environment: [CheckScenario.passwordVariable: CheckScenario.password])
        simulator = sim
        let yaml = """
        name: staging
        connection:
          url: starrocks://drift_reader@127.0.0.1:\(sim.port)/default_catalog.analytics
          password_env: \(CheckScenario.passwordVariable)
          connect_timeout_s: 3
          read_timeout_s: 10
          tls: disabled
        databases: [analytics]
        expect:
          backends: 3

        """
        try yaml.write(to: environments.appendingPathComponent("staging.yaml"), atomically: true, encoding: .utf8)
    }

    /// `starrocks-drift check` against the samples' offline SQL (or `migrations`).
    func check(migrations: String? = nil) throws -> BinaryRunner.Output {
        let path = try migrations ?? #require(Self.sample("upgrade_head_offline.sql"))
        return try BinaryRunner.run(["check", "--environments", environments.path, "--migrations", path,
                                     "--out", out.path], environment: [CheckScenario.passwordVariable: CheckScenario.password])
    }

    /// The JSON report, parsed.
    func report() throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("drift-report.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The `staging` environment's entry of the report.
    func environment() throws -> [String: Any] {
        let envs = try report()["environments"] as? [[String: Any]] ?? []
        return envs.first { $0["name"] as? String == "staging" } ?? [:]
    }

    func findings() throws -> [[String: Any]] {
        try environment()["findings"] as? [[String: Any]] ?? []
    }

    func finish() {
        simulator?.stop()
        try? FileManager.default.removeItem(at: root)
    }
}
