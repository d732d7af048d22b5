import DriftReport
import Findings
import Foundation
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

    /// The memory fields were added to format_version 1 as additive fields: a report written before them still
    /// validates against the schema and still decodes.
    @Test func aReportWrittenBeforeTheMemoryFieldsStillValidates() throws {
        let url = Golden.fixtures.appendingPathComponent("v1-before-memory.json")
        let json = try String(contentsOf: url, encoding: .utf8)
        #expect(!json.contains("finding_id"), "the fixture predates the memory fields")
        #expect(try SchemaValidator.errors(in: json).isEmpty)
        let document = try JSONDecoder().decode(DriftReportDocument.self, from: Data(json.utf8))
        #expect(document.formatVersion == DriftReportDocument.currentFormatVersion)
        #expect(document.environments.allSatisfy { $0.memory == nil })
        #expect(document.previousReports.isEmpty)
    }

    @Test func everyFindingCarriesItsStableID() {
        let json = JSONReport.render(SampleDocuments.driftKinds)
        #expect(json.contains("\"finding_id\": \"prod/unexpected_column/analytics.events.debug_flag\""))
        #expect(json.contains("\"change\": null"), "no previous report: change is null, not new")
        #expect(json.contains("\"changes\": null"))
    }

    @Test func schemaRejectsAnUnknownChange() throws {
        let json = JSONReport.render(SampleDocuments.memory).replacingOccurrences(of: "\"change\": \"new\"",
                                                                                  with: "\"change\": \"fresh\"")
        #expect(!(try SchemaValidator.errors(in: json)).isEmpty)
    }
}
