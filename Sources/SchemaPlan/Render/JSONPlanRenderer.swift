import Findings
import Foundation

/// Renders a plan as JSON: `{"format_version": 1, "steps": [...], "not_planned": [...], "notes": [...]}`, each step
/// with object, object_kind, action, finding_kinds, statements, starts_schema_change_job, loses_data, comments and
/// waits_for.
public enum JSONPlanRenderer {
    /// The JSON text, keys sorted, ending in a newline.
    public static func render(_ plan: Plan) -> String {
        let document = Document(formatVersion: 1, steps: plan.steps, notPlanned: plan.notPlanned, notes: plan.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        let formatVersion: Int
        let steps: [PlanStep]
        let notPlanned: [NotCompared]
        let notes: [String]

        enum CodingKeys: String, CodingKey {
            case steps, notes
            case formatVersion = "format_version"
            case notPlanned = "not_planned"
        }
    }
}
