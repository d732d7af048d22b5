import SchemaModel
@testable import SchemaPlan
import StarRocksDDL
import Testing

/// A plan's `-- wait:` line names the list of the job it waits for, by the rule `lint`, `upgrade` and the writable
/// simulator share (`SchemaChangeJobs`): a distribution change runs as an optimize job (`SHOW ALTER TABLE OPTIMIZE`).
@Suite struct PlanWaitKindTests {
    static let actual = """
    CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(20), note VARCHAR(100))
    DUPLICATE KEY(id) COMMENT "old" DISTRIBUTED BY HASH(id) BUCKETS 4 PROPERTIES ("replication_num" = "1");
    """
    static let expected = """
    CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(40), source VARCHAR(10),
      INDEX idx_kind (kind) USING BITMAP)
    DUPLICATE KEY(id) COMMENT "new" DISTRIBUTED BY HASH(id) BUCKETS 8 ORDER BY (d, id)
    PROPERTIES ("replication_num" = "1");
    """

    @Test func eachWaitNamesTheListOfTheJobItWaitsFor() throws {
        let result = try planAndReplay(expected: Self.expected, actual: Self.actual)
        var running: [String: SchemaChangeJobKind] = [:]
        for step in result.plan.steps {
            if let table = step.waitsFor {
                #expect(step.waitsForJob == running[table], "\(step.statements)")
            }
            if step.startsSchemaChangeJob { running[step.object] = step.jobKind }
        }
        let distribution = try #require(result.plan.steps.first { $0.statements.contains { $0.contains("DISTRIBUTED BY") } })
        #expect(distribution.jobKind == .optimize, "a distribution change runs as an optimize job")
        let statement = try DDLParser.parse("ALTER TABLE t DISTRIBUTED BY HASH(k)", file: "<t>")[0].statement
        #expect(SchemaChangeJobs.job(for: statement, defaultDatabase: "db")?.kind == .optimize)
        #expect(result.plan.steps.contains { $0.waitsForJob == .optimize }, "the step after it waits for that job")
        #expect(result.script.contains("(SHOW ALTER TABLE OPTIMIZE FROM `db` WHERE TableName = \"events\""))
    }
}
