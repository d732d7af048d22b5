import Foundation
import Testing

/// Locates the repository root and the shared corpus (`<repo>/../shared`) from this file's path.
enum CorpusFiles {
    /// The directory holding Package.swift.
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }

    /// `<repo>/../shared`.
    static var sharedFolder: URL { repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared") }

    /// The corpus case directories; records a loud failure (and returns none) when the corpus is missing.
    static func caseDirectories() -> [URL] {
        let cases = sharedFolder.appendingPathComponent("starrocks-corpus/cases")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cases.path), !names.isEmpty else {
            Issue.record("the StarRocks corpus is missing: looked for \(cases.path); check out the shared folder next to the repository")
            return []
        }
        return names.sorted().map { cases.appendingPathComponent($0) }
    }

    /// Every `expected_show_create.sql`, `input.sql` and `deps.sql` of the corpus, in case order.
    static func corpusSQLFiles() -> [URL] {
        caseDirectories().flatMap { directory in
            ["deps.sql", "input.sql", "expected_show_create.sql"]
                .map { directory.appendingPathComponent($0) }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
        }
    }

    /// The alembic sample SQL files; records a loud failure when they are missing.
    static func alembicFiles() -> [URL] {
        let folder = sharedFolder.appendingPathComponent("alembic-samples")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            Issue.record("the alembic samples are missing: looked for \(folder.path)")
            return []
        }
        return names.filter { $0.hasSuffix(".sql") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The file's text.
    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// `case/file.sql` for messages.
    static func shortName(_ url: URL) -> String {
        url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
    }
}
