import Foundation
import Testing

/// `revision --autogenerate --format alembic` on the repository's example project, with the real pinned Alembic and
/// `starrocks` dialect: the files are accepted by `alembic heads` / `alembic upgrade head --sql`, and the rendered SQL
/// replays to the adopted schema with no drift.
@Suite("revision --format alembic end to end (Alembic)", .serialized)
struct AlembicRevisionEndToEndTests {
    @Test func adoptedChangesBecomeAlembicRevisionsThatReplayClean() throws {
        let example = try AlembicExample()
        defer { example.finish() }
        // The project folder the tool reads: versions/ for the graph, the offline SQL of the head next to it.
        let offline = example.root.appendingPathComponent("migrations/offline.sql")
        try String(contentsOfFile: try example.renderOfflineSQL(), encoding: .utf8)
            .write(to: offline, atomically: true, encoding: .utf8)
        // The schema to adopt: the head plus a column, a new sort key (a second schema-change job on events) and a table.
        let target = example.root.deletingLastPathComponent().appendingPathComponent("target.sql")
        try (String(contentsOf: offline, encoding: .utf8) + """

            ALTER TABLE events ADD COLUMN referrer VARCHAR(255) COMMENT 'where from: a url';
            ALTER TABLE events ORDER BY (event_date, event_id);
            CREATE TABLE users (user_id BIGINT NOT NULL, email VARCHAR(255) NOT NULL COMMENT 'bind-like text :name stays') PRIMARY KEY (user_id)
            DISTRIBUTED BY HASH(user_id) PROPERTIES ("replication_num" = "${replication_num}");
            CREATE VIEW named_events COMMENT 'events of kind :name' AS SELECT event_id FROM events WHERE event_type = ':name';

            """).write(to: target, atomically: true, encoding: .utf8)

        let out = try example.drift(["revision", "-m", "adopt referrer and users", "--autogenerate", "--format", "alembic",
                                     "--from", target.path, "--migrations", "migrations"])
        #expect(out.status == 0, "\(out.stderr)")
        let written = out.stdout.split(separator: "\n").filter { $0.hasSuffix(".py") }.map(String.init)
        #expect(written.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["0007_adopt_referrer_and_users.py", "0008_adopt_referrer_and_users.py"], "\(out.stdout)")
        let first = try String(contentsOfFile: try #require(written.first), encoding: .utf8)
        #expect(first.contains("revision = \"0007\"\ndown_revision = \"0006\""))
        #expect(first.contains("op.add_column(\"events\", sa.Column(\"referrer\", VARCHAR(length=255), nullable=True, comment=\"where from: a url\"))"), "\(first)")
        #expect(first.contains("op.drop_column(\"events\", \"referrer\")"), "the downgrade drops it again")
        let second = try String(contentsOfFile: written[1], encoding: .utf8)
        #expect(second.contains("down_revision = \"0007\""))
        #expect(second.contains("op.execute(\"\"\"\nALTER TABLE `events` ORDER BY(`event_date`, `event_id`)\n\"\"\")"), "\(second)")
        #expect(second.contains("op.create_table(\n        \"users\",\n        Column(\"user_id\", BIGINT(), nullable=False),"), "\(second)")
        #expect(second.contains("starrocks_primary_key=\"user_id\""))
        #expect(second.contains("op.drop_table(\"users\")"), "the downgrade drops the new table")
        #expect(second.contains("WHERE event_type = '\\\\:name'"), "a bind-like colon in op.execute is escaped: \(second)")

        // Alembic accepts the files; its offline SQL replays to the adopted schema and lints clean.
        let heads = try example.alembic(["heads"])
        #expect(heads.stdoutText.hasPrefix("0008 (head)"), "\(heads.stdoutText)\(heads.stderrText)")
        let rendered = try example.renderOfflineSQL()
        let diff = try example.drift(["diff", "--expected", target.path, "--actual", rendered])
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        let lint = try example.drift(["lint", "--migrations", rendered])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")

        // Adopting the same schema again: nothing to do, no file.
        try String(contentsOfFile: rendered, encoding: .utf8).write(to: offline, atomically: true, encoding: .utf8)
        let again = try example.drift(["revision", "-m", "again", "--autogenerate", "--format", "alembic",
                                       "--from", target.path, "--migrations", "migrations"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("nothing to adopt"), "\(again.stdout)")
    }

    @Test func aVersionsFolderWithoutItsOfflineSQLIsAClearError() throws {
        let example = try AlembicExample()
        defer { example.finish() }
        let target = example.root.appendingPathComponent("target.sql")
        try "CREATE TABLE t (id BIGINT) DISTRIBUTED BY HASH(id);\n".write(to: target, atomically: true, encoding: .utf8)
        let out = try example.drift(["revision", "-m", "x", "--autogenerate", "--format", "alembic", "--from", target.path,
                                     "--migrations", "migrations"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("put the output of `alembic upgrade head --sql` next to versions/"), "\(out.stderr)")
        let usage = try example.drift(["revision", "-m", "x", "--format", "alembic", "--migrations", "migrations"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--format alembic goes with --autogenerate"), "\(usage.stderr)")
    }
}
