import SchemaDiff
import SchemaModel
@testable import SchemaPlan
import StarRocksDDL
import Testing

/// `plan`'s `startsSchemaChangeJob` and `SchemaChangeJobs` (used by `lint`, `upgrade` and the writable simulator)
/// are one rule: every planned step starts a job exactly when one of its statements does, taken without fast schema
/// evolution (the planner does not know the table's setting, so it waits as if it were off).
@Suite struct JobRuleAgreementTests {
    static let actual = """
    CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(20), note VARCHAR(100))
    DUPLICATE KEY(id) COMMENT "old" DISTRIBUTED BY HASH(id) BUCKETS 4 PROPERTIES ("replication_num" = "1");
    """
    static let expected = """
    CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(40), source VARCHAR(10),
      INDEX idx_kind (kind) USING BITMAP)
    DUPLICATE KEY(id) COMMENT "new" DISTRIBUTED BY HASH(id) BUCKETS 8 ORDER BY (d, id)
    PROPERTIES ("replication_num" = "1");
    CREATE TABLE users (id BIGINT NOT NULL, name VARCHAR(20)) PRIMARY KEY(id) DISTRIBUTED BY HASH(id);
    """

    @Test func everyStepAgreesWithTheStatementRule() throws {
        let result = try planAndReplay(expected: Self.expected, actual: Self.actual)
        let jobs = result.plan.steps.filter { $0.startsSchemaChangeJob }.count
        #expect(jobs > 0 && jobs < result.plan.steps.count, "\(result.plan.steps.map(\.statements))")
        for step in result.plan.steps {
            let parsed = try step.statements.flatMap { try DDLParser.parse($0, file: "<plan>") }
            let ruled = parsed.contains {
                SchemaChangeJobs.job(for: $0.statement, defaultDatabase: testDatabase) != nil
            }
            #expect(step.startsSchemaChangeJob == ruled, "\(step.statements)")
        }
    }

    @Test func fastSchemaEvolutionAddsAndDropsValueColumnsWithoutAJob() throws {
        let add = try DDLParser.parse("ALTER TABLE t ADD COLUMN c INT", file: "<t>")[0].statement
        let modify = try DDLParser.parse("ALTER TABLE t MODIFY COLUMN c BIGINT", file: "<t>")[0].statement
        let rollup = try DDLParser.parse("ALTER TABLE t ADD ROLLUP r (c)", file: "<t>")[0].statement
        #expect(SchemaChangeJobs.job(for: add, defaultDatabase: "db") { _ in true } == nil)
        #expect(SchemaChangeJobs.job(for: add, defaultDatabase: "db") { _ in false }?.kind == .column)
        #expect(SchemaChangeJobs.job(for: modify, defaultDatabase: "db") { _ in true }?.kind == .column)
        #expect(SchemaChangeJobs.job(for: rollup, defaultDatabase: "db")?.kind == .rollup)
        #expect(SchemaChangeJobs.fastSchemaEvolutionDefault(serverVersion: "3.2.9") == false)
        #expect(SchemaChangeJobs.fastSchemaEvolutionDefault(serverVersion: "3.3.2") == true)
    }
}
