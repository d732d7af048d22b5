import Testing
@testable import SchemaModel

/// Every statement StarRocks rejects is a ReplayError at file:line:column, with a caret and the statement.
@Suite struct ReplayErrorTests {
    static let setup = """
        CREATE TABLE t (k INT NOT NULL, v INT) PRIMARY KEY(k) DISTRIBUTED BY HASH(k);
        CREATE TABLE d (k INT, v INT) DUPLICATE KEY(k);
        """

    /// Replays `setup` then `statement` (on line 3) and returns the error.
    static func error(_ statement: String, firstLine: Int = 1) throws -> ReplayError {
        var catalog = Catalog()
        do {
            try catalog.apply(sql: setup + "\n" + statement, file: "migrations/0002.sql", firstLine: firstLine,
                              defaultDatabase: "db")
        } catch let error as ReplayError {
            return error
        }
        throw ExpectationFailedError()
    }

    struct ExpectationFailedError: Error {}

    @Test(arguments: [
        ("ALTER TABLE missing ADD COLUMN c INT;", 13, "table `db.missing` does not exist"),
        ("CREATE TABLE p (id INT NOT NULL, d DATE NOT NULL) PRIMARY KEY(id) PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN (\"2026-01-01\"));", 51,
         "partition column `d` of PRIMARY KEY table `p` is not in its key"),
        ("CREATE TABLE q (id INT NOT NULL, d DATETIME NOT NULL) PRIMARY KEY(id) PARTITION BY date_trunc('day', d);", 55,
         "partition column `d` of PRIMARY KEY table `q` is not in its key"),
        ("ALTER TABLE d ADD COLUMN v BIGINT;", 26, "column `v` already exists in table `d`"),
        ("ALTER TABLE t DROP COLUMN k;", 27, "cannot drop key column `k` of PRIMARY KEY table `t`"),
        ("ALTER TABLE d DROP COLUMN nope;", 27, "column `nope` does not exist in table `d`"),
        ("ALTER TABLE d MODIFY COLUMN nope INT;", 29, "column `nope` does not exist in table `d`"),
        ("ALTER TABLE d RENAME COLUMN nope TO x;", 29, "column `nope` does not exist in table `d`"),
        ("ALTER TABLE d ADD COLUMN c INT AFTER nope;", 38, "column `nope` named in AFTER does not exist"),
        ("ALTER TABLE t MODIFY COLUMN k BIGINT;", 29, "cannot modify key column `k` of PRIMARY KEY table `t`"),
        ("ALTER TABLE d ORDER BY (k, k);", 25, "column `k` is listed twice in ORDER BY"),
        ("CREATE TABLE d (x INT);", 14, "table `db.d` already exists"),
        ("CREATE VIEW d AS SELECT 1;", 13, "table `db.d` already exists"),
        ("DROP TABLE nope;", 12, "table `db.nope` does not exist"),
        ("DROP VIEW d;", 11, "`db.d` is a table, not a view"),
        ("ALTER TABLE d DROP PARTITION p1;", 30, "partition `p1` does not exist in table `d`"),
        ("ALTER TABLE d DROP INDEX i1;", 26, "index `i1` does not exist on table `d`"),
        ("CREATE TABLE x (a INT, A INT);", 24, "column `A` is defined twice in table `x`"),
        ("ALTER MATERIALIZED VIEW nope REFRESH MANUAL;", 25, "materialized view `db.nope` does not exist"),
        ("ALTER TABLE d SWAP WITH nope;", 25, "table `db.nope` does not exist"),
        ("ALTER TABLE t ADD COLUMN k2 SMALLINT KEY;", 26, "cannot add key column `k2` to PRIMARY KEY table `t`"),
        ("ALTER TABLE d ADD COLUMN v2 BIGINT MIN;", 26, "column `v2` cannot have the aggregate function MIN"),
        ("ALTER TABLE d MODIFY COLUMN v VARCHAR(100) MAX;", 29, "column `v` cannot have the aggregate function MAX"),
        ("ALTER TABLE d DROP COLUMN k;", 27, "cannot drop `k`, the last key column of table `d`"),
        ("ALTER TABLE d ADD COLUMN c INT, ADD COLUMN c FLOAT;", 44, "column `c` already exists in table `d`"),
        ("ALTER TABLE d RENAME COLUMN k TO v;", 34, "column `v` already exists in table `d`"),
        ("ALTER VIEW d AS SELECT 1;", 12, "view `db.d` does not exist"),
        ("ALTER TABLE d RENAME t;", 22, "table `db.t` already exists"),
        ("ALTER TABLE d ADD COLUMN c INT, RENAME t;", 40, "table `db.t` already exists"),
    ])
    func rejectedStatement(statement: String, column: Int, message: String) throws {
        let error = try Self.error(statement)
        #expect(error.file == "migrations/0002.sql")
        #expect(error.line == 3)
        #expect(error.column == column, "\(error)")
        #expect(error.message.hasPrefix(message), "\(error.message)")
        #expect(error.statement == String(statement.dropLast()))
        #expect(error.description.hasPrefix("migrations/0002.sql:3:\(column): error: \(message)"))
    }

    @Test func descriptionShowsTheLineACaretAndTheStatement() throws {
        let error = try Self.error("ALTER TABLE d DROP COLUMN nope;")
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[1] == "ALTER TABLE d DROP COLUMN nope;")
        #expect(lines[2] == String(repeating: " ", count: 26) + "^")
        #expect(lines[3] == "in statement: ALTER TABLE d DROP COLUMN nope")
    }

    @Test func firstLineOffsetsTheReportedLine() throws {
        let error = try Self.error("ALTER TABLE missing ADD COLUMN c INT;", firstLine: 40)
        #expect(error.line == 42)
        #expect(error.sourceLine == "ALTER TABLE missing ADD COLUMN c INT;")
    }

    @Test func errorInsideAMultiLineStatementPointsAtItsLine() throws {
        let error = try Self.error("ALTER TABLE d\n  ADD COLUMN c INT,\n  DROP COLUMN gone;")
        #expect(error.line == 5)
        #expect(error.column == 15)
        #expect(error.sourceLine == "  DROP COLUMN gone;")
    }

    @Test func crlfSourceLinesShowWithoutCarriageReturns() throws {
        var catalog = Catalog()
        do {
            try catalog.apply(sql: "CREATE TABLE d (k INT) DUPLICATE KEY(k);\r\nALTER TABLE d DROP COLUMN nope;\r\n",
                              file: "crlf.sql", defaultDatabase: "db")
            Issue.record("expected a ReplayError")
        } catch let error as ReplayError {
            #expect(error.line == 2)
            #expect(error.column == 27)
            #expect(error.sourceLine == "ALTER TABLE d DROP COLUMN nope;")
        }
    }

    @Test func revisionAppearsWhenSet() throws {
        var error = try Self.error("DROP TABLE nope;")
        error.revision = "3f2a9c1b"
        #expect(error.description.hasPrefix("migrations/0002.sql:3:12: error: table `db.nope` does not exist; "))
        #expect(error.description.contains("(revision 3f2a9c1b)"))
    }
}
