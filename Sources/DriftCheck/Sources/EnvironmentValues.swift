import Findings
import SchemaModel

/// Folding each environment's own values when two live schemas are compared (`diff --expected env:A --actual env:B`).
///
/// Environments differ on purpose where their configuration says so: dev runs one backend and keeps
/// `replication_num` 1, prod keeps 3. A migration writes `"replication_num" = "${replication_num}"` and each
/// environment fills it from its `variables`; `expect.properties` pins what the server must show where the migrations
/// are silent. Comparing dev's server with prod's server directly would report every such property, so before the
/// comparison a property whose value is the environment's own value for it is written back as the placeholder
/// `${key}` on that side. Equal placeholders on both sides are no difference; a value that is not the environment's
/// own (prod's `users` left at 1 while prod's variable says 3) stays as it is and is reported.
enum EnvironmentValues {
    /// `catalog` (read from `environment`) with each table and MV property that holds the environment's own value
    /// replaced by `${key}`. `placeholderKeys` maps a property key to the variable the migrations use for it
    /// (`replication_num` → `replication_num`); a variable named like the property key counts without it.
    static func fold(_ catalog: Catalog, environment: EnvironmentConfig,
                     placeholderKeys: [String: String] = [:]) -> Catalog {
        let values = ownValues(environment, placeholderKeys: placeholderKeys)
        guard !values.isEmpty else { return catalog }
        var copy = catalog
        for (databaseName, database) in catalog.databases {
            for (name, table) in database.tables {
                copy.databases[databaseName]?.tables[name]?.properties = folded(table.properties, values)
            }
            for (name, view) in database.materializedViews {
                copy.databases[databaseName]?.materializedViews[name]?.properties = folded(view.properties, values)
            }
        }
        return copy
    }

    /// Property key (lower-case) → the environment's own value for it: from `variables` (through the migrations'
    /// placeholder or a variable of the same name), then `expect.properties`.
    static func ownValues(_ environment: EnvironmentConfig, placeholderKeys: [String: String]) -> [String: Set<String>] {
        var values: [String: Set<String>] = [:]
        for (name, value) in environment.variables {
            values[name.lowercased(), default: []].insert(value)
        }
        for (key, variable) in placeholderKeys {
            if let value = environment.variables[variable] { values[key.lowercased(), default: []].insert(value) }
        }
        for (key, value) in environment.expect.properties {
            values[key.lowercased(), default: []].insert(value)
        }
        return values
    }

    /// `findings` with each folded placeholder in their fix SQL replaced by `environment`'s own value, so the fix runs
    /// as it is on the actual side (`SET ("replication_num" = "${replication_num}")` becomes `... = "3"` for prod).
    static func unfoldFixes(_ findings: [Finding], for environment: EnvironmentConfig) -> [Finding] {
        var values: [String: String] = [:]
        for (key, value) in environment.expect.properties { values[key.lowercased()] = value }
        for (name, value) in environment.variables { values[name.lowercased()] = value }
        return findings.map { finding in
            guard var fix = finding.fixSQL, fix.contains("${") else { return finding }
            for (key, value) in values { fix = fix.replacingOccurrences(of: placeholder(key), with: value) }
            var copy = finding
            copy.fixSQL = fix
            return copy
        }
    }

    /// The placeholder a folded value becomes.
    static func placeholder(_ key: String) -> String { "${\(key.lowercased())}" }

    private static func folded(_ properties: [String: String], _ values: [String: Set<String>]) -> [String: String] {
        var out = properties
        for (key, value) in properties where values[key.lowercased()]?.contains(value) == true {
            out[key] = placeholder(key)
        }
        return out
    }
}
