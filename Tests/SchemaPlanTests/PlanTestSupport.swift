import Findings
import SchemaDiff
import SchemaModel
@testable import SchemaPlan

/// The database the unit tests' DDL goes to.
let testDatabase = "db"

/// A catalog replayed from DDL into `db`.
func catalog(_ sql: String) throws -> Catalog {
    try Catalog.load(sql: sql, file: "<test>", defaultDatabase: testDatabase)
}

/// The plan from `actual` to `expected`, and the drift left after replaying `actual` followed by the plan.
func planAndReplay(expected expectedSQL: String, actual actualSQL: String, options: PlanOptions = PlanOptions()) throws
    -> (plan: Plan, remaining: [Finding], script: String) {
    let expected = try catalog(expectedSQL)
    var actual = try catalog(actualSQL)
    let result = plan(expected: expected, actual: actual, options: options)
    let script = SQLPlanRenderer.render(result)
    try actual.apply(sql: script, file: "<plan>", defaultDatabase: testDatabase)
    let remaining = diff(expected: expected, actual: actual, options: options.diff).findings
        .filter { $0.severity >= .warning }
    return (result, remaining, script)
}
