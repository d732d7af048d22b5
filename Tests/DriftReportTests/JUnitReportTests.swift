import DriftReport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct JUnitReportTests {
    /// Parses `xml` and returns the parser error, if any.
    static func parseError(_ xml: String) -> String? {
        let parser = XMLParser(data: Data(xml.utf8))
        return parser.parse() ? nil : String(describing: parser.parserError)
    }

    @Test func everySampleIsWellFormedXML() {
        for (name, document) in SampleDocuments.all {
            #expect(Self.parseError(JUnitReport.render(document)) == nil, "\(name) is not well-formed XML")
        }
    }

    @Test func findingsMapToTheirTableTestcase() {
        let xml = JUnitReport.render(SampleDocuments.driftKinds)
        #expect(xml.contains("<testcase classname=\"prod\" name=\"analytics.events\">"))
        #expect(xml.contains("message=\"3 findings: unexpected_column, column_type, property\""))
        // Not in the compared list: gets its own testcase.
        #expect(xml.contains("name=\"analytics.events_daily\""))
        // The unexpected table is a warning: below the default fail-on level, reported in system-out.
        #expect(xml.contains("<testsuite name=\"prod\" tests=\"4\" failures=\"3\" errors=\"0\" skipped=\"0\""))
    }

    @Test func failOnWarningFailsWarningsToo() {
        let xml = JUnitReport.render(SampleDocuments.driftKinds, failOn: .warning)
        #expect(xml.contains("<testsuite name=\"prod\" tests=\"4\" failures=\"4\""))
    }

    @Test func cleanObjectsArePassingTestcases() {
        let xml = JUnitReport.render(SampleDocuments.clean)
        #expect(xml.contains("<testcase classname=\"dev\" name=\"analytics.users\"/>"))
        #expect(xml.contains("tests=\"3\" failures=\"0\" errors=\"0\""))
    }

    @Test func unreachableEnvironmentIsAnErroredTestcase() {
        let xml = JUnitReport.render(SampleDocuments.unreachable)
        #expect(xml.contains("<testsuite name=\"prod\" tests=\"1\" failures=\"0\" errors=\"1\""))
        #expect(xml.contains("<error type=\"unreachable\" message=\"environment prod: cannot connect"))
    }

    @Test func notComparedObjectsAreSkipped() {
        let xml = JUnitReport.render(SampleDocuments.notCompared)
        #expect(xml.contains("<skipped message=\"not compared: external tables are not modelled\"/>"))
    }

    @Test func attributeValuesAreEscaped() {
        let xml = JUnitReport.render(SampleDocuments.specialCharacters)
        #expect(xml.contains("name=\"prod &quot;eu&quot; | &lt;main&gt; &amp; `x`\""))
        #expect(!xml.contains("\u{1}"))
    }
}
