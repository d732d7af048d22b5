import DriftTestSupport
import Foundation
import Testing

/// Locations the tests read from.
enum TestPaths {
    /// The directory holding Package.swift.
    static let repositoryRoot = RepositoryPaths.root

    /// `Tests/Fixtures/AlembicSamples`; records a failure saying where it looked when absent.
    static func alembicSamples(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        RepositoryPaths.existing(RepositoryPaths.alembicSamples, sourceLocation: sourceLocation)?.path
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
