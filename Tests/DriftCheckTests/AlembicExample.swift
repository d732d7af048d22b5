import ChildProcess
import DriftTestSupport
import Foundation
import Testing

/// A scratch copy of the repository's example Alembic project (examples/alembic: the events model, its view and MV,
/// one column per revision) and the real pinned tools from `.build/pyenv` (SQLAlchemy 2, `starrocks`, Alembic).
final class AlembicExample: @unchecked Sendable {
    /// The copy's root (holds alembic.ini, app/, migrations/).
    let root: URL

    /// The repository root (the one place these tests ask for it).
    static var repositoryRoot: URL { BinaryRunner.repositoryRoot }

    init() throws {
        let scratch = try BinaryRunner.temporaryDirectory("alembic-example")
        root = scratch.appendingPathComponent("project")
        try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("examples/alembic"), to: root)
    }

    /// `<repo>/.build/pyenv/bin/python`, or a recorded issue (a failure, never a skip) saying how to install it.
    static var python: String? {
        let path = Self.repositoryRoot.appendingPathComponent(".build/pyenv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        Issue.record("the Python environment is missing: \(path) does not exist; run scripts/setup.sh (it installs the pinned SQLAlchemy, starrocks and Alembic from scripts/python/requirements.txt)")
        return nil
    }

    var versions: URL { root.appendingPathComponent("migrations/versions") }

    /// Runs the pinned Alembic in the project (`alembic heads`, `alembic upgrade head --sql`, ...).
    func alembic(_ arguments: [String]) throws -> ProcessRunner.Output {
        let python = try #require(Self.python)
        return try ProcessRunner.run(URL(fileURLWithPath: python), ["-m", "alembic"] + arguments, environment: [:],
                                     currentDirectory: root)
    }

    /// `alembic upgrade head --sql` written to `offline.sql` next to the project; returns its path.
    func renderOfflineSQL(_ range: String = "head") throws -> String {
        let run = try alembic(["upgrade", range, "--sql"])
        #expect(run.status == 0, "alembic upgrade \(range) --sql failed: \(run.stderrText)")
        let file = root.deletingLastPathComponent().appendingPathComponent("offline.sql")
        try run.stdoutText.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Runs the built `starrocks-drift` in the project directory (so `app.models` imports).
    func drift(_ arguments: [String], environment: [String: String?] = [:]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(arguments, environment: environment, currentDirectory: root)
    }

    /// Replaces `old` with `new` in the project's file at `path` (relative to the root).
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    func finish() {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}
