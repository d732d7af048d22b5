import Foundation
import Testing

/// Golden-file comparison with a record switch: `RECORD_GOLDENS=1` rewrites the golden next to this file (found via
/// `#filePath`) and fails the run, so nobody records by accident.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = fixtures.appendingPathComponent(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("recorded golden \(url.path); unset RECORD_GOLDENS and run again", sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record golden \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden \(url.path) is missing; run with RECORD_GOLDENS=1 to create it, review, then commit",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
            let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
            Issue.record("""
                output differs from golden \(url.lastPathComponent) at line \(firstDifference + 1)
                golden: \(expectedLine)
                actual: \(actualLine)
                (RECORD_GOLDENS=1 rewrites goldens; review the diff before committing)
                """, sourceLocation: sourceLocation)
        }
    }
}
