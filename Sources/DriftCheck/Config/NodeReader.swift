import Yams

/// Typed, position-aware reads of YAML nodes; every failure is a `ConfigError` with file, line, column and key.
struct NodeReader {
    let file: String

    func error(_ node: Node, key: String?, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, column: node.mark?.column, key: key, message: message)
    }

    /// A mapping whose keys must all be in `allowed`.
    func mapping(_ node: Node, key: String?, allowed: Set<String>) throws -> [String: Node] {
        guard case let .mapping(mapping) = node else {
            throw error(node, key: key, "expected a mapping (key: value lines)")
        }
        var result: [String: Node] = [:]
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key: key, "keys must be strings") }
            let path = key.map { "\($0).\(name)" } ?? name
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw error(k, key: path, "unknown key '\(name)'; known keys here: \(known)")
            }
            result[name] = v
        }
        return result
    }

    func string(_ node: Node, key: String) throws -> String {
        guard case let .scalar(scalar) = node else { throw error(node, key: key, "expected a string") }
        if scalar.style == .plain && (scalar.string == "~" || scalar.string == "null" || scalar.string.isEmpty) {
            throw error(node, key: key, "expected a string, found null")
        }
        return scalar.string
    }

    func positiveInt(_ node: Node, key: String) throws -> Int {
        guard case let .scalar(scalar) = node, scalar.style == .plain, let value = Int(scalar.string), value > 0 else {
            throw error(node, key: key, "expected a positive whole number")
        }
        return value
    }

    func bool(_ node: Node, key: String) throws -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain,
              let value = ["true": true, "false": false][scalar.string.lowercased()] else {
            throw error(node, key: key, "expected true or false")
        }
        return value
    }

    func stringList(_ node: Node, key: String) throws -> [String] {
        guard case let .sequence(sequence) = node else { throw error(node, key: key, "expected a list, e.g. [a, b]") }
        var result: [String] = []
        for item in sequence { result.append(try string(item, key: key)) }
        return result
    }

    /// A mapping of string to scalar; numbers and booleans are kept as written (`3` → "3").
    func stringMap(_ node: Node, key: String) throws -> [String: String] {
        guard case let .mapping(mapping) = node else { throw error(node, key: key, "expected a mapping (name: value)") }
        var result: [String: String] = [:]
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key: key, "keys must be strings") }
            guard case let .scalar(scalar) = v else {
                throw error(v, key: "\(key).\(name)", "expected a single value (quote it: \"3\")")
            }
            result[name] = scalar.string
        }
        return result
    }
}
