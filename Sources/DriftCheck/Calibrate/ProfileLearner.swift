import SchemaDiff
import SchemaModel

/// Turns what a probe set (the written properties) and what the server printed back into a `ServerProfile`:
/// a property printed but not written is filled in, one written but not printed is an unprinted default, one printed
/// with another value than written is a spelling. Both sides are compared in `Normalize.properties` form, so what
/// the offline normalizer already folds is not learned twice.
struct ProfileLearner {
    private(set) var profile: ServerProfile

    init(serverVersion: String, runMode: String, learnedAt: String) {
        profile = ServerProfile(serverVersion: serverVersion, runMode: runMode, learnedAt: learnedAt)
    }

    /// Learns from one probe of `kind` (a table of key `model`, or an MV) whose statement set `written` and whose
    /// SHOW CREATE printed `printed`. What the offline model already accepts (a known server default, a property the
    /// server is known to drop) is not learned: the profile only widens what the model does not know, and a
    /// known default keeps its key-model rules (`enable_persistent_index` only on PRIMARY KEY tables).
    mutating func learn(kind: ServerProfile.ObjectKind, model: KeyModel?, written: [String: String],
                        printed: [String: String]) {
        let written = Normalize.properties(written)
        let printed = Normalize.properties(printed)
        // The property registry's judgement: a value it already knows as the default is not learned again; a default
        // the cluster decides is learned, so the profile pins this cluster's value.
        let registryKind: PropertyObjectKind = kind == .materializedView ? .materializedView : .table
        for (key, value) in printed {
            if let set = written[key] {
                if set != value { profile.spellings[key, default: [:]][set] = value }
            } else if Normalize.isPropertyDefault(key, value: value, on: registryKind, model: model) != .isDefault {
                profile.filledIn[kind, default: [:]][key, default: []].insert(value)
            }
        }
        for (key, value) in written where printed[key] == nil {
            if Normalize.mayBeOmittedByServer(key, on: registryKind)
                || Normalize.isPropertyDefault(key, value: value, on: registryKind, model: model) == .isDefault {
                continue
            }
            profile.unprinted[kind, default: [:]][key, default: []].insert(value)
        }
    }

    /// One line per fact learned, for the report.
    static func summary(_ profile: ServerProfile) -> [String] {
        var lines: [String] = []
        for kind in ServerProfile.ObjectKind.allCases {
            let name = kind == .table ? "table" : "materialized view"
            for (key, values) in (profile.filledIn[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
                lines.append("\(name): fills in \(key) = \(values.sorted().map { "\"\($0)\"" }.joined(separator: " or "))")
            }
            for (key, values) in (profile.unprinted[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
                lines.append("\(name): does not print \(key) set to \(values.sorted().map { "\"\($0)\"" }.joined(separator: " or "))")
            }
        }
        for (key, spellings) in profile.spellings.sorted(by: { $0.key < $1.key }) {
            for (written, printed) in spellings.sorted(by: { $0.key < $1.key }) {
                lines.append("spells \(key) \"\(written)\" as \"\(printed)\"")
            }
        }
        return lines
    }
}
