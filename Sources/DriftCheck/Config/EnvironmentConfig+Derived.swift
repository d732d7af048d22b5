import Foundation
import SchemaModel
import StarRocksClient

/// What every subcommand derives from an environment the same way: its default database, the qualified version
/// table, and the password read from the variable the file names.
extension EnvironmentConfig {
    /// The database unqualified migration objects (and an unqualified version table) belong to.
    public var defaultDatabase: String { databases.first ?? SchemaRunner.defaultDatabase }

    /// `version_table` as `db.table` (`db.` defaults to `defaultDatabase`).
    public var versionTableName: ObjectName {
        let parts = versionTable.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? ObjectName(database: parts[0], name: parts[1])
            : ObjectName(database: defaultDatabase, name: versionTable)
    }

    /// The password from the variable `connection.password_env` names (`nil` for a password-less user); an unset
    /// variable is an error that names the variable, the file and the environment, never a value, and so is a
    /// password shorter than `Secret.minimumLength` (it could not be scrubbed from messages). The value stays in a
    /// `Secret` from here to the libmariadb call.
    public func password(from variables: [String: String] = ProcessInfo.processInfo.environment) throws -> Secret? {
        try secret(variable: connection.passwordEnv, key: "connection.password_env", user: "the drift user",
                   from: variables)
    }

    /// The secret in `variable` (`nil` when no variable is named), read the same way for every user the file names
    /// (`connection.password_env`, `upgrade.password_env`): unset or too short is an error naming `key`, the file and
    /// the environment, never the value.
    func secret(variable: String?, key: String, user: String,
                from variables: [String: String]) throws -> Secret? {
        guard let variable else { return nil }
        guard let value = variables[variable] else {
            throw DriftCheckError.secretNotSet(environment: name, variable: variable, key: key, file: file, user: user)
        }
        let secret = Secret(value)
        if secret.isTooShort {
            throw DriftCheckError.secretTooShort(environment: name, variable: variable, key: key, file: file, user: user)
        }
        return secret
    }

    /// The environment as another user of the same server sees it (`upgrade.user`, `calibrate.user`): that user in
    /// the URL, `passwordEnv` for the password.
    func connecting(as user: String, passwordEnv: String?) -> EnvironmentConfig {
        var copy = self
        copy.connection.passwordEnv = passwordEnv
        let url = connection.url
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            let hostStart = rest.lastIndex(of: "@").map { rest.index(after: $0) } ?? rest.startIndex
            let escaped = user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user
            copy.connection.url = String(url[..<scheme.upperBound]) + escaped + "@" + rest[hostStart...]
        }
        return copy
    }
}
