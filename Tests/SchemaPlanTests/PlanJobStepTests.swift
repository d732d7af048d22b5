import Findings
import SchemaModel
@testable import SchemaPlan
import StarRocksDDL
import Testing

/// Which plan steps wait for a schema-change job. The planner asks `SchemaChangeJobs` (the rule lint, upgrade and the
/// writable simulator use) about each typed statement, so there is no second rule to keep in step; these tests pin
/// what that rule gives for each kind of table step, taken without fast schema evolution.
@Suite struct PlanJobStepTests {
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

    @Test func columnOrderDistributionAndIndexStepsWaitCommentAndCreateDoNot() throws {
        let result = try planAndReplay(expected: Self.expected, actual: Self.actual)
        func waits(_ kind: FindingKind) -> Bool? {
            result.plan.steps.first { $0.findingKinds.contains(kind) }?.startsSchemaChangeJob
        }
        #expect(waits(.columnType) == true, "\(result.plan.steps.map(\.statements))")
        #expect(waits(.orderBy) == true)
        #expect(waits(.bucketCount) == true)
        #expect(waits(.missingIndex) == true)
        #expect(waits(.tableComment) == false)
        #expect(waits(.missingTable) == false)
        // Every job step is followed by a wait before the next statement on its table.
        let jobs = result.plan.steps.filter(\.startsSchemaChangeJob)
        #expect(jobs.count == 4)
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
