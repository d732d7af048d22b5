import DriftTestSupport
import Foundation
import Testing

/// Locations the tests read from.
enum TestPaths {
    /// `Tests/Fixtures/StarRocksCorpus`.
    static let corpus = RepositoryPaths.starRocksCorpus

    /// This test target's Fixtures directory (in the source tree, so goldens can be re-recorded).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// Golden-file comparison with a record switch: `RECORD_GOLDENS=1` rewrites the golden and fails the test so that
/// nothing is recorded by accident.
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = TestPaths.fixtures.appendingPathComponent("Goldens").appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded golden \(url.path); unset RECORD_GOLDENS and run again", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("golden \(url.path) is missing; run with RECORD_GOLDENS=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "canonical text differs from golden \(name)", sourceLocation: sourceLocation)
    }
}
