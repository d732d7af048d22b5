import DriftReport
import Foundation
import SchemaDiff
import Testing

@Suite struct JSONReportTests {
    @Test func roundTripsThroughTheDocumentsCodable() throws {
        for (name, document) in SampleDocuments.all {
            let decoded = try JSONDecoder().decode(DriftReportDocument.self, from: Data(JSONReport.render(document).utf8))
            #expect(decoded == document, "\(name) does not survive render -> decode")
        }
    }

    @Test func absentOptionalFieldsAreExplicitNull() {
        let json = JSONReport.render(SampleDocuments.driftKinds)
        #expect(json.contains("\"error\": null"))
        #expect(json.contains("\"expected\": null"))
        #expect(json.contains("\"fix_sql\": null"))
        #expect(json.contains("\"fix_note\": null"))
    }

    @Test func topLevelKeysComeInContractOrder() {
        let json = JSONReport.render(SampleDocuments.clean)
        let keys = ["\"format_version\": 1", "\"generated_at\"", "\"head_revision\"", "\"summary\"", "\"environments\""]
        let positions = keys.map { json.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "missing top-level key in \(json)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func schemaRejectsAReportMissingAField() throws {
        let json = JSONReport.render(SampleDocuments.clean).replacingOccurrences(of: "\"error\": null,", with: "")
        let errors = try SchemaValidator.errors(in: json)
        #expect(errors.contains { $0.contains("error") }, "schema accepted an environment without 'error': \(errors)")
    }

    @Test func schemaRejectsAnUnreachableEnvironmentWithoutError() throws {
        let document = DriftReportDocument(generatedAt: SampleDocuments.generatedAt, headRevision: nil,
                                           environments: [EnvironmentResult(name: "prod", status: .unreachable)])
        let errors = try SchemaValidator.errors(in: JSONReport.render(document))
        #expect(!errors.isEmpty, "an unreachable environment must carry its error")
    }

    @Test func schemaListsEveryFindingKind() throws {
        let data = try Data(contentsOf: SchemaValidator.schemaURL)
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let finding = try #require(defs["finding"] as? [String: Any])
        let properties = try #require(finding["properties"] as? [String: Any])
        let kind = try #require(properties["kind"] as? [String: Any])
        let listed = Set(try #require(kind["enum"] as? [String]))
        let known = Set(FindingKind.allCases.map(\.rawValue))
        #expect(known.subtracting(listed).isEmpty,
                "add these kinds to schema/drift-report.schema.json $defs.finding.properties.kind.enum: \(known.subtracting(listed).sorted())")
        #expect(listed.subtracting(known).isEmpty, "schema lists unknown kinds: \(listed.subtracting(known).sorted())")
    }

    @Test func controlCharactersAndQuotesAreEscaped() {
        let json = JSONReport.render(SampleDocuments.specialCharacters)
        #expect(json.contains("analytics.v\\u0001ctrl"))
        #expect(json.contains("\\\"quoted\\\""))
        #expect(json.contains("ünïcødé ✓ 日本"))
        #expect(!json.contains("\t"))
    }
}
