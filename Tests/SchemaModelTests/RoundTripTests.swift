import Foundation
import Testing
@testable import SchemaModel

/// Objects with awkward spellings (reserved names, nested types, escapes, multi-column ranges, batches, CTAS,
/// expression partitions, MV refresh forms) survive print → parse → lower, and a printed catalog loads back equal.
@Suite struct RoundTripTests {
    static func edgeCases() throws -> Catalog {
        let url = TestPaths.fixtures.appendingPathComponent("edge_cases.sql")
        let sql = try String(contentsOf: url, encoding: .utf8)
        return try Catalog.load(sql: sql, file: "edge_cases.sql", defaultDatabase: "edge")
    }

    @Test func everyEdgeCaseObjectRoundTrips() throws {
        let database = try #require(try Self.edgeCases().databases["edge"])
        #expect(database.tables.count == 8)
        #expect(database.views.count == 2)
        #expect(database.materializedViews.count == 3)
        for table in database.tables.values {
            #expect(roundTrips(table), "table \(table.name):\n\(CanonicalDDL.table(table))")
        }
        for view in database.views.values {
            #expect(roundTrips(view), "view \(view.name):\n\(CanonicalDDL.view(view))")
        }
        for view in database.materializedViews.values {
            #expect(roundTrips(view), "materialized view \(view.name):\n\(CanonicalDDL.materializedView(view))")
        }
    }

    @Test func printedCatalogLoadsBackEqual() throws {
        let catalog = try Self.edgeCases()
        let text = CanonicalDDL.catalog(catalog)
        let reloaded = try Catalog.load(sql: text, file: "printed.sql", defaultDatabase: "edge")
        #expect(reloaded == catalog)
        #expect(CanonicalDDL.catalog(reloaded) == text, "printing is a fixed point")
    }

    @Test func loweringRecordsWhatWasWritten() throws {
        let database = try #require(try Self.edgeCases().databases["edge"])
        let table = try #require(database.tables["t#t"])
        #expect(table.column(named: "d1")?.type == .scalar(name: "decimal", arguments: []))
        #expect(table.column(named: "d2")?.type == .scalar(name: "decimal64", arguments: [18, 4]))
        #expect(table.column(named: "li")?.type == .scalar(name: "largeint", arguments: [40]))
        #expect(table.column(named: "n")?.defaultValue == .null)
        #expect(table.column(named: "u")?.defaultValue == .expression("uuid()"))
        #expect(table.column(named: "time")?.nullable == nil)
        #expect(table.column(named: "h")?.aggregate == .hllUnion)
        #expect(table.indexes == [TableIndex(name: "idx_c", columns: ["c"], type: "GIN", comment: "full text",
                                             properties: ["parser": "english", "imp_lib": "clucene"])])
        guard case .range(let range)? = table.partitioning else { Issue.record("not range"); return }
        #expect(range.partitions.map(\.lower) == [nil, ["0", "2020-01-01 00:00:00"], nil])
        #expect(range.partitions.last?.upper == nil, "MAXVALUE is no upper bound")
        #expect(range.partitions.last?.properties == ["replication_num": "1"])
        #expect(database.tables["no_clauses"]?.key == TableKey(model: .duplicate, columns: ["a", "b"]),
                "no key clause: replay keeps the key the server infers at CREATE TABLE")
        #expect(database.tables["no_clauses"]?.distribution == nil)
        #expect(database.tables["no_clauses"]?.column(named: "b")?.type == .scalar(name: "string", arguments: []))
        #expect(database.materializedViews["mv_expr"]?.partitionBy == ["date_trunc('day', ts)"])
        #expect(database.materializedViews["mv_expr"]?.refresh == Refresh(kind: .async, everyCount: 60, everyUnit: "MINUTE"))
        #expect(database.materializedViews["mv_plain"]?.refresh == nil)
    }
}
