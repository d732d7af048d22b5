/// Where one side of a comparison comes from (`diff --expected SOURCE --actual SOURCE`).
///
/// - `env:NAME`: that environment's live schema, read-only.
/// - `models:MODULE:ATTR`: SQLAlchemy models (a `MetaData` or a declarative base), compiled by the `starrocks` dialect.
/// - anything else: a path, a migrations directory (replayed to its head) or a `.sql` file.
public enum SchemaSource: Hashable, Sendable, CustomStringConvertible {
    /// A migrations directory or a `.sql` file.
    case path(String)
    /// The named environment's live schema.
    case environment(String)
    /// SQLAlchemy models: `MODULE:ATTR`.
    case models(ModelsReference)

    /// Parses `env:NAME`, `models:MODULE:ATTR` or a path; `side` (`--expected`) names the option in errors.
    public init(parsing text: String, side: String) throws {
        if text.hasPrefix("env:") {
            let name = String(text.dropFirst(4))
            guard !name.isEmpty else {
                throw DriftCheckError.usage("\(side) env: needs an environment name, e.g. \(side) env:prod")
            }
            self = .environment(name)
        } else if text.hasPrefix("models:") {
            guard let reference = try? ModelsReference(parsing: String(text.dropFirst(7)), option: side) else {
                throw DriftCheckError.usage("\(side) \(text): expected MODULE:ATTR after models:, e.g. \(side) models:app.models:Base "
                    + "(a MetaData or a declarative base)")
            }
            self = .models(reference)
        } else {
            self = .path(text)
        }
    }

    /// The source as the user wrote it.
    public var description: String {
        switch self {
        case .path(let path): return path
        case .environment(let name): return "env:\(name)"
        case .models(let reference): return "models:\(reference)"
        }
    }

    /// The environment name of an `env:` source.
    public var environmentName: String? {
        if case .environment(let name) = self { return name }
        return nil
    }
}

/// `MODULE:ATTR`: an importable Python module and the attribute holding a `MetaData` or a declarative base.
public struct ModelsReference: Hashable, Sendable, CustomStringConvertible {
    /// The dotted module path (`app.models`).
    public var module: String
    /// The attribute of the module (`Base`, `metadata`); dotted paths are allowed.
    public var attribute: String

    /// Parses `MODULE:ATTR`; `option` names the option in errors.
    public init(parsing text: String, option: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let identifier = #"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"#
        guard parts.count == 2,
              parts[0].range(of: identifier, options: .regularExpression) != nil,
              parts[1].range(of: identifier, options: .regularExpression) != nil else {
            throw DriftCheckError.usage("\(option) \(text): expected MODULE:ATTR, e.g. app.models:Base (a MetaData or a declarative base)")
        }
        module = parts[0]
        attribute = parts[1]
    }

    public var description: String { "\(module):\(attribute)" }
}
