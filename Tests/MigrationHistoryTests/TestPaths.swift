import Foundation
import Testing

/// Locations the tests read from: the repository root (found from this file) and the shared folder next to it.
enum TestPaths {
    /// The directory holding Package.swift.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }()

    /// `<repo>/../shared/alembic-samples`; records a failure saying where it looked when absent.
    static func alembicSamples(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let path = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/alembic-samples").path
        guard FileManager.default.fileExists(atPath: path) else {
            Issue.record("the shared Alembic samples are missing: looked in \(path)", sourceLocation: sourceLocation)
            return nil
        }
        return path
    }

    /// This target's Fixtures directory.
    static var fixtures: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }
}

/// A revision file's text.
func revisionFile(_ id: String, parents: String, message: String = "m", body: String = "SELECT 1;") -> String {
    "-- revision: \(id)\n-- down_revision: \(parents)\n-- message: \(message)\n\(body)\n"
}
