import Foundation

/// What a simulator serves: per database, object name → verbatim `SHOW CREATE` text, plus server state.
///
/// On disk (README "The simulator"): `DIR/databases/<db>/<object>.sql` and an optional `DIR/state.yaml`.
public struct SimulatorCatalog: Hashable, Sendable {
    /// Database name → object name → the object's `SHOW CREATE TABLE|VIEW|MATERIALIZED VIEW` text.
    public var databases: [String: [String: String]]
    /// Version, version table, backends, schema-change jobs and MV health.
    public var state: SimulatorState

    /// Creates a value from its parts.
    public init(databases: [String: [String: String]], state: SimulatorState = SimulatorState()) {
        self.databases = databases
        self.state = state
    }

    /// Reads a catalog directory: every `databases/<db>/<object>.sql` file and `state.yaml` when present.
    public static func load(directory: String) throws(SimulatorCatalogError) -> SimulatorCatalog {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory)
        let databasesDirectory = root.appendingPathComponent("databases")
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: databasesDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SimulatorCatalogError("\(databasesDirectory.path): no such directory; a catalog holds "
                + "databases/<db>/<object>.sql files with verbatim SHOW CREATE output")
        }
        var databases: [String: [String: String]] = [:]
        let databaseNames = (try? manager.contentsOfDirectory(atPath: databasesDirectory.path)) ?? []
        for database in databaseNames.sorted() where !database.hasPrefix(".") {
            let folder = databasesDirectory.appendingPathComponent(database)
            guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            var objects: [String: String] = [:]
            for file in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where file.hasSuffix(".sql") {
                let path = folder.appendingPathComponent(file).path
                guard let data = manager.contents(atPath: path) else {
                    throw SimulatorCatalogError("\(path): cannot read the file; check its permissions")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw SimulatorCatalogError("\(path): not valid UTF-8; save it as UTF-8")
                }
                objects[String(file.dropLast(4))] = text
            }
            databases[database] = objects
        }
        var state = SimulatorState()
        let statePath = root.appendingPathComponent("state.yaml").path
        if manager.fileExists(atPath: statePath) {
            guard let data = manager.contents(atPath: statePath), let text = String(data: data, encoding: .utf8) else {
                throw SimulatorCatalogError("\(statePath): cannot read the file as UTF-8 text")
            }
            state = try StateFileReader.read(text, file: statePath)
        }
        return SimulatorCatalog(databases: databases, state: state)
    }
}
