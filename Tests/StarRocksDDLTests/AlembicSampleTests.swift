import DriftTestSupport
import Foundation
import StarRocksDDL
import Testing

/// The Alembic offline-mode samples: the DDL parses, bookkeeping DML is recognised as having no schema effect.
@Suite struct AlembicSampleTests {
    func kinds(of name: String) throws -> [String] {
        let files = CorpusFiles.alembicFiles().filter { $0.lastPathComponent == name }
        let file = try #require(files.first, "\(name) is missing from \(RepositoryPaths.alembicSamples.path)")
        return try DDLParser.parse(try CorpusFiles.read(file), file: name).map { StatementKind.of($0.statement) }
    }

    @Test func upgradeHeadParsesEveryStatement() throws {
        let kinds = try kinds(of: "upgrade_head_offline.sql")
        print("alembic upgrade_head_offline.sql: \(kinds.count) statements")
        #expect(kinds.filter { $0 == "CREATE TABLE" }.count == 3)
        #expect(kinds.filter { $0 == "CREATE VIEW" }.count == 1)
        #expect(kinds.filter { $0 == "CREATE MATERIALIZED VIEW" }.count == 1)
        #expect(kinds.filter { $0 == "ALTER TABLE" }.count == 3)
        #expect(kinds.filter { $0.hasPrefix("no schema effect") }.count == 6)
        #expect(kinds.count == 14)
    }

    @Test func upgradeFromRevisionParses() throws {
        let kinds = try kinds(of: "upgrade_0002_to_head_offline.sql")
        #expect(kinds.contains("ALTER TABLE"))
        #expect(kinds.allSatisfy { $0 == "ALTER TABLE" || $0.hasPrefix("no schema effect") })
    }
}
