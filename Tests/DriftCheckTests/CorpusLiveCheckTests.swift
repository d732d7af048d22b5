import DriftTestSupport
import Foundation
import SchemaModel
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// The live path over the whole corpus: every case is served by `starrocks-sim` (the case's object as the server
/// printed it, its dependencies beside it in the same database) and checked with `starrocks-drift check` against the
/// same DDL as a migration history that creates its databases (`CREATE DATABASE x; USE x; ...`). No finding may be
/// above info: under the strict gate anything else would be false drift. Not-compared entries are allowed only for
/// the stated limits (CTAS columns, rollups).
@Suite("check over the StarRocks corpus (binary, simulator)")
struct CorpusLiveCheckTests {
    /// One case placed in a simulator database.
    struct Placed {
        let corpusCase: Corpus.Case
        let database: String
    }

    /// Cases grouped so that no database is used twice in one group (3.x view and MV texts name the database the
    /// case ran in, and several cases ran in the same one): one simulator and one `check` per group.
    static func groups(_ cases: [Corpus.Case]) -> [[Placed]] {
        var groups: [[Placed]] = []
        for corpusCase in cases {
            let named = corpusCase.database != Corpus.defaultDatabase
            let database = named ? corpusCase.database : "c" + String(corpusCase.name.prefix(3))
            if let index = groups.firstIndex(where: { group in !group.contains { $0.database == database } }) {
                groups[index].append(Placed(corpusCase: corpusCase, database: database))
            } else {
                groups.append([Placed(corpusCase: corpusCase, database: database)])
            }
        }
        return groups
    }

    /// The migration history of one group: one revision that creates each database and replays its case.
    static func history(_ group: [Placed]) -> String {
        var text = "-- revision: 0001\n-- down_revision: none\n-- message: corpus cases\n"
        for placed in group {
            text += "\nCREATE DATABASE \(placed.database);\nUSE \(placed.database);\n"
            text += placed.corpusCase.dependencies + "\n" + placed.corpusCase.input + "\n"
        }
        return text
    }

