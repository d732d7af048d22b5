import SchemaModel

/// Writes property values the way the plan's reader needs them: replicas capped at the environment's backends,
/// `${placeholders}` where the migrations wrote one, and (in author style) no server-added defaults.
struct PropertyWriter {
    let options: PlanOptions

    /// The properties to print for an object, plus sentences about what was changed.
    func write(_ properties: [String: String], object: String, isMaterializedView: Bool, model: KeyModel?)
        -> (properties: [String: String], notes: [String]) {
        var out: [String: String] = [:]
        var notes: [String] = []
        for (key, value) in properties {
            let folded = key.lowercased()
            var written = capped(folded, value, object: object, notes: &notes)
            if let placeholder = placeholder(folded, written) {
                written = placeholder
            } else if options.authorStyle,
                      Normalize.isPropertyDefault(folded, value: value, on: isMaterializedView ? .materializedView : .table,
                                                  model: model) == .isDefault {
                continue
            }
            out[key] = written
        }
        return (out, notes)
    }

    /// One value for `ALTER ... SET ("key" = "value")`.
    func value(_ key: String, _ value: String, object: String, notes: inout [String]) -> String {
        let written = capped(key.lowercased(), value, object: object, notes: &notes)
        return placeholder(key.lowercased(), written) ?? written
    }

    /// `replication_num` lowered to the environment's backends, saying so.
    private func capped(_ key: String, _ value: String, object: String, notes: inout [String]) -> String {
        guard key.hasSuffix("replication_num"), let max = options.maxReplicas, let wanted = Int(value), wanted > max
        else { return value }
        notes.append("\(object): the migrations ask for \(key) \(wanted) but the environment expects only \(max) "
            + "backend(s); written as \(max) (StarRocks rejects more replicas than alive backends)")
        return String(max)
    }

    /// `${name}` when the migrations wrote a placeholder for `key` and `value` is the environment's value for it.
    private func placeholder(_ key: String, _ value: String) -> String? {
        guard let name = options.placeholderKeys[key], let bound = options.placeholders[name], bound == value else {
            return nil
        }
        return "${\(name)}"
    }
}
