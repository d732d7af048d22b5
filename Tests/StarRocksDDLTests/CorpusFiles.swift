import DriftTestSupport
import Foundation
import Testing

/// The corpus and Alembic sample files the parser tests read (kept in the repository under `Tests/Fixtures/`).
enum CorpusFiles {
    /// The corpus case directories; records a loud failure (and returns none) when the corpus is missing.
    static func caseDirectories() -> [URL] {
        let cases = RepositoryPaths.corpusCases
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cases.path), !names.isEmpty else {
            Issue.record("the StarRocks corpus is missing: looked for \(cases.path) (restore it with git checkout)")
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
        let folder = RepositoryPaths.alembicSamples
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
