import Foundation
import SchemaModel
import StarRocksSimulator
import Testing

/// The simulator answers the ecosystem's MySQL-protocol clients, not only starrocks-drift: SQLAlchemy 2 with the
/// `starrocks` dialect over PyMySQL (what Alembic's autogenerate runs) reflects every corpus object, and the
/// `mariadb`/`mysql` command-line client lists and prints them. A missing client is a failure naming the fix
/// (scripts/setup.sh), never a skip.
@Suite(.serialized) struct RealClientTests {
    /// Corpus cases the dialect itself cannot reflect from real StarRocks output (the simulator serves the verbatim
    /// text): case → what the dialect raises. When a newer dialect reflects one, the test says to remove it here.
    static let knownDialectFailures: [String: String] = [
        // starrocks 1.3.4: its PARTITION BY pattern stops at the `AS` inside `CAST(substr(...) AS BIGINT)`, then
        // raises SQLParseError with a missing argument (a TypeError).
        "027_test_column_rename_bill_detail": "SQLParseError",
    ]

    /// A type as both sides spell it, made comparable: upper case, no spaces, no integer display widths,
    /// `INTEGER` = `INT`, `STRING` = `VARCHAR(65533)`, `decimal64(p, s)` = `DECIMAL(p,s)`, `DECIMAL` = `DECIMAL(10,0)`.
    static func comparable(_ type: String) -> String {
        var text = type.uppercased().replacingOccurrences(of: " ", with: "")
        text = text.replacingOccurrences(of: #"\b(TINYINT|SMALLINT|INTEGER|INT|BIGINT|LARGEINT)\(\d+\)"#, with: "$1",
                                         options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bINTEGER\b"#, with: "INT", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bSTRING\b"#, with: "VARCHAR(65533)", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bBOOL\b"#, with: "BOOLEAN", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bDECIMAL(32|64|128|V2|V3)\b"#, with: "DECIMAL", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bDECIMAL\b(?!\()"#, with: "DECIMAL(10,0)", options: .regularExpression)
        return text
    }

    @Test func sqlalchemyReflectsEveryCorpusObjectWithItsColumnsAndTypes() throws {
        let cases = CorpusCases.load()
        try #require(!cases.databases.isEmpty)
        let simulator = Simulator(catalog: cases.catalog)
        let port = try simulator.start()
        defer { simulator.stop() }
        let schemas = cases.databases.keys.sorted()
        guard let reflection = try PythonPeer.reflect(port: port, schemas: schemas) else { return }
        #expect(reflection.versions["starrocks"]?.hasPrefix("1.3.") == true, "expected the starrocks 1.3.x dialect")
        var objectsChecked = 0
        for database in schemas {
            if let failure = Self.knownDialectFailures[database] {
                #expect(reflection.errors[database]?.contains(failure) == true,
                        "\(database): the dialect now reflects it; remove it from knownDialectFailures")
                continue
            }
            if let error = reflection.errors[database] {
                Issue.record("\(database): SQLAlchemy reflection failed: \(error)")
                continue
            }
            guard let expected = cases.parsed[database], let reflected = reflection.schemas[database] else {
                Issue.record("\(database): no offline parse or no reflection result")
                continue
            }
            #expect(reflected.count == expected.tables.count + expected.views.count + expected.materializedViews.count,
                    "\(database): reflected \(reflected.keys.sorted())")
            for (name, table) in expected.tables {
                guard let object = reflected[name] else { Issue.record("\(database).\(name): table not reflected"); continue }
                #expect(object.kind == "TABLE", "\(database).\(name)")
                #expect(object.columns.map { $0[0] } == table.columns.map(\.name), "\(database).\(name): column names")
                #expect(object.columns.map { Self.comparable($0[1]) } == table.columns.map { Self.comparable($0.type.description) },
                        "\(database).\(name): column types")
                objectsChecked += 1
            }
            for (name, view) in expected.views {
                guard let object = reflected[name] else { Issue.record("\(database).\(name): view not reflected"); continue }
                #expect(object.kind == "VIEW", "\(database).\(name)")
                #expect(object.columns.map { $0[0] } == view.columns.map(\.name), "\(database).\(name): column names")
                #expect(object.definition?.isEmpty == false, "\(database).\(name): definition")
                objectsChecked += 1
            }
            for (name, view) in expected.materializedViews {
                guard let object = reflected[name] else { Issue.record("\(database).\(name): MV not reflected"); continue }
                #expect(object.kind == "MATERIALIZED_VIEW", "\(database).\(name)")
                #expect(object.columns.map { $0[0] } == view.columns.map(\.name), "\(database).\(name): column names")
                #expect(object.definition?.isEmpty == false, "\(database).\(name): definition")
                objectsChecked += 1
            }
        }
        #expect(objectsChecked > 100, "only \(objectsChecked) objects were compared")
        // Every statement the dialect sent has an answer (replayed in-process: none gets an error), except in the
        // schemas the dialect itself fails on.
        let unanswered = simulator.statementLog.filter { statement in
            guard !Self.knownDialectFailures.keys.contains(where: { statement.contains($0) }) else { return false }
            if case .error = simulator.reply(to: statement) { return true }
            return false
        }
        #expect(unanswered.isEmpty, "statements the simulator rejected: \(Set(unanswered).sorted().prefix(10))")
    }

    @Test func mysqlClientListsAndPrintsCorpusObjects() throws {
        let cases = CorpusCases.load()
        let database = "109_test_view_test_view"
        let table = "052_test_materialized_view_user_tags_mv1"
        try #require(cases.databases[database] != nil && cases.databases[table] != nil)
        let simulator = Simulator(catalog: cases.catalog)
        let port = try simulator.start()
        defer { simulator.stop() }

        let databases = try #require(try MariaDBCommandLine.run(port: port, "SHOW DATABASES"))
        #expect(databases.status == 0, "\(databases.stderr)")
        let listed = Set(databases.stdout.split(separator: "\n").map(String.init))
        #expect(listed.isSuperset(of: cases.databases.keys), "SHOW DATABASES: \(listed.sorted().prefix(5))")

        let tables = try #require(try MariaDBCommandLine.run(port: port, "SHOW FULL TABLES FROM `\(table)`"))
        #expect(tables.status == 0, "\(tables.stderr)")
        let parsed = try #require(cases.parsed[table])
        let expected = cases.databases[table]!.keys.sorted().map { name -> String in
            "\(name)\t\(parsed.tables[name] != nil ? "BASE TABLE" : "VIEW")"
        }
        #expect(tables.stdout.split(separator: "\n").map(String.init) == ["Tables_in_\(table)\tTable_type"] + expected)

        let baseTable = try #require(cases.parsed[table]?.tables.keys.sorted().first)
        let create = try #require(try MariaDBCommandLine.run(port: port, database: table,
                                                             "SHOW CREATE TABLE `\(baseTable)`"))
        #expect(create.status == 0, "\(create.stderr)")
        let text = cases.databases[table]![baseTable]!.trimmingCharacters(in: .newlines)
        #expect(create.stdout == "Table\tCreate Table\n\(baseTable)\t\(text)\n")

        // What an interactive session and a pooled connection send around their queries.
        let session = try #require(try MariaDBCommandLine.run(port: port, database: database, """
            SET NAMES utf8mb4; SET autocommit = 0; BEGIN; SELECT @@version_comment LIMIT 1; DESC test_view; \
            SHOW INDEX FROM test_view; ROLLBACK; START TRANSACTION; COMMIT
            """))
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("test_column\tvarchar(65533)\tYES\tfalse"), "\(session.stdout)")
    }
}
