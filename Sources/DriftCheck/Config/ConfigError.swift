/// A problem with an environment file or the environments directory. Always names the file, and the line, column
/// and key where there is one.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Dotted key path, e.g. `connection.password_env`.
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let keyPart = key.map { " (key '\($0)')" } ?? ""
        return "\(location): error\(keyPart): \(message)"
    }
}
