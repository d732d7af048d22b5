import Yams

/// `calibrate:` — the opt-in for `calibrate` and the user it connects as. That user needs CREATE DATABASE and may
/// only ever touch the probe databases it creates (`<database_prefix>_<created>_<random>`); the checking user in
/// `connection:` never writes.
public struct CalibrateSettings: Hashable, Sendable {
    /// The user `calibrate` connects as.
    public var user: String
    /// Environment variable holding that user's password; `nil` for a password-less user.
    public var passwordEnv: String?
    /// The start of every probe database's name.
    public var databasePrefix: String

    /// The prefix when `database_prefix` is not set.
    public static let defaultDatabasePrefix = "_starrocks_drift_probe"

    /// Creates a value from its parts.
    public init(user: String, passwordEnv: String? = nil, databasePrefix: String = CalibrateSettings.defaultDatabasePrefix) {
        self.user = user
        self.passwordEnv = passwordEnv
        self.databasePrefix = databasePrefix
    }

    /// Whether `prefix` can start a StarRocks database name with room for the suffix: StarRocks' `FeNameFormat`
    /// (fe-core, 3.x) accepts `[A-Za-z]\w*` or `_[A-Za-z0-9]\w*`, at most 256 characters.
    static func isValidPrefix(_ prefix: String) -> Bool {
        let scalars = Array(prefix.unicodeScalars)
        guard let first = scalars.first, prefix.count <= 200, scalars.allSatisfy(isWord) else { return false }
        if first == "_" { return scalars.count > 1 && scalars[1] != "_" }
        return first.properties.isAlphabetic
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}

extension EnvironmentLoader {
    /// `calibrate: {user, password_env, database_prefix}`; `user` is required, a password never stored here.
    static func readCalibrate(_ node: Node, reader: NodeReader) throws -> CalibrateSettings {
        let map = try reader.mapping(node, key: "calibrate", allowed: ["user", "password_env", "database_prefix"])
        guard let userNode = map["user"] else {
            throw reader.error(node, key: "calibrate.user",
                               "missing required key 'user' (the user calibrate creates its probe database as, e.g. drift_probe)")
        }
        let user = try reader.string(userNode, key: "calibrate.user")
        let passwordEnv = try map["password_env"].map { try reader.string($0, key: "calibrate.password_env") }
        var prefix = CalibrateSettings.defaultDatabasePrefix
        if let prefixNode = map["database_prefix"] {
            prefix = try reader.string(prefixNode, key: "calibrate.database_prefix")
            guard CalibrateSettings.isValidPrefix(prefix) else {
                throw reader.error(prefixNode, key: "calibrate.database_prefix",
                                   "'\(prefix)' cannot start a StarRocks database name; use letters, digits and _ "
                                    + "(starting with a letter, or _ and a letter or digit), e.g. _starrocks_drift_probe")
            }
        }
        return CalibrateSettings(user: user, passwordEnv: passwordEnv, databasePrefix: prefix)
    }
}
