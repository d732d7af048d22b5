import Foundation
import StarRocksSimulator
import Testing

/// Catalog directories and `state.yaml` load as README "The simulator" describes; mistakes name file, line and key.
@Suite struct StateFileTests {
    func directory(state: String?, objects: [String: String] = ["t": "CREATE TABLE `t` (`k` int(11) NULL)"]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("simcat-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("databases/analytics")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in objects {
            try text.write(to: folder.appendingPathComponent("\(name).sql"), atomically: true, encoding: .utf8)
        }
        if let state { try state.write(to: root.appendingPathComponent("state.yaml"), atomically: true, encoding: .utf8) }
        return root
    }

    @Test func loadsObjectsAndEveryStateKey() throws {
        let root = try directory(state: """
            server_version: "3.2.8"
            version: {table: schema_version, column: id, revisions: ["a", "b"]}
            backends: {alive: 2, total: 3}
            alter_jobs: [{table: t, state: RUNNING, msg: "", create_time: "2026-02-01 10:00:00"}]
            materialized_views: [{name: mv, is_active: false, inactive_reason: "x", last_refresh_state: FAILED, last_refresh_error_message: "e"}]
            run_mode: shared_data
            default_replication_num: 1
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = try SimulatorCatalog.load(directory: root.path)
        #expect(catalog.databases == ["analytics": ["t": "CREATE TABLE `t` (`k` int(11) NULL)"]])
        #expect(catalog.state.serverVersion == "3.2.8")
        #expect(catalog.state.versionTable == VersionTableState(table: "schema_version", column: "id", revisions: ["a", "b"]))
        #expect(catalog.state.backendsAlive == 2)
        #expect(catalog.state.backendsTotal == 3)
        #expect(catalog.state.alterJobs.first?.state == "RUNNING")
        #expect(catalog.state.alterJobs.first?.createTime == "2026-02-01 10:00:00")
        #expect(catalog.state.materializedViews.first?.isActive == false)
        #expect(catalog.state.runMode == "shared_data")
        #expect(catalog.state.defaultReplicationNum == 1)
    }

    @Test func unknownKeyNamesFileAndLine() throws {
        let root = try directory(state: "server_version: \"3.3.2\"\nbackend: {alive: 1}\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect {
            try SimulatorCatalog.load(directory: root.path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("state.yaml:2:") && text.contains("unknown key `backend`")
        }
    }

    @Test func missingDirectorySaysWhatACatalogHolds() {
        #expect {
            try SimulatorCatalog.load(directory: "/nonexistent/catalog")
        } throws: { error in
            "\(error)".contains("databases/<db>/<object>.sql")
        }
    }
}
