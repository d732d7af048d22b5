import Testing
@testable import MigrationHistory

@Suite("alembic versions/*.py")
struct AlembicVersionsTests {
    @Test func sampleVersionsGiveTheGraph() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let history = try MigrationHistory.load(path: samples + "/versions")
        #expect(history.source == .alembicVersions(directory: samples + "/versions"))
        #expect(history.head == "0004")
        #expect(history.orderedRevisions.map(\.id) == ["0001", "0002", "0003a", "0003b", "0004"])
        #expect(history.revision("0004")?.parents == ["0003a", "0003b"])
        #expect(history.revision("0003a")?.parents == ["0002"])
        #expect(history.revision("0003b")?.parents == ["0002"])
        #expect(history.revision("0001")?.parents == [])
        #expect(history.revision("0002")?.message == "add utm_source")
        #expect(history.revisionsWithoutDDL == Set(history.revisions.map(\.id)))
        #expect(try history.pending(from: "0002").map(\.id) == ["0003a", "0003b", "0004"])
    }

    @Test func parentDirectoryWithVersionsFolderLoads() throws {
        let history = try MigrationHistory.load(path: TestPaths.fixtures + "/alembic-odd")
        #expect(history.head == "m1")
    }

    @Test func oddFormattingIsRead() throws {
        let history = try MigrationHistory.load(path: TestPaths.fixtures + "/alembic-odd/versions")
        #expect(history.orderedRevisions.map(\.id) == ["a1", "b1", "c1", "m1"])
        #expect(history.revision("a1")?.parents == [])
        #expect(history.revision("a1")?.branchLabels == ["default"])
        #expect(history.revision("a1")?.message == "root revision with single-quoted docstring")
        #expect(history.revision("b1")?.parents == ["a1"])
        #expect(history.revision("c1")?.parents == ["a1"])
        #expect(history.revision("c1")?.message == "branch c")
        #expect(history.revision("m1")?.parents == ["b1", "c1"])
        #expect(history.revision("m1")?.dependsOn == ["a1"])
        #expect(!history.contains("fake-inside-docstring"))
        #expect(!history.contains("not-module-level"))
    }

    @Test func computedValueIsAnErrorAtItsLine() {
        let text = "\"\"\"x\"\"\"\nrevision = \"r\"\ndown_revision = compute()\n"
        #expect(throws: HistoryError.malformedAlembic(file: "v/x.py", line: 3,
                                                      reason: "down_revision must be a string literal, None, or a "
                                                          + "tuple/list of strings (the drift job reads it without "
                                                          + "running Python)")) {
            try AlembicVersionsReader.readRevision(text, file: "v/x.py")
        }
    }

    @Test func missingRevisionIsAnError() {
        #expect(throws: HistoryError.self) {
            try AlembicVersionsReader.readRevision("down_revision = None\n", file: "v/x.py")
        }
    }

    @Test(arguments: [
        ("down_revision = ('a', 'b')", ["a", "b"]),
        ("down_revision = (\"a\",)", ["a"]),
        ("down_revision = ()", []),
        ("down_revision: str | None = None  # root", []),
        ("down_revision: Union[str, Sequence[str], None] = \"p\"", ["p"]),
    ])
    func downRevisionSpellings(_ line: String, _ parents: [String]) throws {
        let revision = try AlembicVersionsReader.readRevision("revision = 'r'\n\(line)\n", file: "x.py")
        #expect(revision.parents == parents)
    }

    @Test func versionsGraphTakesDDLFromOfflineSQL() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let history = try MigrationHistory.load(alembicVersions: samples + "/versions",
                                                offlineSQL: samples + "/upgrade_0002_to_head_offline.sql")
        #expect(history.head == "0004")
        #expect(history.revisionsWithoutDDL == ["0001", "0002"])
        #expect(history.revision("0003a")?.sql.contains("utm_campaign") == true)
        #expect(history.revision("0003a")?.file.hasSuffix("upgrade_0002_to_head_offline.sql") == true)
        #expect(try history.pending(from: "0003b").map(\.id) == ["0003a", "0004"])
        let full = try MigrationHistory.load(alembicVersions: samples, offlineSQL: samples + "/upgrade_head_offline.sql")
        #expect(full.revisionsWithoutDDL.isEmpty)
        #expect(full.versionTable?.properties["replication_num"] == "1")
    }

    @Test func offlineSQLOutOfStepWithVersionsIsAnError() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let graph = try MigrationHistory.load(path: samples + "/versions")
        let stray = try AlembicOfflineSQLReader.read("-- Running upgrade 0004 -> 0005\nSELECT 1;\n", file: "x.sql")
        #expect(throws: HistoryError.self) { try graph.takingDDL(from: stray) }
        let reparented = try AlembicOfflineSQLReader.read("-- Running upgrade 0001 -> 0002\nSELECT 1;\n", file: "y.sql")
        _ = try graph.takingDDL(from: reparented)
        let wrong = try AlembicOfflineSQLReader.read("-- Running upgrade 0003a -> 0002\nSELECT 1;\n", file: "z.sql")
        #expect(throws: HistoryError.self) { try graph.takingDDL(from: wrong) }
    }
}
