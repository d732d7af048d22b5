import Testing
@testable import MigrationHistory

@Suite("revision file headers")
struct RevisionHeaderTests {
    @Test func headerFieldsAndBodyLineAreRead() throws {
        let text = """
        -- Copyright note, free text before the header.
        -- revision: 3f2a9c1b
        -- down_revision: 1a2b3c4d
        -- message: add marketing attribution columns

        ALTER TABLE events ADD COLUMN utm_source VARCHAR(100);
        """
        let revision = try RevisionFileReader.read(text, file: "m/0002.sql")
        #expect(revision.id == "3f2a9c1b")
        #expect(revision.parents == ["1a2b3c4d"])
        #expect(revision.message == "add marketing attribution columns")
        #expect(revision.firstLine == 5)
        #expect(revision.sql == "\nALTER TABLE events ADD COLUMN utm_source VARCHAR(100);")
    }

    @Test(arguments: ["", "none", "None", "NONE"])
    func rootSpellings(_ spelling: String) throws {
        let revision = try RevisionFileReader.read("-- revision: r1\n-- down_revision: \(spelling)\nSELECT 1;", file: "f")
        #expect(revision.parents.isEmpty)
    }

    @Test func mergeParents() throws {
        let revision = try RevisionFileReader.read("-- revision: m\n-- down_revision: a,  b\n", file: "f")
        #expect(revision.parents == ["a", "b"])
        #expect(revision.isMerge)
    }

    @Test func missingRevisionNamesTheFile() {
        #expect(throws: HistoryError.missingRevisionHeader(file: "m/0003.sql")) {
            try RevisionFileReader.read("-- message: x\nCREATE TABLE t (k INT);", file: "m/0003.sql")
        }
        #expect(HistoryError.missingRevisionHeader(file: "m/0003.sql").description.hasPrefix("m/0003.sql:1: missing"))
    }

    @Test func revisionWithoutColonIsMalformedAtItsLine() {
        do {
            _ = try RevisionFileReader.read("-- message: x\n-- revision 0003\n-- down_revision: none\n", file: "f.sql")
            Issue.record("accepted a header line without a colon")
        } catch {
            guard case let .malformedHeader(file, line, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "f.sql")
            #expect(line == 2)
            #expect(error.description.hasPrefix("f.sql:2: malformed revision header"))
        }
    }

    @Test func missingDownRevisionIsAnError() {
        #expect(throws: HistoryError.self) { try RevisionFileReader.read("-- revision: r1\nSELECT 1;", file: "f") }
    }

    @Test(arguments: ["a,,b", "a b", "a, a", ","])
    func badDownRevisionValues(_ value: String) {
        do {
            _ = try RevisionFileReader.read("-- revision: r1\n-- down_revision: \(value)\n", file: "f.sql")
            Issue.record("accepted down_revision \(value)")
        } catch {
            guard case let .malformedHeader(_, line, _) = error else { Issue.record("\(error)"); return }
            #expect(line == 2)
        }
    }

    @Test func revisionIdWithSpacesIsMalformed() {
        #expect(throws: HistoryError.self) {
            try RevisionFileReader.read("-- revision: a b\n-- down_revision: none\n", file: "f")
        }
    }

    @Test func repeatedKeyIsMalformed() {
        #expect(throws: HistoryError.self) {
            try RevisionFileReader.read("-- revision: a\n-- revision: b\n-- down_revision: none\n", file: "f")
        }
    }

    @Test func headerEndsAtFirstStatement() throws {
        // A `-- revision:` comment below the first statement is part of the body, not a header.
        #expect(throws: HistoryError.missingRevisionHeader(file: "f")) {
            try RevisionFileReader.read("CREATE TABLE t (k INT);\n-- revision: r1\n-- down_revision: none\n", file: "f")
        }
    }
}