    /// The simulator catalog of one group: the case's object verbatim, every other object of the replayed case (its
    /// dependencies, after the case's own statements) printed canonically.
    static func writeCatalog(_ group: [Placed], to directory: URL) throws {
        for placed in group {
            let folder = directory.appendingPathComponent("databases/\(placed.database)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let corpusCase = placed.corpusCase
            let replayed = try Catalog.load(sql: corpusCase.dependencies + "\n" + corpusCase.input,
                                            file: "\(corpusCase.name)/input.sql", defaultDatabase: placed.database)
            let database = replayed.databases[placed.database] ?? Database(name: placed.database)
            var texts: [String: String] = [:]
            for (name, table) in database.tables { texts[name] = CanonicalDDL.table(table) }
            for (name, view) in database.views { texts[name] = CanonicalDDL.view(view) }
            for (name, view) in database.materializedViews { texts[name] = CanonicalDDL.materializedView(view) }
            texts[corpusCase.objectName] = corpusCase.showCreate
            for (name, text) in texts {
                try text.write(to: folder.appendingPathComponent("\(name).sql"), atomically: true, encoding: .utf8)
            }
        }
        let meta = directory.appendingPathComponent("databases/drift_meta")
        try FileManager.default.createDirectory(at: meta, withIntermediateDirectories: true)
        try DemoCatalogs.alembicVersion(replication: "3")
            .write(to: meta.appendingPathComponent("alembic_version.sql"), atomically: true, encoding: .utf8)
        let state = """
            server_version: "3.3.2"
            backends: {alive: 3, total: 3}
            version: {table: alembic_version, revision: "0001"}

            """
        try state.write(to: directory.appendingPathComponent("state.yaml"), atomically: true, encoding: .utf8)
    }

    @Test func everyCaseChecksCleanThroughTheSimulator() throws {
        let cases = Corpus.cases()
        try #require(!cases.isEmpty)
        let groups = Self.groups(cases)
        var failures: [String] = []
        var checked = 0
        var infos = 0
        for (number, group) in groups.enumerated() {
            let root = try BinaryRunner.temporaryDirectory("corpus-live-\(number)")
            defer { try? FileManager.default.removeItem(at: root) }
            let catalog = root.appendingPathComponent("catalog")
            try Self.writeCatalog(group, to: catalog)
            let migrations = root.appendingPathComponent("migrations")
            try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
            try Self.history(group).write(to: migrations.appendingPathComponent("0001_corpus.sql"), atomically: true,
                                          encoding: .utf8)
            let simulator = try BackgroundProcess(
                executable: BinaryRunner.productsDirectory.appendingPathComponent("starrocks-sim"),
                arguments: ["--catalog", catalog.path, "--port", "0"])
            defer { simulator.stop() }
            let environments = root.appendingPathComponent("environments")
            try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
            let databases = group.map(\.database).joined(separator: ", ")
            let yaml = """
                connection:
                  url: starrocks://root@127.0.0.1:\(simulator.port)/drift_meta
                  tls: disabled
                databases: [drift_meta, \(databases)]
                version_table: drift_meta.alembic_version
                # The corpus was recorded years ago: its RANGE windows have ended, a true operational fact, not drift.
                severity: {partition_window_ending: info}

                """
            try yaml.write(to: environments.appendingPathComponent("corpus.yaml"), atomically: true, encoding: .utf8)
            let out = root.appendingPathComponent("out")
            let run = try BinaryRunner.run(["check", "--environments", environments.path, "--migrations", migrations.path,
                                            "--out", out.path, "--no-notify"])
            let report = try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("drift-report.json"))) as? [String: Any] ?? [:]
            let environment = (report["environments"] as? [[String: Any]])?.first ?? [:]
            if let error = environment["error"] as? String {
                failures.append("group \(number): could not check: \(error)\n\(run.stderr)")
                continue
            }
            let findings = environment["findings"] as? [[String: Any]] ?? []
            let notCompared = environment["not_compared"] as? [[String: Any]] ?? []
            for placed in group {
                checked += 1
                let prefix = placed.database + "."
                let mine = findings.filter { ($0["object"] as? String)?.hasPrefix(prefix) == true }
                let serious = mine.filter { $0["severity"] as? String != "info" }
                infos += mine.count - serious.count
                let skipped = notCompared.filter { ($0["object"] as? String)?.hasPrefix(prefix) == true }
                    .filter { item in
                        // Stated limits, each with its reason: CTAS columns, rollups and synchronous MVs.
                        let reason = item["reason"] as? String ?? ""
                        return !reason.contains("AS SELECT") && !reason.contains("rollup")
                    }
                if !serious.isEmpty || !skipped.isEmpty {
                    let text = serious.map { "\($0["severity"] ?? "")/\($0["kind"] ?? "") \($0["object"] ?? ""): \($0["message"] ?? "")" }
                        + skipped.map { "not compared \($0["object"] ?? ""): \($0["reason"] ?? "")" }
                    failures.append("\(placed.corpusCase.name): " + text.joined(separator: "; "))
                }
            }
            let others = findings.filter { finding in
                let object = finding["object"] as? String ?? ""
                return finding["severity"] as? String != "info" && !group.contains { object.hasPrefix($0.database + ".") }
            }
            for finding in others {
                failures.append("group \(number): \(finding["kind"] ?? "") \(finding["object"] ?? ""): \(finding["message"] ?? "")")
            }
            if run.status != 0 && failures.isEmpty {
                failures.append("group \(number): exit \(run.status) without a finding above info\n\(run.stderr)")
            }
        }
        print("corpus live check: \(checked) cases in \(groups.count) simulator runs, \(failures.count) with findings "
            + "above info, \(infos) info findings")
        #expect(checked == cases.count)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
