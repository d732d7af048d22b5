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

    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }

    /// `<repo>/../shared`; a missing folder fails the calling test loudly.
    static func sharedDirectory(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        if !FileManager.default.fileExists(atPath: shared.appendingPathComponent("starrocks-corpus").path) {
            Issue.record("the shared folder is missing: looked for \(shared.path)/starrocks-corpus", sourceLocation: sourceLocation)
            return nil
        }
        return shared
    }

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
