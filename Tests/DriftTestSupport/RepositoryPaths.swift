import Foundation
import Testing

/// Where the tests find the repository and its test data. Everything the tests read lives inside the repository:
/// the StarRocks corpus and the Alembic samples are copies kept under `Tests/Fixtures/` (refreshed by
/// `scripts/refresh-corpus.sh`; see docs/corpus.md), so a clone passes its tests with nothing beside it.
public enum RepositoryPaths {
    /// The directory that holds Package.swift, found from this file's path.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }()

    /// `Tests/Fixtures/StarRocksCorpus`: real StarRocks DDL and the server's SHOW CREATE text, case by case.
    public static let starRocksCorpus = root.appendingPathComponent("Tests/Fixtures/StarRocksCorpus")

    /// `Tests/Fixtures/StarRocksCorpus/cases`.
    public static let corpusCases = starRocksCorpus.appendingPathComponent("cases")

    /// `Tests/Fixtures/AlembicSamples`: real Alembic + `starrocks` dialect output and revision files.
    public static let alembicSamples = root.appendingPathComponent("Tests/Fixtures/AlembicSamples")

    /// `url` when it exists; otherwise records a test failure naming the path and how to restore it, and returns nil.
    public static func existing(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        if FileManager.default.fileExists(atPath: url.path) { return url }
        let message = "test data missing: \(url.path) (it is part of the repository; restore it with git checkout, "
            + "or refresh it with scripts/refresh-corpus.sh)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return nil
    }
}
