// SchemaPlan: turns an expected and an actual Catalog (and the differ's findings between them) into ordered, typed
// remediation steps that StarRocks accepts: one schema-change job per table at a time, rebuild recipes for what
// StarRocks cannot change in place, dependants dropped before what they read and created after. Rendering to SQL or
// JSON is a separate step (Render/). It never does I/O, never connects and never prints.

import SchemaDiff
import SchemaModel

/// Plans the steps that bring `actual` to `expected`, reusing `comparison` (the differ's findings for the same pair
/// under the same options; computed here when `nil`).
///
/// Order: missing databases; then dependants that must go (unexpected or changed materialized views, MVs on tables
/// that are rebuilt or dropped, unexpected views); then tables (create, alter in place, rebuild, drop); then views
/// (create or replace); then materialized views (create). Steps on one table that each start a schema-change job
/// carry `waitsFor`, so a runner (or a person) waits for the previous job before the next one.
public func plan(expected: Catalog, actual: Catalog, comparison: SchemaComparison? = nil,
                 options: PlanOptions = PlanOptions()) -> Plan {
    let comparison = comparison ?? diff(expected: expected, actual: actual, options: options.diff)
    var planner = Planner(expected: expected, actual: actual, comparison: comparison, options: options)
    return planner.run()
}
