/// Splits a plan into revisions that each start at most one schema-change job per table, keeping the order: the
/// `one-schema-change-per-table` lint rule and StarRocks itself reject a second job on a table in one revision.
public func revisionBatches(_ plan: Plan) -> [[PlanStep]] {
    var batches: [[PlanStep]] = [[]]
    var jobTables = Set<String>()
    for step in plan.steps {
        if step.startsSchemaChangeJob && jobTables.contains(step.object) || step.waitsFor != nil && !batches[batches.count - 1].isEmpty {
            batches.append([])
            jobTables = []
        }
        var copy = step
        copy.waitsFor = nil
        batches[batches.count - 1].append(copy)
        if step.startsSchemaChangeJob { jobTables.insert(step.object) }
    }
    return batches.filter { !$0.isEmpty }
}
