import DriftReport
import Testing

/// Every sample document rendered in every format equals its golden file.
@Suite struct GoldenReportTests {
    static let names = SampleDocuments.all.map(\.name)

    static func document(_ name: String) -> DriftReportDocument {
        SampleDocuments.all.first { $0.name == name }!.document
    }

    @Test(arguments: names) func markdownMatchesGolden(name: String) {
        Golden.check(MarkdownReport.render(Self.document(name)), against: "\(name).md.golden")
    }

    @Test(arguments: names) func jsonMatchesGoldenAndSchema(name: String) throws {
        let json = JSONReport.render(Self.document(name))
        Golden.check(json, against: "\(name).json.golden")
        let errors = try SchemaValidator.errors(in: json)
        #expect(errors.isEmpty, "\(name) violates schema/drift-report.schema.json: \(errors)")
    }

    @Test(arguments: names) func junitMatchesGolden(name: String) {
        Golden.check(JUnitReport.render(Self.document(name)), against: "\(name).junit.xml.golden")
    }

    @Test func renderingIsDeterministic() {
        for (_, document) in SampleDocuments.all {
            #expect(MarkdownReport.render(document) == MarkdownReport.render(document))
            #expect(JSONReport.render(document) == JSONReport.render(document))
            #expect(JUnitReport.render(document) == JUnitReport.render(document))
        }
    }
}
