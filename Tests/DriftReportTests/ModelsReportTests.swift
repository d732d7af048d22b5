import Findings
import Foundation
import Testing
@testable import DriftReport

/// `check --models`: the models section of the JSON and Markdown reports.
@Suite struct ModelsReportTests {
    static let finding = Finding(kind: .modelNotMigrated, severity: .error, object: "default.events.referrer",
                                 expected: nil, actual: "varchar(255)",
                                 message: "the models change default.events.referrer (unexpected column); no revision does: run `alembic revision --autogenerate` and commit the revision with the model change")

    static let document = DriftReportDocument(
        generatedAt: SampleDocuments.generatedAt, headRevision: "0006", environments: [],
        models: ModelsResult(source: "app.models:Base", status: .drift,
                             versions: ["python": "3.11.7", "sqlalchemy": "2.1.9", "starrocks": "1.3.4"],
                             objectsCompared: 3, findings: [finding]))

    @Test func jsonCarriesTheModelsSectionAndValidates() throws {
        let json = JSONReport.render(Self.document)
        #expect(try SchemaValidator.errors(in: json) == [])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        let models = try #require(parsed["models"] as? [String: Any])
        #expect(models["source"] as? String == "app.models:Base")
        #expect(models["status"] as? String == "drift")
        let findings = models["findings"] as? [[String: Any]] ?? []
        #expect(findings.first?["finding_id"] as? String == "models/model_not_migrated/default.events.referrer")
        let failed = DriftReportDocument(generatedAt: SampleDocuments.generatedAt, headRevision: "0006", environments: [],
                                         models: ModelsResult(source: "app.nosuch:Base", status: .error,
                                                              error: "models:app.nosuch:Base: ModuleNotFoundError"))
        #expect(try SchemaValidator.errors(in: JSONReport.render(failed)) == [])
    }

    @Test func withoutModelsTheKeyIsAbsent() {
        #expect(!JSONReport.render(SampleDocuments.clean).contains("\"models\""))
    }

    @Test func markdownHasAStatusLineAndItsOwnSection() {
        let markdown = MarkdownReport.render(Self.document)
        #expect(markdown.contains("- **DRIFT** models `app.models:Base`: 1 change without a revision"), "\(markdown)")
        #expect(markdown.contains("## Models `app.models:Base`: drift"))
        #expect(markdown.contains("### Changes without a revision (1)"))
        #expect(markdown.contains("#### `default.events.referrer`"))
        #expect(!markdown.contains("No environments were selected"))
    }

    @Test func junitHasAModelsSuite() {
        let xml = JUnitReport.render(Self.document)
        #expect(xml.contains("<testsuite name=\"models app.models:Base\""), "\(xml)")
        #expect(xml.contains("failures=\"1\""))
        #expect(xml.contains("default.events.referrer"))
    }
}
