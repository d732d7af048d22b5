import Testing
@testable import MigrationHistory

@Suite("revision graph")
struct RevisionGraphTests {
    @Test func linearHistoryOrdersParentsFirstWhateverTheFileNames() throws {
        let history = try MigrationHistory.parse(files: [
            ("z_first.sql", revisionFile("aaa", parents: "none")),
            ("a_third.sql", revisionFile("ccc", parents: "bbb")),
            ("m_second.sql", revisionFile("bbb", parents: "aaa")),
        ])
        #expect(history.orderedRevisions.map(\.id) == ["aaa", "bbb", "ccc"])
        #expect(history.head == "ccc")
        #expect(history.contains("bbb"))
        #expect(!history.contains("ddd"))
        #expect(try history.path(to: "bbb").map(\.id) == ["aaa", "bbb"])
        #expect(try history.pending(from: "aaa").map(\.id) == ["bbb", "ccc"])
        #expect(try history.pending(from: "ccc").isEmpty)
        #expect(try history.pending(from: nil).map(\.id) == ["aaa", "bbb", "ccc"])
        #expect(history.isAncestor("aaa", of: "ccc"))
        #expect(!history.isAncestor("ccc", of: "aaa"))
        #expect(!history.isAncestor("aaa", of: "aaa"))
    }

    @Test func branchAndMergeGivesOneHeadAndSetDifferencePending() throws {
        let history = try MigrationHistory.parse(files: [
            ("1.sql", revisionFile("r1", parents: "")),
            ("2a.sql", revisionFile("r2a", parents: "r1")),
            ("2b.sql", revisionFile("r2b", parents: "r1")),
            ("3.sql", revisionFile("r3", parents: "r2a, r2b")),
        ])
        #expect(history.head == "r3")
        #expect(history.orderedRevisions.map(\.id) == ["r1", "r2a", "r2b", "r3"])
        #expect(history.mergeRevisions.map(\.id) == ["r3"])
        #expect(history.revision("r3")?.parents == ["r2a", "r2b"])
        #expect(try history.pending(from: "r2a").map(\.id) == ["r2b", "r3"])
        #expect(try history.pending(from: "r2b").map(\.id) == ["r2a", "r3"])
        #expect(try history.pending(fromAll: ["r2a", "r2b"]).map(\.id) == ["r3"])
        #expect(try history.pending(from: "r1", to: "r2b").map(\.id) == ["r2b"])
        #expect(!history.isAncestor("r2a", of: "r2b"))
    }

    @Test func unknownRevisionIsAnError() throws {
        let history = try MigrationHistory.parse(files: [("1.sql", revisionFile("r1", parents: "none"))])
        #expect(throws: HistoryError.unknownRevision(id: "nope")) { try history.pending(from: "nope") }
        #expect(throws: HistoryError.unknownRevision(id: "nope")) { try history.path(to: "nope") }
    }

    @Test func missingParentNamesTheFile() {
        #expect(throws: HistoryError.missingParent(revision: "r2", parent: "gone", file: "002.sql")) {
            try MigrationHistory.parse(files: [
                ("001.sql", revisionFile("r1", parents: "none")),
                ("002.sql", revisionFile("r2", parents: "gone")),
            ])
        }
    }

    @Test func severalHeadsNamesEveryHeadAndFile() throws {
        do {
            _ = try MigrationHistory.parse(files: [
                ("001.sql", revisionFile("r1", parents: "none")),
                ("002.sql", revisionFile("r2", parents: "r1")),
                ("003.sql", revisionFile("r3", parents: "r1")),
            ])
            Issue.record("several heads were accepted")
        } catch {
            #expect(error == .severalHeads(heads: ["r2", "r3"], files: ["002.sql", "003.sql"]))
            #expect(error.description.contains("002.sql"))
            #expect(error.description.contains("down_revision: r2, r3"))
        }
    }

    @Test func cycleNamesTheRevisionsAndFiles() throws {
        do {
            _ = try MigrationHistory.parse(files: [
                ("001.sql", revisionFile("r1", parents: "none")),
                ("002.sql", revisionFile("r2", parents: "r1, r4")),
                ("003.sql", revisionFile("r3", parents: "r2")),
                ("004.sql", revisionFile("r4", parents: "r3")),
                ("005.sql", revisionFile("r5", parents: "r4")),
            ])
            Issue.record("a cycle was accepted")
        } catch {
            guard case let .cycle(revisions, files) = error else {
                Issue.record("expected a cycle, got \(error)")
                return
            }
            #expect(Set(revisions) == ["r2", "r3", "r4"])
            #expect(revisions.first == revisions.last)
            #expect(files == ["002.sql", "003.sql", "004.sql"])
            #expect(error.description.contains("cycle"))
        }
    }

    @Test func duplicateRevisionIdNamesBothFiles() {
        #expect(throws: HistoryError.duplicateRevision(id: "r1", files: ["a.sql", "b.sql"])) {
            try MigrationHistory.parse(files: [
                ("a.sql", revisionFile("r1", parents: "none")),
                ("b.sql", revisionFile("r1", parents: "none")),
            ])
        }
    }

    @Test func emptyHistoryIsAnError() {
        #expect(throws: HistoryError.emptyHistory(path: "<memory>")) { try MigrationHistory.parse(files: []) }
    }

    @Test func emptyDirectoryIsAnError() throws {
        let directory = TestPaths.fixtures + "/empty-history"
        #expect(throws: HistoryError.emptyHistory(path: directory)) { try MigrationHistory.load(path: directory) }
    }

    @Test func missingPathIsUnreadable() {
        #expect(throws: HistoryError.self) { try MigrationHistory.load(path: TestPaths.fixtures + "/no-such-dir") }
    }

    @Test func directoryOfRevisionFilesLoads() throws {
        let directory = TestPaths.fixtures + "/revision-files"
        let history = try MigrationHistory.load(path: directory)
        #expect(history.source == .revisionFiles(directory: directory))
        #expect(history.orderedRevisions.map(\.id) == ["1a2b3c4d", "3f2a9c1b"])
        let second = try #require(history.revision("3f2a9c1b"))
        #expect(second.message == "add marketing attribution columns")
        #expect(second.file == directory + "/0002_attribution.sql")
        #expect(second.firstLine == 4)
        #expect(second.sql.hasPrefix("ALTER TABLE events ADD COLUMN utm_source"))
    }
}
