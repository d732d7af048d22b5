import SchemaModel
@testable import SchemaPlan
import Testing

/// Ordering, combining and waits.
@Suite struct PlanOrderTests {
    static let events = """
    CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(20), note VARCHAR(100))
    DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);
    """

    @Test func identicalSchemasPlanNothing() throws {
        let result = try planAndReplay(expected: Self.events, actual: Self.events)
        #expect(result.plan.isEmpty)
        #expect(result.script.contains("nothing to do"))
    }

    @Test func databasesThenDependantDropsThenTablesViewsAndMaterializedViews() throws {
        let expected = Self.events + """
        CREATE TABLE users (id BIGINT NOT NULL, name VARCHAR(20)) PRIMARY KEY(id) DISTRIBUTED BY HASH(id);
        CREATE VIEW v AS SELECT id, name FROM users;
        CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(id) REFRESH ASYNC AS SELECT id, COUNT(*) AS c FROM users GROUP BY id;
        """
        let actual = Self.events + """
        CREATE MATERIALIZED VIEW old_mv DISTRIBUTED BY HASH(id) REFRESH ASYNC AS SELECT id, COUNT(*) AS c FROM events GROUP BY id;
        """
        let result = try planAndReplay(expected: expected, actual: actual)
        let order = result.plan.steps.map { "\($0.action.rawValue) \($0.object)" }
        #expect(order == ["drop db.old_mv", "create db.users", "create db.v", "create db.mv"])
        #expect(result.remaining.isEmpty, "\(result.remaining)")
        #expect(result.plan.steps.last!.comments.contains { $0.contains("a refresh follows") })
    }

    @Test func columnChangesToOneTableAreOneStatementAndOneJob() throws {
        let expected = """
        CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(40), source VARCHAR(10), medium VARCHAR(10))
        DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);
        """
        let result = try planAndReplay(expected: expected, actual: Self.events)
        #expect(result.plan.steps.count == 1)
        let step = try #require(result.plan.steps.first)
        #expect(step.statements.count == 1)
        #expect(step.startsSchemaChangeJob)
        #expect(step.losesData)
        let statement = step.statements[0]
        #expect(statement.contains("DROP COLUMN `note`") && statement.contains("ADD COLUMN `source`")
                && statement.contains("ADD COLUMN `medium`") && statement.contains("MODIFY COLUMN `kind` varchar(40)"))
        #expect(step.comments.contains { $0.contains("loses data: drops column note") })
        #expect(result.remaining.isEmpty, "\(result.remaining)")
    }

    @Test func separateJobsOnOneTableWaitForEachOther() throws {
        let expected = """
        CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(20), note VARCHAR(100), extra INT,
          INDEX idx_kind (kind) USING BITMAP)
        DUPLICATE KEY(id) COMMENT "raw events" DISTRIBUTED BY HASH(id) ORDER BY(d, id);
        """
        let result = try planAndReplay(expected: expected, actual: Self.events)
        let jobs = result.plan.steps.filter(\.startsSchemaChangeJob)
        #expect(jobs.count == 3)
        #expect(jobs.first?.waitsFor == nil)
        #expect(jobs.dropFirst().allSatisfy { $0.waitsFor == "db.events" })
        #expect(result.script.components(separatedBy: "-- wait: db.events (SHOW ALTER TABLE COLUMN").count == 3)
        // The COMMENT (no job) comes before the first job.
        #expect(result.plan.steps.first?.startsSchemaChangeJob == false)
        #expect(result.remaining.isEmpty, "\(result.remaining)")
    }

    @Test func viewsAreReplacedInPlace() throws {
        let base = Self.events
        let result = try planAndReplay(expected: base + "CREATE VIEW v AS SELECT id FROM events WHERE kind = 'a';",
                                       actual: base + "CREATE VIEW v AS SELECT id FROM events;")
        #expect(result.plan.steps.map(\.action) == [.replace])
        #expect(result.plan.steps[0].statements[0].hasPrefix("CREATE OR REPLACE VIEW `db`.`v`"))
        #expect(result.remaining.isEmpty, "\(result.remaining)")
    }

    @Test func changedMaterializedViewsAreDroppedFirstAndCreatedLast() throws {
        let mv = { (filter: String) in
            "CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(id) REFRESH ASYNC AS SELECT id, COUNT(*) AS c FROM events \(filter) GROUP BY id;"
        }
        let expected = Self.events.replacingOccurrences(of: "note VARCHAR(100)", with: "note VARCHAR(200)") + mv("WHERE kind = 'x'")
        let result = try planAndReplay(expected: expected, actual: Self.events + mv(""))
        #expect(result.plan.steps.map { "\($0.action.rawValue) \($0.object)" }
                == ["drop db.mv", "alter db.events", "create db.mv"])
        #expect(result.plan.steps.last?.waitsFor == "db.events")
        #expect(result.remaining.isEmpty, "\(result.remaining)")
    }

    @Test func refreshChangesAlterTheMaterializedViewInPlace() throws {
        let mv = { (refresh: String) in
            "CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(id) REFRESH \(refresh) AS SELECT id, COUNT(*) AS c FROM events GROUP BY id;"
        }
        let result = try planAndReplay(expected: Self.events + mv("ASYNC EVERY (INTERVAL 1 HOUR)"),
                                       actual: Self.events + mv("MANUAL"))
        #expect(result.plan.steps.map(\.action) == [.alter])
        #expect(result.remaining.isEmpty, "\(result.remaining)")
    }

    @Test func revisionsSplitWhereATableNeedsAnotherJob() throws {
        let expected = """
        CREATE TABLE events (id BIGINT NOT NULL, d DATE NOT NULL, kind VARCHAR(20), note VARCHAR(100), extra INT)
        DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) ORDER BY(d, id);
        """
        let result = try planAndReplay(expected: expected, actual: Self.events)
        let batches = revisionBatches(result.plan)
        #expect(batches.count == 2)
        #expect(batches.allSatisfy { $0.filter(\.startsSchemaChangeJob).count == 1 })
    }
}
