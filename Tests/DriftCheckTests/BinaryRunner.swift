import ChildProcess
import DriftTestSupport
import Foundation
import Testing

/// Runs the built `starrocks-drift` (or `starrocks-sim`) binary, as a user or CI would.
struct BinaryRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The directory holding the built products (`.build/<config>`), found next to the test bundle.
    static var productsDirectory: URL {
        var url = Bundle.main.bundleURL
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("starrocks-drift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent()
    }

    /// The directory holding Package.swift.
    static var repositoryRoot: URL { RepositoryPaths.root }

    /// Runs `name` with `arguments`; `environment` entries are added to (or, with nil, removed from) the inherited
    /// environment.
    static func run(_ arguments: [String], binary name: String = "starrocks-drift", environment: [String: String?] = [:],
                    currentDirectory: URL? = nil) throws -> Output {
        let binary = productsDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BinaryMissing(path: binary.path)
        }
        var env = environment
        // A run must not append to the test runner's own step summary unless the test sets one.
        if environment["GITHUB_STEP_SUMMARY"] == nil { env.updateValue(nil, forKey: "GITHUB_STEP_SUMMARY") }
        let run = try ProcessRunner.run(binary, arguments, environment: env, currentDirectory: currentDirectory)
        return Output(status: run.status, stdout: run.stdoutText, stderr: run.stderrText)
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is not built; run `swift build` (scripts/test.sh does) before the tests" }
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
