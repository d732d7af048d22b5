import ChildProcess
import DriftTestSupport
import Foundation
import Testing

/// The Python peer (SQLAlchemy 2 + the `starrocks` dialect + PyMySQL) that scripts/setup.sh installs into
/// `.build/pyenv`, and the reflection script the tests and `drift-bench peer` run with it.
enum PythonPeer {
    /// `<repo>/.build/pyenv/bin/python`.
    static var python: URL { RepositoryPaths.root.appendingPathComponent(".build/pyenv/bin/python") }

    /// `<repo>/scripts/python/reflect_catalog.py`.
    static var script: URL { RepositoryPaths.root.appendingPathComponent("scripts/python/reflect_catalog.py") }

    /// The interpreter's path, or a recorded issue (a failure, never a skip) saying how to install it.
    static var interpreter: String? {
        if FileManager.default.isExecutableFile(atPath: python.path) { return python.path }
        Issue.record("""
            the Python peer is missing: \(python.path) does not exist. Run scripts/setup.sh: it creates that virtual \
            environment with the pinned starrocks, SQLAlchemy and PyMySQL packages (scripts/python/requirements.txt)
            """)
        return nil
    }

    /// What the reflection script printed.
    struct Reflection: Decodable {
        struct Object: Decodable {
            var kind: String
            var definition: String?
            var columns: [[String]]
            var columns_source: String
        }

        var versions: [String: String]
        var schemas: [String: [String: Object]]
        var errors: [String: String]
        var seconds: Double
    }

    /// Runs the reflection script against `port` for `schemas`; records an issue with its stderr when it fails.
    static func reflect(port: UInt16, schemas: [String], sourceLocation: SourceLocation = #_sourceLocation)
        throws -> Reflection? {
        guard let python = interpreter else { return nil }
        let run = try ProcessRunner.run(URL(fileURLWithPath: python),
                                        [script.path, "--url", "starrocks://root@127.0.0.1:\(port)/"]
                                            + schemas.flatMap { ["--schema", $0] })
        guard run.status == 0 else {
            Issue.record("reflect_catalog.py exited \(run.status): \(run.stderrText)", sourceLocation: sourceLocation)
            return nil
        }
        return try JSONDecoder().decode(Reflection.self, from: run.stdout)
    }
}
