import Testing
@testable import MigrationHistory

@Suite("loading by path")
struct LoaderTests {
    @Test func alembicProjectFolderCombinesVersionsAndOfflineSQL() throws {
        let directory = TestPaths.fixtures + "/alembic-project"
        let history = try MigrationHistory.load(path: directory)
        #expect(history.source == .alembicVersionsWithOfflineSQL(directory: directory + "/versions",
                                                                 file: directory + "/upgrade.sql"))
        #expect(history.orderedRevisions.map(\.id) == ["aa01", "bb02"])
        #expect(history.revision("bb02")?.message == "orders amount")
        #expect(history.revision("bb02")?.sql.contains("ADD COLUMN amount") == true)
        #expect(history.revision("bb02")?.firstLine == 11)
        #expect(history.revisionsWithoutDDL.isEmpty)
        let catalog = try history.expectedCatalog(defaultDatabase: "shop")
        #expect(catalog.databases["shop"]?.tables["orders"]?.columns.map(\.name) == ["order_id", "amount"])
    }

    @Test func nonUTF8FileIsUnreadableNamingTheFile() {
        do {
            _ = try MigrationHistory.load(path: TestPaths.fixtures + "/non-utf8")
            Issue.record("a non-UTF-8 file loaded")
        } catch {
            guard case let .unreadable(path, reason) = error else { Issue.record("\(error)"); return }
            #expect(path.hasSuffix("non-utf8/0001.sql"))
            #expect(reason.contains("UTF-8"))
        }
    }

    @Test func windowsLineEndingsInHeaders() throws {
        let revision = try RevisionFileReader.read("-- revision: r1\r\n-- down_revision: none\r\nSELECT 1;\r\n", file: "f")
        #expect(revision.id == "r1")
        #expect(revision.parents.isEmpty)
        #expect(revision.firstLine == 3)
    }

    @Test func graphTextMarksRootMergeAndHead() throws {
        let history = try MigrationHistory.parse(files: [
            ("1.sql", revisionFile("r1", parents: "none", message: "first")),
            ("2.sql", revisionFile("r2a", parents: "r1")),
            ("3.sql", revisionFile("r2b", parents: "r1")),
            ("4.sql", revisionFile("r3", parents: "r2a, r2b", message: "merge")),
        ])
        let lines = history.graphText.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "r1   (root)  first")
        #expect(lines[3] == "r3   <- r2a, r2b  (merge)  (head)  merge")
    }
}
