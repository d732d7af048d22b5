import Yams

/// Reads `state.yaml` into a `SimulatorState`. Unknown keys and wrong types are errors naming file, line and key.
///
/// ```yaml
/// server_version: "3.3.2"
/// version: {table: alembic_version, revision: "3f2a9c1b"}    # or revisions: [...], column: id, exists: false
/// backends: {alive: 1, total: 1}
/// alter_jobs: [{table: events, state: RUNNING, msg: "", create_time: "2026-01-01 00:00:00"}]
/// materialized_views: [{name: mv, is_active: false, inactive_reason: "...", last_refresh_state: FAILED}]
/// run_mode: shared_nothing
/// default_replication_num: 3
/// printer:                       # how this server prints differently (see PrinterQuirks)
///   added_properties: {table: {file_bundling: "true"}, materialized_view: {...}}
///   unprinted_defaults: {table: {enable_load_profile: "false"}}
///   value_spellings: {enable_query_rewrite: {"false": "FALSE"}}
///   rewrites: {view: [{pattern: "\nAS ", replacement: "\nCOMMENT \"VIEW\"\nAS "}]}
/// ```
enum StateFileReader {
    static func read(_ text: String, file: String) throws(SimulatorCatalogError) -> SimulatorState {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw SimulatorCatalogError("\(file): not valid YAML (\(error)); fix the syntax")
        }
        var state = SimulatorState()
        guard let root else { return state }
        let top = try mapping(root, file: file, key: "state")
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "server_version": state.serverVersion = try string(value, file: file, key: key)
            case "run_mode": state.runMode = try string(value, file: file, key: key)
            case "default_replication_num": state.defaultReplicationNum = try int(value, file: file, key: key)
            case "printer": state.printer = try printerQuirks(value, file: file)
            case "version": state.versionTable = try versionTable(value, file: file)
            case "backends":
                for (field, number) in try mapping(value, file: file, key: key) {
                    switch field.string {
                    case "alive": state.backendsAlive = try int(number, file: file, key: "backends.alive")
                    case "total": state.backendsTotal = try int(number, file: file, key: "backends.total")
                    default: throw unknown(field, in: "backends", file: file)
                    }
                }
            case "alter_jobs":
                state.alterJobs = try sequence(value, file: file, key: key).enumerated().map { index, node throws(SimulatorCatalogError) in
                    try alterJob(node, index: index, file: file)
                }
            case "materialized_views":
                state.materializedViews = try sequence(value, file: file, key: key).map { node throws(SimulatorCatalogError) in
                    try materializedView(node, file: file)
                }
            default: throw unknown(keyNode, in: "state", file: file)
            }
        }
        return state
    }

    private static func versionTable(_ node: Node, file: String) throws(SimulatorCatalogError) -> VersionTableState {
        var version = VersionTableState(revisions: [])
        for (field, value) in try mapping(node, file: file, key: "version") {
            let key = "version.\(field.string ?? "")"
            switch field.string {
            case "table": version.table = try string(value, file: file, key: key)
            case "database": version.database = try string(value, file: file, key: key)
            case "column": version.column = try string(value, file: file, key: key)
            case "revision": version.revisions = [try string(value, file: file, key: key)]
            case "revisions":
                version.revisions = try sequence(value, file: file, key: key).map { item throws(SimulatorCatalogError) in
                    try string(item, file: file, key: key)
                }
            case "id_column": version.hasIDColumn = try bool(value, file: file, key: key)
            case "exists": version.exists = try bool(value, file: file, key: key)
            default: throw unknown(field, in: "version", file: file)
            }
        }
        return version
    }

    private static func alterJob(_ node: Node, index: Int, file: String) throws(SimulatorCatalogError) -> SimulatedAlterJob {
        var job = SimulatedAlterJob(table: "", state: "", jobID: 10_000 + index)
        for (field, value) in try mapping(node, file: file, key: "alter_jobs") {
            let key = "alter_jobs.\(field.string ?? "")"
            switch field.string {
            case "database": job.database = try string(value, file: file, key: key)
            case "table": job.table = try string(value, file: file, key: key)
            case "state": job.state = try string(value, file: file, key: key)
            case "msg": job.message = try string(value, file: file, key: key)
            case "create_time": job.createTime = try string(value, file: file, key: key)
            case "finish_time": job.finishTime = try string(value, file: file, key: key)
            case "job_id": job.jobID = try int(value, file: file, key: key)
            default: throw unknown(field, in: "alter_jobs", file: file)
            }
        }
        if job.table.isEmpty || job.state.isEmpty {
            throw SimulatorCatalogError("\(file):\(line(node)): an alter_jobs entry needs `table` and `state`; add them")
        }
        return job
    }

    private static func materializedView(_ node: Node, file: String) throws(SimulatorCatalogError)
        -> SimulatedMaterializedViewStatus {
        var status = SimulatedMaterializedViewStatus(name: "")
        for (field, value) in try mapping(node, file: file, key: "materialized_views") {
            let key = "materialized_views.\(field.string ?? "")"
            switch field.string {
            case "database": status.database = try string(value, file: file, key: key)
            case "name": status.name = try string(value, file: file, key: key)
            case "is_active": status.isActive = try bool(value, file: file, key: key)
            case "inactive_reason": status.inactiveReason = try string(value, file: file, key: key)
            case "last_refresh_state": status.lastRefreshState = try string(value, file: file, key: key)
            case "last_refresh_error_message": status.lastRefreshErrorMessage = try string(value, file: file, key: key)
            default: throw unknown(field, in: "materialized_views", file: file)
            }
        }
        if status.name.isEmpty {
            throw SimulatorCatalogError("\(file):\(line(node)): a materialized_views entry needs `name`; add it")
        }
        return status
    }

    // MARK: typed access

    static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    static func unknown(_ key: Node, in section: String, file: String) -> SimulatorCatalogError {
        SimulatorCatalogError("\(file):\(line(key)): unknown key `\(key.string ?? "?")` in \(section); remove it or fix "
            + "the spelling")
    }

    static func mapping(_ node: Node, file: String, key: String) throws(SimulatorCatalogError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw SimulatorCatalogError("\(file):\(line(node)): `\(key)` must be a mapping")
        }
        return mapping
    }

    static func sequence(_ node: Node, file: String, key: String) throws(SimulatorCatalogError) -> [Node] {
        guard let sequence = node.sequence else {
            throw SimulatorCatalogError("\(file):\(line(node)): `\(key)` must be a list")
        }
        return Array(sequence)
    }

    static func string(_ node: Node, file: String, key: String) throws(SimulatorCatalogError) -> String {
        guard let scalar = node.scalar else {
            throw SimulatorCatalogError("\(file):\(line(node)): `\(key)` must be a string")
        }
        return scalar.string
    }

    static func int(_ node: Node, file: String, key: String) throws(SimulatorCatalogError) -> Int {
        guard let value = node.scalar.flatMap({ Int($0.string) }) else {
            throw SimulatorCatalogError("\(file):\(line(node)): `\(key)` must be an integer")
        }
        return value
    }

    static func bool(_ node: Node, file: String, key: String) throws(SimulatorCatalogError) -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw SimulatorCatalogError("\(file):\(line(node)): `\(key)` must be true or false")
        }
    }
}
