import SchemaModel
import StarRocksDDL

/// Renders a plan as a SQL script a person reads and runs: a header, then each step's comments and statements, with
/// a `-- wait:` line before a step that must wait for the table's previous schema-change job.
///
/// ```sql
/// -- step 2 of 3: analytics.events (alter: missing_column)
/// -- wait: analytics.events (SHOW ALTER TABLE COLUMN FROM `analytics` WHERE TableName = "events")
/// ALTER TABLE `analytics`.`events` ADD COLUMN `utm_medium` varchar(100) AFTER `utm_campaign`;
/// ```
public enum SQLPlanRenderer {
    /// The script; `header` lines (without `-- `) come first.
    public static func render(_ plan: Plan, header: [String] = []) -> String {
        var lines = header.map { "-- " + $0 }
        if plan.isEmpty {
            lines.append("-- nothing to do: the actual schema matches the expected one")
        } else {
            let jobs = plan.steps.filter(\.startsSchemaChangeJob).count
            lines.append("-- \(plan.steps.count) step(s), \(jobs) schema-change job(s)"
                + (plan.losesData ? "; some steps lose data (see \"loses data\" below)" : ""))
        }
        for note in plan.notes { lines.append("-- note: " + note) }
        for skipped in plan.notPlanned { lines.append("-- not planned: \(skipped.object): \(skipped.reason)") }
        for (index, step) in plan.steps.enumerated() {
            lines.append("")
            lines += stepLines(step, number: index + 1, of: plan.steps.count)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one step.
    public static func stepLines(_ step: PlanStep, number: Int? = nil, of total: Int? = nil) -> [String] {
        var lines: [String] = []
        let kinds = step.findingKinds.map(\.rawValue).joined(separator: ", ")
        let counter = number.map { "step \($0)" + (total.map { " of \($0)" } ?? "") + ": " } ?? ""
        lines.append("-- \(counter)\(step.object) (\(step.action.rawValue)\(kinds.isEmpty ? "" : ": " + kinds))")
        if let table = step.waitsFor { lines.append(waitLine(table, job: step.waitsForJob)) }
        for comment in step.comments where !step.comments.isEmpty {
            lines.append("-- " + comment)
        }
        lines += step.statements
        return lines
    }

    /// `-- wait: db.t (SHOW ALTER TABLE COLUMN FROM `db` WHERE TableName = "t")` (`ROLLUP`, `OPTIMIZE` for those jobs).
    public static func waitLine(_ table: String, job: SchemaChangeJobKind = .column) -> String {
        let parts = table.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return "-- wait: \(table) (SHOW ALTER TABLE \(job.rawValue))" }
        return "-- wait: \(table) (SHOW ALTER TABLE \(job.rawValue) FROM \(SQLQuoting.backticked(parts[0])) WHERE TableName = "
            + "\(SQLQuoting.doubleQuoted(parts[1])) ORDER BY CreateTime DESC LIMIT 1; until State is FINISHED)"
    }
}
