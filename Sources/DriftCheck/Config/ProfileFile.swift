import Foundation
import SchemaDiff
import StarRocksDDL
import Yams

/// `environments/<name>.profile.yaml`: a `ServerProfile` on disk, written by `calibrate` and read with the
/// environment (meant to be committed). Strict like the environment files: unknown keys and wrong types are errors
/// naming file, line and key.
///
/// ```yaml
/// format_version: 1
/// server_version: "3.5.2"
/// run_mode: shared_nothing
/// learned_at: "2026-12-07T04:00:00Z"
/// filled_in:                         # per object kind: what the server shows where the DDL is silent
///   table: {file_bundling: "true"}
///   materialized_view: {}
/// unprinted_defaults:                # per object kind: values a probe set that the server did not print
///   table: {enable_load_profile: "false"}
/// spellings:                         # property: {as written: as printed}
///   enable_query_rewrite: {"false": "FALSE"}
/// ```
/// A property seen with several values lists them (`file_bundling: ["true", "false"]`).
public enum ProfileFile {
    /// The only `format_version` this release reads and writes.
    public static let formatVersion = 1

    /// Whether a file name in `environments/` is a profile rather than an environment.
    static func isProfile(_ fileName: String) -> Bool {
        fileName.hasSuffix(".profile.yaml") || fileName.hasSuffix(".profile.yml")
    }

    /// Where the profile of `environment` lives: next to its file, named after the environment.
    public static func path(for environment: EnvironmentConfig) -> String {
        let directory = (environment.file as NSString).deletingLastPathComponent
        return (directory as NSString).appendingPathComponent("\(environment.name).profile.yaml")
    }

    /// The profile at `path`, `nil` when there is none.
    static func load(path: String) throws -> ServerProfile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, message: "cannot read the server profile as UTF-8 text; run calibrate again")
        }
        return try parse(text, file: path)
    }

    /// Parses a profile's text.
    static func parse(_ text: String, file: String) throws -> ServerProfile {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigError(file: file, message: "invalid YAML in the server profile (\(error)); run calibrate again")
        }
        guard let root else { throw ConfigError(file: file, message: "the server profile is empty; run calibrate again") }
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, key: nil, allowed: ["format_version", "server_version", "run_mode", "learned_at",
                                                               "filled_in", "unprinted_defaults", "spellings"])
        func required(_ key: String) throws -> String {
            guard let node = top[key] else {
                throw reader.error(root, key: key, "missing required key '\(key)'; run calibrate again")
            }
            return try reader.string(node, key: key)
        }
        let version = try required("format_version")
        guard Int(version) == formatVersion else {
            throw reader.error(top["format_version"]!, key: "format_version",
                               "format_version \(version) is not \(formatVersion); run calibrate again with this release")
        }
        var profile = ServerProfile(serverVersion: try required("server_version"), runMode: try required("run_mode"),
                                    learnedAt: try required("learned_at"))
        profile.filledIn = try top["filled_in"].map { try perKind($0, key: "filled_in", reader) } ?? [:]
        profile.unprinted = try top["unprinted_defaults"].map { try perKind($0, key: "unprinted_defaults", reader) } ?? [:]
        if let node = top["spellings"] {
            guard case let .mapping(mapping) = node else { throw reader.error(node, key: "spellings", "expected a mapping") }
            for (keyNode, values) in mapping {
                let property = try reader.string(keyNode, key: "spellings")
                profile.spellings[property] = try reader.stringMap(values, key: "spellings.\(property)")
            }
        }
        return profile
    }

    private static func perKind(_ node: Node, key: String, _ reader: NodeReader) throws
        -> [ServerProfile.ObjectKind: [String: Set<String>]] {
        let kinds = try reader.mapping(node, key: key, allowed: Set(ServerProfile.ObjectKind.allCases.map(\.rawValue)))
        var out: [ServerProfile.ObjectKind: [String: Set<String>]] = [:]
        for (name, properties) in kinds {
            let kind = ServerProfile.ObjectKind(rawValue: name)!
            guard case let .mapping(mapping) = properties else {
                throw reader.error(properties, key: "\(key).\(name)", "expected a mapping of property to value")
            }
            var values: [String: Set<String>] = [:]
            for (propertyNode, value) in mapping {
                let property = try reader.string(propertyNode, key: "\(key).\(name)")
                let path = "\(key).\(name).\(property)"
                if case .sequence = value {
                    values[property] = Set(try reader.stringList(value, key: path))
                } else {
                    guard case let .scalar(scalar) = value else { throw reader.error(value, key: path, "expected a value") }
                    values[property] = [scalar.string]
                }
            }
            if !values.isEmpty { out[kind] = values }
        }
        return out
    }

    /// The file's text for `profile`, keys sorted, every value double-quoted.
    public static func render(_ profile: ServerProfile, environment: String) -> String {
        var lines = [
            "# Server profile of environment \(environment), written by `starrocks-drift calibrate --env \(environment)`.",
            "# Commit it: check, diff --env, plan and upgrade read it. Run calibrate again after a server upgrade.",
            "format_version: \(formatVersion)",
            "server_version: \(quoted(profile.serverVersion))",
            "run_mode: \(quoted(profile.runMode))",
            "learned_at: \(quoted(profile.learnedAt))",
        ]
        for (title, table) in [("filled_in", profile.filledIn), ("unprinted_defaults", profile.unprinted)] {
            lines.append("\(title):")
            for kind in ServerProfile.ObjectKind.allCases {
                let properties = table[kind] ?? [:]
                if properties.isEmpty {
                    lines.append("  \(kind.rawValue): {}")
                    continue
                }
                lines.append("  \(kind.rawValue):")
                for key in properties.keys.sorted() {
                    let values = properties[key]!.sorted()
                    let value = values.count == 1 ? quoted(values[0]) : "[" + values.map(quoted).joined(separator: ", ") + "]"
                    lines.append("    \(quoted(key)): \(value)")
                }
            }
        }
        if profile.spellings.isEmpty {
            lines.append("spellings: {}")
        } else {
            lines.append("spellings:")
            for key in profile.spellings.keys.sorted() {
                let pairs = profile.spellings[key]!.sorted { $0.key < $1.key }
                    .map { "\(quoted($0.key)): \(quoted($0.value))" }.joined(separator: ", ")
                lines.append("  \(quoted(key)): {\(pairs)}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar (the same escapes as a SQL double-quoted string: `\` and `"`).
    private static func quoted(_ value: String) -> String {
        SQLQuoting.doubleQuoted(value)
    }
}
