import DriftReport
import Testing

@Suite struct MarkdownReportTests {
    @Test func statusLinesComeFirst() {
        let lines = MarkdownReport.render(SampleDocuments.unreachable).split(separator: "\n").map(String.init)
        #expect(lines[0] == "# StarRocks drift report")
        #expect(lines[1].hasPrefix("- **CLEAN** `dev`"))
        #expect(lines[2].hasPrefix("- **UNREACHABLE** `prod`: could not check: environment prod: cannot connect"))
        #expect(lines[3].hasPrefix("- **ERROR** `staging`"))
    }

    @Test func sectionsAppearInReadingOrder() throws {
        let text = MarkdownReport.render(SampleDocuments.pendingDriftOperational)
        let order = ["### Unexplained drift (1)", "### Pending migrations (1)", "### Operations (3)"]
        let positions = try order.map { try #require(text.range(of: $0)?.lowerBound, "missing \($0)") }
        #expect(positions == positions.sorted())
        #expect(text.contains("**possibly transient**"))
        #expect(text.contains("1 unexplained drift, 1 pending, 3 operational (2 possibly transient)"))
        #expect(text.contains("revision `a1b2c3d4` (1 behind head)"))
    }

    @Test func unreachableEnvironmentsComeLastWithTheirError() throws {
        let text = MarkdownReport.render(SampleDocuments.unreachable)
        let notChecked = try #require(text.range(of: "## Not checked")?.lowerBound)
        let dev = try #require(text.range(of: "## `dev`: clean")?.lowerBound)
        #expect(dev < notChecked)
        #expect(text.contains("the server said: unexpected token"))
    }

    @Test func tableCellsEscapePipesAndBackticks() {
        let text = MarkdownReport.render(SampleDocuments.specialCharacters)
        #expect(text.contains("| Expected | ``'a\\|b' `x` <y> & \"z\"`` |"))
        #expect(text.contains("| ``a\\|b`c`` | reason with \\| pipe and \\`tick\\` and \\<tag\\> |"))
        // No row of a table is broken by an unescaped pipe: every table row has exactly its column separators.
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let unescaped = line.enumerated().filter { index, character in
                character == "|" && (index == 0 || line[line.index(line.startIndex, offsetBy: index - 1)] != "\\")
            }
            #expect(unescaped.count == 3, "table row has a stray pipe: \(line)")
        }
    }

    @Test func controlCharactersNeverReachTheMarkdown() {
        let text = MarkdownReport.render(SampleDocuments.specialCharacters)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("`analytics.v\u{FFFD}ctrl`"))
    }

    @Test func fixSQLFenceIsLongerThanAnyBacktickRunInside() {
        let text = MarkdownReport.render(SampleDocuments.specialCharacters)
        #expect(text.contains("````sql\nALTER TABLE `analytics`.`t|b`"))
    }

    @Test func fixNoteWithoutSQLSaysThereIsNoInPlaceFix() {
        let text = MarkdownReport.render(SampleDocuments.driftKinds)
        #expect(text.contains("> **No in-place fix**: StarRocks cannot change a key model in place"))
    }

    @Test func cleanEnvironmentSaysSo() {
        let text = MarkdownReport.render(SampleDocuments.clean)
        #expect(text.contains("- **CLEAN** `dev`: no findings in 3 objects · revision `c3d4e5f6` (at head)"))
        #expect(!text.contains("Unexplained drift"))
    }

    @Test func sizeLimitKeepsStatusLinesAndWholeBlocks() {
        let document = SampleDocuments.driftKinds
        let full = MarkdownReport.render(document)
        #expect(MarkdownReport.render(document, maxBytes: full.utf8.count) == full)
        let cut = MarkdownReport.render(document, maxBytes: 1200)
        #expect(cut.utf8.count <= 1200)
        #expect(cut.contains("- **DRIFT** `prod`"))
        #expect(cut.contains("_The report was cut here to fit in 1200 bytes"))
        // Never half a fenced block: fences stay balanced.
        let fences = cut.split(separator: "\n").filter { $0.hasPrefix("```") }.count
        #expect(fences % 2 == 0)
    }
}
