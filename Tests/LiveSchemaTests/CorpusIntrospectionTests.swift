import DriftTestSupport
import Foundation
import LiveSchema
import SchemaModel
import StarRocksSimulator
import Testing

/// Introspecting a simulator that serves every corpus case yields exactly the catalog that parsing the same files
/// offline yields, with only reads sent and a bounded number of statements.
@Suite struct CorpusIntrospectionTests {
    @Test func everyCaseIntrospectsToTheOfflineCatalog() async throws {
        let corpus = CorpusCatalog.load()
        try #require(corpus.databases.count >= 70, "expected the whole corpus (74 cases)")
        let harness = try SimulatorHarness(SimulatorCatalog(databases: corpus.databases))
        let databases = corpus.databases.keys.sorted()
        let snapshot = try await harness.reader().read(databases: databases, versionTable: nil)
        await harness.shutDown()

        let offline = try corpus.offlineCatalog()
        #expect(snapshot.unparseable.isEmpty, "\(snapshot.unparseable)")
        #expect(snapshot.notChecked.isEmpty)
        #expect(snapshot.missingDatabases.isEmpty)
        #expect(snapshot.catalog.databaseNames == offline.databaseNames)
        for database in databases {
            #expect(snapshot.catalog.databases[database] == offline.databases[database], "database \(database)")
        }
        #expect(snapshot.catalog == offline)
        #expect(snapshot.materializedViewStatus.count == corpus.materializedViewCount)

        // Only reads reached the server.
        let log = harness.simulator.statementLog
        #expect(log.allSatisfy(SimulatorHarness.isRead), "\(log.filter { !SimulatorHarness.isRead($0) })")
        // At most one statement per object (MVs need none) plus a constant per database and per server.
        let bound = (corpus.objectCount - corpus.materializedViewCount) + 5 * databases.count + 2
        #expect(snapshot.statementsSent <= bound)
        #expect(harness.readStatements.count == snapshot.statementsSent)
    }
}
