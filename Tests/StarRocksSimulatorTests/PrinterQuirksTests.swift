import Foundation
import StarRocksSimulator
import Testing

/// A writable simulator playing a server of another version: `printer:` quirks applied after its printer.
@Suite struct PrinterQuirksTests {
    static let quirks = PrinterQuirks(
        addedProperties: [.table: ["file_bundling": "true"], .materializedView: ["query_rewrite_consistency": "CHECKED"]],
        unprintedDefaults: [.table: ["enable_load_profile": "false"]],
        valueSpellings: ["enable_query_rewrite": ["false": "FALSE"]],
        rewrites: [.view: [PrinterQuirks.Rewrite(pattern: " SECURITY NONE AS ",
                                                 replacement: " COMMENT \"SYSTEM_VIEW\" SECURITY NONE AS ")]])

    static func simulator() -> Simulator {
        var state = SimulatorState(serverVersion: "9.9.1")
        state.printer = quirks
        return Simulator(catalog: SimulatorCatalog(databases: [:], state: state),
                         options: SimulatorOptions(writable: true))
    }

    static func text(_ reply: SimulatorReply) -> String {
        guard case .resultSet(let result) = reply, result.columns.count > 1 else { return "\(reply)" }
        return result.rows.first?[1] ?? ""
    }

    @Test func createDatabaseQualifiedObjectsAndDropDatabase() {
        let sim = Self.simulator()
        #expect(sim.reply(to: "CREATE DATABASE `probe_db`", database: nil) == .ok)
        #expect(sim.reply(to: "CREATE TABLE `probe_db`.`t` (`k` INT) DUPLICATE KEY(`k`) DISTRIBUTED BY HASH(`k`) "
            + "BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\", \"enable_load_profile\" = \"false\")", database: nil) == .ok)
        #expect(sim.reply(to: "CREATE VIEW `probe_db`.`v` AS SELECT `k` FROM `probe_db`.`t`", database: nil) == .ok)
        #expect(sim.reply(to: "CREATE MATERIALIZED VIEW `probe_db`.`mv` DISTRIBUTED BY HASH(`k`) BUCKETS 1 "
            + "REFRESH DEFERRED MANUAL PROPERTIES (\"replication_num\" = \"1\", \"enable_query_rewrite\" = \"false\") "
            + "AS SELECT `k` FROM `probe_db`.`t`", database: nil) == .ok)

        let table = Self.text(sim.reply(to: "SHOW CREATE TABLE `probe_db`.`t`", database: nil))
        #expect(table.contains("\"file_bundling\" = \"true\""), "\(table)")
        #expect(!table.contains("enable_load_profile"), "\(table)")
        #expect(table.contains("\"replication_num\" = \"1\""))
        let view = Self.text(sim.reply(to: "SHOW CREATE VIEW `probe_db`.`v`", database: nil))
        #expect(view.contains(" COMMENT \"SYSTEM_VIEW\" SECURITY NONE AS "), "\(view)")
        let mv = Self.text(sim.reply(to: "SHOW CREATE MATERIALIZED VIEW `probe_db`.`mv`", database: nil))
        #expect(mv.contains("\"enable_query_rewrite\" = \"FALSE\""), "\(mv)")
        #expect(mv.contains("\"query_rewrite_consistency\" = \"CHECKED\""), "\(mv)")

        guard case .resultSet(let listed) = sim.reply(to: "SHOW DATABASES", database: nil) else {
            Issue.record("SHOW DATABASES failed")
            return
        }
        #expect(listed.rows.contains { $0.first == "probe_db" })
        #expect(sim.reply(to: "DROP DATABASE IF EXISTS `probe_db` FORCE", database: nil) == .ok)
        guard case .resultSet(let after) = sim.reply(to: "SHOW DATABASES", database: nil) else { return }
        #expect(!after.rows.contains { $0.first == "probe_db" })
    }

    @Test func stateFileReadsThePrinterBlock() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("simcat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("databases/analytics"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        server_version: "9.9.1"
        printer:
          added_properties: {table: {file_bundling: "true"}, materialized_view: {query_rewrite_consistency: CHECKED}}
          unprinted_defaults: {table: {enable_load_profile: "false"}}
          value_spellings: {enable_query_rewrite: {"false": "FALSE"}}
          rewrites: {view: [{pattern: " SECURITY NONE AS ", replacement: " COMMENT \\"SYSTEM_VIEW\\" SECURITY NONE AS "}]}
        """.write(to: root.appendingPathComponent("state.yaml"), atomically: true, encoding: .utf8)
        let catalog = try SimulatorCatalog.load(directory: root.path)
        #expect(catalog.state.printer == Self.quirks)
    }

    @Test func unknownPrinterKindNamesFileAndLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("simcat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("databases/analytics"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "printer:\n  added_properties: {index: {a: b}}\n"
            .write(to: root.appendingPathComponent("state.yaml"), atomically: true, encoding: .utf8)
        #expect {
            try SimulatorCatalog.load(directory: root.path)
        } throws: { error in
            "\(error)".contains("state.yaml:2:") && "\(error)".contains("unknown object kind `index`")
        }
    }
}
