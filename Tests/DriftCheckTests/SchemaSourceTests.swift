import Foundation
import SchemaModel
import Testing
@testable import DriftCheck

/// Unit tests of the pieces behind `diff`'s sources and the Python files the tool writes.
@Suite struct SchemaSourceTests {
    @Test func sourcesParse() throws {
        #expect(try SchemaSource(parsing: "env:prod", side: "--actual") == .environment("prod"))
        #expect(try SchemaSource(parsing: "migrations", side: "--actual") == .path("migrations"))
        #expect(try SchemaSource(parsing: "models:app.models:Base", side: "--expected")
                == .models(try ModelsReference(parsing: "app.models:Base", option: "--expected")))
        #expect(try SchemaSource(parsing: "models:app.models:Base", side: "--expected").description == "models:app.models:Base")
        for bad in ["env:", "models:app.models", "models:app models:Base", "models::Base", "models:a:b:c"] {
            #expect(throws: DriftCheckError.self) { try SchemaSource(parsing: bad, side: "--expected") }
        }
    }

    static func environment(_ yaml: String) throws -> EnvironmentConfig {
        try EnvironmentLoader.parse(yaml: "connection: {url: starrocks://u@h:9030/analytics}\n" + yaml,
                                    file: "environments/x.yaml", defaultName: "x")
    }

    @Test func ownValuesFoldToPlaceholdersAndOthersStay() throws {
        let prod = try Self.environment("variables: {replication_num: \"3\"}\nexpect: {properties: {storage_medium: SSD}}\n")
        var table = Table(name: "t", columns: [Column(name: "id", type: .scalar(name: "bigint", arguments: []))])
        table.properties = ["replication_num": "3", "storage_medium": "SSD", "compression": "LZ4"]
        var left = table
        left.name = "u"
        left.properties["replication_num"] = "1"
        var database = Database(name: "analytics")
        database.tables = ["t": table, "u": left]
        let folded = EnvironmentValues.fold(Catalog(databases: ["analytics": database]), environment: prod)
        let t = try #require(folded.databases["analytics"]?.tables["t"])
        #expect(t.properties == ["replication_num": "${replication_num}", "storage_medium": "${storage_medium}",
                                 "compression": "LZ4"])
        #expect(folded.databases["analytics"]?.tables["u"]?.properties["replication_num"] == "1",
                "a value that is not the environment's own stays and is compared")
    }

    @Test func dialectTypesAndPythonText() {
        #expect(DialectTypes.scalar("int", [11]) == "INTEGER()")
        #expect(DialectTypes.scalar("VARCHAR", [100]) == "VARCHAR(length=100)")
        #expect(DialectTypes.scalar("decimal", [18, 2]) == "DECIMAL(precision=18, scale=2)")
        #expect(DialectTypes.scalar("decimal", [18]) == nil)
        #expect(SQLAlchemyModelsWriter.pythonType(.array(.map(key: .scalar(name: "varchar", arguments: [10]),
                                                                value: .scalar(name: "int", arguments: []))))
                == "ARRAY(MAP(VARCHAR(length=10), INTEGER()))")
        #expect(PythonLiteral.string("a \"b\"\\\n") == "\"a \\\"b\\\"\\\\\\n\"")
        // op.execute goes through sqlalchemy.text(): a colon before a word is escaped, a time literal is not.
        #expect(AlembicOperations.pythonText("COMMENT ':name' DEFAULT '00:00:00';")
                == "\"\"\"\nCOMMENT '\\\\:name' DEFAULT '00:00:00'\n\"\"\"")
    }

    @Test func whatTheDialectCannotExpressIsListedNotWritten() throws {
        let catalog = try Catalog.load(sql: """
            CREATE TABLE plain (id BIGINT NOT NULL, v VARCHAR(10)) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);
            CREATE TABLE indexed (id BIGINT NOT NULL, v VARCHAR(10), INDEX iv (v) USING BITMAP)
                DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);
            CREATE TABLE copied DISTRIBUTED BY HASH(id) AS SELECT id FROM plain;
            """, file: "t.sql", defaultDatabase: "analytics")
        let (text, skipped) = SQLAlchemyModelsWriter(style: .core, defaultDatabase: "analytics")
            .write(catalog, title: "a test")
        #expect(text.contains("plain = Table("))
        #expect(text.contains("starrocks_duplicate_key=\"id\""))
        #expect(skipped.sorted() == [
            "analytics.copied: CREATE TABLE … AS SELECT has no Table form",
            "analytics.indexed: indexes (the dialect creates them with separate CREATE INDEX statements)",
        ], "\(skipped)")
        #expect(text.contains("Left out (the dialect cannot express them):\n- analytics.copied"))
        let other = SQLAlchemyModelsWriter(style: .core, defaultDatabase: "elsewhere").write(catalog, title: "x").text
        #expect(other.contains("schema=\"analytics\""), "objects outside the default database name their schema")
    }

    /// An object `inspect` could not read is named in the file's docstring, not only on stderr: a models.py that
    /// silently lacks a view would be committed as the whole schema.
    @Test func objectsThatCouldNotBeReadAreListedInTheFile() throws {
        let catalog = try Catalog.load(sql: "CREATE TABLE plain (id BIGINT NOT NULL) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id);",
                                       file: "t.sql", defaultDatabase: "analytics")
        let unread = ["analytics.v: the server's SHOW CREATE text could not be parsed: \"\"\" C:\\x\nsecond line ^"]
        let text = SQLAlchemyModelsWriter(style: .core, defaultDatabase: "analytics")
            .write(catalog, title: "a test", unread: unread).text
        #expect(text.contains("Left out (could not be read from the server; not in this file):\n"
            + "- analytics.v: the server's SHOW CREATE text could not be parsed: \\\"\"\" C:\\\\x\n\"\"\""), "\(text)")
        #expect(!text.contains("second line"))
    }
}
