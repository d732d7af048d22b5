import ChildProcess
import DriftTestSupport
import Foundation
import Testing
import SchemaModel
@testable import DriftCheck

/// SQLAlchemy models as an expected source, end to end with the real pinned SQLAlchemy, `starrocks` dialect and
/// Alembic (`.build/pyenv`) over the repository's example project (examples/alembic).
@Suite("models end to end (provider, check --models, Alembic)", .serialized)
struct ModelsEndToEndTests {
    /// The JSON report's `models` section.
    static func modelsSection(_ directory: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("drift-report.json"))
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return document["models"] as? [String: Any] ?? [:]
    }

    @Test func theBinaryCarriesTheProviderScriptVerbatim() throws {
        let file = AlembicExample.repositoryRoot.appendingPathComponent("scripts/python/models_provider.py")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(ModelsProviderScript.source + "\n" == text,
                "Sources/DriftCheck/Models/ModelsProviderScript.swift is stale: run scripts/embed-models-provider.sh")
    }

    @Test func theExampleModelsMatchTheirAlembicHead() throws {
        let python = try #require(AlembicExample.python)
        let example = try AlembicExample()
        defer { example.finish() }
        let heads = try example.alembic(["heads"])
        #expect(heads.status == 0, "\(heads.stderrText)")
        #expect(heads.stdoutText.hasPrefix("0006 (head)"), "\(heads.stdoutText)")
        let offline = try example.renderOfflineSQL()
        let out = try example.drift(["diff", "--expected", offline, "--actual", "models:app.models:Base",
                                     "--python", python])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("no drift — 0 finding(s), 3 object(s) compared"), "\(out.stdout)")
        // The provider's DDL carries what the model declares: PRIMARY KEY, RANGE START/END/EVERY, HASH, the
        // replication placeholder, the view and the MV.
        let schema = try example.drift(["diff", "--expected", "models:app.models:Base", "--actual", offline,
                                        "--python", python, "--format", "json"])
        #expect(schema.status == 0, "\(schema.stderr)")
    }

    @Test func aChangedModelWithoutARevisionFailsCheckUntilTheRevisionIsAdded() throws {
        let python = try #require(AlembicExample.python)
        let example = try AlembicExample()
        defer { example.finish() }
        try example.edit("app/models.py", replacing: "    utm_campaign = Column(VARCHAR(100))\n",
                         with: "    utm_campaign = Column(VARCHAR(100))\n    referrer = Column(VARCHAR(255))\n")
        try example.edit("app/models.py", replacing: "comment=\"events per day\"", with: "comment=\"events per day (UTC)\"")
        let out = example.root.appendingPathComponent("report")
        let red = try example.drift(["check", "--models", "app.models:Base", "--migrations", try example.renderOfflineSQL(),
                                     "--python", python, "--out", out.path])
        #expect(red.status == 1, "\(red.stdout)\(red.stderr)")
        let models = try Self.modelsSection(out)
        let findings = models["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["kind"] as? String } == ["model_not_migrated", "model_not_migrated"], "\(findings)")
        #expect(Set(findings.compactMap { $0["object"] as? String })
                == ["default.events.referrer", "default.daily_events"], "\(findings)")
        #expect((findings.first?["message"] as? String)?.contains("run `alembic revision --autogenerate`") == true)
        let markdown = try String(contentsOf: out.appendingPathComponent("drift-report.md"), encoding: .utf8)
        #expect(markdown.contains("- **DRIFT** models `app.models:Base`: 2 changes without a revision"), "\(markdown)")
        #expect(markdown.contains("### Changes without a revision (2)"))

        // The revision for these changes, generated from the models without a database (`revision --autogenerate
        // --format alembic --from models:...`, what `alembic revision --autogenerate` does against a server), added to
        // versions/: Alembic takes it and the gate passes.
        let projectSQL = example.root.appendingPathComponent("migrations/offline.sql")
        try String(contentsOfFile: try example.renderOfflineSQL(), encoding: .utf8)
            .write(to: projectSQL, atomically: true, encoding: .utf8)
        let generated = try example.drift(["revision", "-m", "add referrer", "--autogenerate", "--format", "alembic",
                                           "--from", "models:app.models:Base", "--python", python,
                                           "--migrations", "migrations"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let file = try #require(generated.stdout.split(separator: "\n").first.map(String.init))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("op.add_column(\"events\", sa.Column(\"referrer\", VARCHAR(length=255), nullable=True))"), "\(text)")
        #expect(text.contains("COMMENT \"events per day (UTC)\""), "\(text)")
        try FileManager.default.removeItem(at: projectSQL)
        #expect(try example.alembic(["heads"]).stdoutText.hasPrefix("0007 (head)"))
        let green = try example.drift(["check", "--models", "app.models:Base", "--migrations", try example.renderOfflineSQL(),
                                       "--python", python, "--out", out.path])
        #expect(green.status == 0, "\(green.stdout)\(green.stderr)")
        #expect((try Self.modelsSection(out)["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func theCIScriptRunsTheModelsGate() throws {
        let python = try #require(AlembicExample.python)
        let example = try AlembicExample()
        defer { example.finish() }
        let offline = try example.renderOfflineSQL()
        let out = example.root.appendingPathComponent("report")
        let script = AlembicExample.repositoryRoot.appendingPathComponent("ci/drift-check.sh")
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), [script.path], environment: [
            "STARROCKS_DRIFT": BinaryRunner.productsDirectory.appendingPathComponent("starrocks-drift").path,
            "DRIFT_MODELS": "app.models:Base", "DRIFT_PYTHON": python, "DRIFT_MIGRATIONS": offline,
            "DRIFT_OUT": out.path, "DRIFT_NO_NOTIFY": "1",
        ], currentDirectory: example.root)
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(try Self.modelsSection(out)["status"] as? String == "clean")
    }

    @Test func badModelsAreClearErrorsWithExitTwo() throws {
        let python = try #require(AlembicExample.python)
        let example = try AlembicExample()
        defer { example.finish() }
        let offline = try example.renderOfflineSQL()
        func diff(_ models: String, python: String) throws -> BinaryRunner.Output {
            try example.drift(["diff", "--expected", offline, "--actual", "models:\(models)", "--python", python])
        }
        let module = try diff("app.nosuch:Base", python: python)
        #expect(module.status == 2)
        #expect(module.stderr.contains("models:app.nosuch:Base: ModuleNotFoundError: No module named 'app.nosuch'; make app.nosuch importable"), "\(module.stderr)")
        let attribute = try diff("app.models:Nope", python: python)
        #expect(attribute.status == 2)
        #expect(attribute.stderr.contains("module app.models has no attribute Nope"), "\(attribute.stderr)")
        let notMetadata = try diff("app.settings:REPLICATION_NUM", python: python)
        #expect(notMetadata.status == 2)
        #expect(notMetadata.stderr.contains("is a str, not a MetaData or a declarative base"), "\(notMetadata.stderr)")
        // An interpreter without SQLAlchemy and the dialect (python3 -S: no site-packages at all).
        let bare = example.root.appendingPathComponent("bare-python")
        try "#!/bin/sh\nexec python3 -S \"$@\"\n".write(to: bare, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bare.path)
        let dialect = try diff("app.models:Base", python: bare.path)
        #expect(dialect.status == 2)
        #expect(dialect.stderr.contains("ModuleNotFoundError: No module named 'sqlalchemy'; pip install 'SQLAlchemy>=2' 'starrocks>=1.3'"), "\(dialect.stderr)")
        // A starrocks release older than 1.3 (its distribution metadata first on the path).
        let old = example.root.appendingPathComponent("old-dialect")
        let info = old.appendingPathComponent("starrocks-1.2.3.dist-info")
        try FileManager.default.createDirectory(at: old.appendingPathComponent("starrocks"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
        try "".write(to: old.appendingPathComponent("starrocks/__init__.py"), atomically: true, encoding: .utf8)
        try "Metadata-Version: 2.1\nName: starrocks\nVersion: 1.2.3\n".write(to: info.appendingPathComponent("METADATA"),
                                                                              atomically: true, encoding: .utf8)
        let oldPython = example.root.appendingPathComponent("old-python")
        try "#!/bin/sh\nPYTHONPATH=\(old.path) exec \(python) \"$@\"\n".write(to: oldPython, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: oldPython.path)
        let tooOld = try diff("app.models:Base", python: oldPython.path)
        #expect(tooOld.status == 2)
        #expect(tooOld.stderr.contains("starrocks 1.2.3 is too old (1.3 or later is needed); pip install"), "\(tooOld.stderr)")
        let missing = try diff("app.models:Base", python: "/no/such/python")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no executable file at /no/such/python"), "\(missing.stderr)")
        let usage = try example.drift(["diff", "--expected", offline, "--actual", "models:app.models"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("expected MODULE:ATTR"), "\(usage.stderr)")
        let check = try example.drift(["check", "--models", "app.nosuch:Base", "--migrations", offline, "--python", python,
                                       "--out", example.root.appendingPathComponent("report").path])
        #expect(check.status == 2, "an unreadable model is never a clean gate")
    }
}

/// The example's models against a live environment (a simulator serving the example's schema with prod's
/// `replication_num` 3 and one planted difference), through `diff` and through `check --models --env`.
@Suite("models against an environment end to end (provider, simulator)", .serialized)
struct ModelsAgainstEnvironmentEndToEndTests {
    @Test func modelsAgainstProdFindExactlyThePlantedDifference() throws {
        let python = try #require(AlembicExample.python)
        let example = try AlembicExample()
        defer { example.finish() }
        let s = try CheckScenario()
        defer { s.finish() }
        // prod's server: the head of the example history with replication 3, printed canonically, minus utm_campaign.
        let head = try example.drift(["schema", "--migrations", try example.renderOfflineSQL(), "--env", "prod",
                                      "--environments", "environments"])
        #expect(head.status == 0, "\(head.stderr)")
        let catalog = try Catalog.load(sql: head.stdout.replacingOccurrences(of: ",\n  `utm_campaign` varchar(100)", with: ""),
                                       file: "head.sql", defaultDatabase: "analytics")
        let database = try #require(catalog.databases["analytics"])
        var objects: [String: String] = [:]
        for (name, table) in database.tables { objects[name] = CanonicalDDL.table(table) }
        for (name, view) in database.views { objects[name] = CanonicalDDL.view(view) }
        for (name, view) in database.materializedViews { objects[name] = CanonicalDDL.materializedView(view) }
        #expect(objects.keys.sorted() == ["daily_events", "events", "events_by_source"])
        #expect(objects["events"]?.contains("\"replication_num\" = \"3\"") == true)
        let port = try s.startSimulator(name: "prod", objects: objects, revision: nil, backends: 3)
        try s.writeEnvironment(name: "prod", port: port, replication: "3", backends: 3)

        let environment = [CheckScenario.passwordVariable: CheckScenario.password] as [String: String?]
        let diff = try example.drift(["diff", "--expected", "models:app.models:Base", "--actual", "env:prod",
                                      "--environments", s.environments.path, "--python", python], environment: environment)
        #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("prod: drift — 1 finding(s)"), "\(diff.stdout)")
        #expect(diff.stdout.contains("ERROR missing_column analytics.events.utm_campaign"), "\(diff.stdout)")

        // check --models with --env: the environment against the head, the models against the head, one report.
        let out = example.root.appendingPathComponent("report")
        let check = try example.drift(["check", "--models", "app.models:Base", "--env", "prod", "--environments",
                                       s.environments.path, "--migrations", try example.renderOfflineSQL(),
                                       "--python", python, "--out", out.path, "--no-notify"], environment: environment)
        #expect(check.status == 1, "\(check.stderr)")
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("drift-report.json"))) as? [String: Any] ?? [:]
        let environments = report["environments"] as? [[String: Any]] ?? []
        #expect(environments.map { $0["name"] as? String } == ["prod"])
        #expect((report["models"] as? [String: Any])?["status"] as? String == "clean", "the models match the head")
    }

    /// The models run with the process environment, passwords included: a module whose error carries the checking
    /// or the writer password (a connection string built at import time, say) must not put it in a message or report.
    @Test func aModelsErrorNeverCarriesAnEnvironmentsPassword() throws {
        let python = try #require(AlembicExample.python)
        let example = try AlembicExample()
        defer { example.finish() }
        let s = try CheckScenario()
        defer { s.finish() }
        let writerVariable = "DRIFT_E2E_WRITER_PASSWORD", writerPassword = "wr1ter-Pa55word-for-tests"
        let port = try s.startSimulator(name: "prod", objects: [:], revision: nil, backends: 3)
        try s.writeEnvironment(name: "prod", port: port, replication: "3", backends: 3, notify: """
        upgrade:
          allowed: true
          user: drift_writer
          password_env: \(writerVariable)
        """)
        try """
        import os
        raise RuntimeError("cannot reach starrocks://u:" + os.environ["\(CheckScenario.passwordVariable)"] + "@fe, writer "
                           + os.environ["\(writerVariable)"])
        """.write(to: example.root.appendingPathComponent("leaky.py"), atomically: true, encoding: .utf8)
        let environment = [CheckScenario.passwordVariable: CheckScenario.password,
                           writerVariable: writerPassword] as [String: String?]
        let diff = try example.drift(["diff", "--expected", "models:leaky:Base", "--actual", "env:prod",
                                      "--environments", s.environments.path, "--python", python], environment: environment)
        #expect(diff.status == 2)
        #expect(diff.stderr.contains("RuntimeError: cannot reach starrocks://u:***@fe, writer ***"), "\(diff.stderr)")
        let out = example.root.appendingPathComponent("report")
        let check = try example.drift(["check", "--models", "leaky:Base", "--env", "prod", "--environments",
                                       s.environments.path, "--migrations", try example.renderOfflineSQL(),
                                       "--python", python, "--out", out.path, "--no-notify"], environment: environment)
        #expect(check.status == 2, "\(check.stderr)")
        #expect(check.stderr.contains("RuntimeError: cannot reach starrocks://u:***@fe, writer ***"), "\(check.stderr)")
        // revision --format alembic --from models: with --env (for the placeholders) scrubs that environment's too.
        try FileManager.default.copyItem(atPath: try example.renderOfflineSQL(),
                                         toPath: example.root.appendingPathComponent("migrations/offline.sql").path)
        let revision = try example.drift(["revision", "-m", "adopt", "--autogenerate", "--format", "alembic",
                                          "--from", "models:leaky:Base", "--env", "prod", "--environments",
                                          s.environments.path, "--migrations", "migrations", "--python", python],
                                         environment: environment)
        #expect(revision.status == 2)
        #expect(revision.stderr.contains("RuntimeError: cannot reach starrocks://u:***@fe, writer ***"), "\(revision.stderr)")
        var texts = [diff.stdout, diff.stderr, check.stdout, check.stderr, revision.stdout, revision.stderr]
        for name in ["drift-report.md", "drift-report.json", "drift-report.junit.xml"] {
            texts.append(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8))
        }
        for text in texts {
            #expect(!text.contains(CheckScenario.password) && !text.contains(writerPassword), "\(text)")
        }
    }

    @Test func aHandMadeColumnOnProdBecomesAnAlembicRevision() throws {
        let example = try AlembicExample()
        defer { example.finish() }
        let s = try CheckScenario()
        defer { s.finish() }
        let offline = example.root.appendingPathComponent("migrations/offline.sql")
        try String(contentsOfFile: try example.renderOfflineSQL(), encoding: .utf8)
            .write(to: offline, atomically: true, encoding: .utf8)
        // prod's server: the head with replication 3 and a column added by hand at the end of events.
        let head = try example.drift(["schema", "--migrations", offline.path, "--env", "prod", "--environments", "environments"])
        #expect(head.status == 0, "\(head.stderr)")
        let catalog = try Catalog.load(
            sql: head.stdout.replacingOccurrences(of: "  `utm_campaign` varchar(100)\n",
                                                  with: "  `utm_campaign` varchar(100),\n  `debug_flag` boolean\n"),
            file: "prod.sql", defaultDatabase: "analytics")
        let database = try #require(catalog.databases["analytics"])
        var objects: [String: String] = [:]
        for (name, table) in database.tables { objects[name] = CanonicalDDL.table(table) }
        for (name, view) in database.views { objects[name] = CanonicalDDL.view(view) }
        for (name, view) in database.materializedViews { objects[name] = CanonicalDDL.materializedView(view) }
        #expect(objects["events"]?.contains("`debug_flag` boolean") == true)
        let port = try s.startSimulator(name: "prod", objects: objects, revision: nil, backends: 3)
        try s.writeEnvironment(name: "prod", port: port, replication: "3", backends: 3)
        let password = [CheckScenario.passwordVariable: CheckScenario.password] as [String: String?]

        let out = try example.drift(["revision", "-m", "adopt debug flag", "--autogenerate", "--format", "alembic",
                                     "--env", "prod", "--environments", s.environments.path, "--migrations", "migrations"],
                                    environment: password)
        #expect(out.status == 0, "\(out.stderr)")
        let file = try #require(out.stdout.split(separator: "\n").first.map(String.init))
        #expect(file.hasSuffix("migrations/versions/0007_adopt_debug_flag.py"), "\(out.stdout)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("op.add_column(\"events\", sa.Column(\"debug_flag\", BOOLEAN(), nullable=True))"), "\(text)")
        // Rendered by Alembic, the history replays to prod's schema.
        let rendered = try example.renderOfflineSQL()
        let diff = try example.drift(["diff", "--expected", rendered, "--actual", "env:prod", "--environments",
                                      s.environments.path], environment: password)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
    }
}
