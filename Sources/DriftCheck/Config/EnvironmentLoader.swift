import Findings
import Foundation
import Yams

/// Reads `environments/*.yaml` strictly: unknown keys, wrong types and missing required keys are errors naming file,
/// line and key.
public enum EnvironmentLoader {
    /// Loads every `*.yaml` / `*.yml` file in `directory`, sorted by environment name.
    public static func loadAll(directory: String) throws -> [EnvironmentConfig] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigError(file: directory, message: "environments directory not found; create it with one <name>.yaml per environment or pass --environments DIR")
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory)
        } catch {
            throw ConfigError(file: directory, message: "cannot read the environments directory: \(error.localizedDescription)")
        }
        let files = names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !ProfileFile.isProfile($0) }.sorted()
        guard !files.isEmpty else {
            throw ConfigError(file: directory, message: "no environment files (*.yaml) in this directory")
        }
        var configs: [EnvironmentConfig] = []
        var seen: [String: String] = [:]
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let config = try load(file: path)
            if let other = seen[config.name] {
                throw ConfigError(file: path, key: "name", message: "environment '\(config.name)' is also defined in \(other); names must be unique")
            }
            seen[config.name] = path
            configs.append(config)
        }
        return configs.sorted { $0.name < $1.name }
    }

    /// Loads one environment file.
    public static func load(file: String) throws -> EnvironmentConfig {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError(file: file, message: "cannot read the file (missing or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: file, message: "the file is not valid UTF-8")
        }
        let defaultName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var config = try parse(yaml: text, file: file, defaultName: defaultName)
        config.profile = try ProfileFile.load(path: ProfileFile.path(for: config))
        return config
    }

    /// Parses one environment file's text.
    public static func parse(yaml text: String, file: String, defaultName: String) throws -> EnvironmentConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlSyntaxError(error, file: file)
        } catch {
            throw ConfigError(file: file, message: "invalid YAML: \(error)")
        }
        guard let root else { throw ConfigError(file: file, line: 1, column: 1, message: "the file is empty; it needs at least a 'connection:' with a 'url:'") }
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, key: nil, allowed: topLevelKeys)

        let name = try top["name"].map { try reader.string($0, key: "name") } ?? defaultName
        guard let connectionNode = top["connection"] else {
            throw ConfigError(file: file, line: root.mark?.line, column: root.mark?.column, key: "connection",
                              message: "missing required key 'connection' (with at least 'url: starrocks://user@host:9030/db')")
        }
        let connection = try readConnection(connectionNode, reader: reader)
        var databases = try top["databases"].map { try reader.stringList($0, key: "databases") } ?? []
        if databases.isEmpty {
            guard let db = databaseFromURL(connection.url) else {
                throw ConfigError(file: file, line: connectionNode.mark?.line, key: "databases",
                                  message: "no database to check: add 'databases: [name]' or put the database in the URL (starrocks://user@host:9030/db)")
            }
            databases = [db]
        }
        let variables = try top["variables"].map { try reader.stringMap($0, key: "variables") } ?? [:]
        let expect = try top["expect"].map { try readExpect($0, reader: reader) } ?? Expectations()
        let versionTable = try top["version_table"].map { try reader.string($0, key: "version_table") } ?? "alembic_version"
        let ignore = try top["ignore"].map { try readIgnore($0, reader: reader) } ?? IgnoreRules()
        let notify = try top["notify"].map { try readNotify($0, reader: reader) } ?? NotifySettings()
        let failOn = try top["fail_on"].map { node throws -> Severity in
            let value = try reader.string(node, key: "fail_on")
            guard let severity = Severity(rawValue: value), severity != .info else {
                throw reader.error(node, key: "fail_on", "must be 'error' or 'warning', not '\(value)'")
            }
            return severity
        } ?? .error
        let severity = try top["severity"].map { try readSeverity($0, reader: reader) } ?? SeverityPolicy()
        let upgrade = try top["upgrade"].map { try readUpgrade($0, reader: reader) }
        let calibrate = try top["calibrate"].map { try readCalibrate($0, reader: reader) }
        return EnvironmentConfig(name: name, file: file, connection: connection, databases: databases,
                                 variables: variables, expect: expect, versionTable: versionTable, ignore: ignore,
                                 notify: notify, failOn: failOn, severity: severity, upgrade: upgrade,
                                 calibrate: calibrate)
    }

    static let topLevelKeys: Set<String> = ["name", "connection", "databases", "variables", "expect", "version_table",
                                            "ignore", "notify", "fail_on", "severity", "upgrade", "calibrate"]

    /// `upgrade: {allowed, user, password_env, job_timeout_s, lock_timeout_s, reconnect_timeout_s}`; `user` is
    /// required, a password never stored here.
    private static func readUpgrade(_ node: Node, reader: NodeReader) throws -> UpgradeSettings {
        let map = try reader.mapping(node, key: "upgrade", allowed: ["allowed", "user", "password_env", "job_timeout_s",
                                                                           "lock_timeout_s", "reconnect_timeout_s"])
        let allowed = try map["allowed"].map { try reader.bool($0, key: "upgrade.allowed") } ?? false
        guard let userNode = map["user"] else {
            throw reader.error(node, key: "upgrade.user",
                               "missing required key 'user' (the user upgrade writes as, e.g. drift_writer)")
        }
        let user = try reader.string(userNode, key: "upgrade.user")
        let passwordEnv = try map["password_env"].map { try reader.string($0, key: "upgrade.password_env") }
        let timeout = try map["job_timeout_s"].map { try reader.positiveInt($0, key: "upgrade.job_timeout_s") }
            ?? UpgradeSettings.defaultJobTimeoutSeconds
        let lockTimeout = try map["lock_timeout_s"].map { try reader.positiveInt($0, key: "upgrade.lock_timeout_s") }
            ?? UpgradeSettings.defaultLockTimeoutSeconds
        let reconnect = try map["reconnect_timeout_s"]
            .map { try reader.positiveInt($0, key: "upgrade.reconnect_timeout_s") }
            ?? UpgradeSettings.defaultReconnectTimeoutSeconds
        return UpgradeSettings(allowed: allowed, user: user, passwordEnv: passwordEnv, jobTimeoutSeconds: timeout,
                               lockTimeoutSeconds: lockTimeout, reconnectTimeoutSeconds: reconnect)
    }

    /// `severity: {finding_kind: error | warning | info | ignore}`; an unknown kind or level names its line.
    private static func readSeverity(_ node: Node, reader: NodeReader) throws -> SeverityPolicy {
        guard case .mapping(let mapping) = node else {
            throw reader.error(node, key: "severity", "must be a mapping of finding kind to error, warning, info or ignore")
        }
        var levels: [FindingKind: SeverityPolicy.Level] = [:]
        for (keyNode, valueNode) in mapping {
            let name = try reader.string(keyNode, key: "severity")
            guard let kind = FindingKind(rawValue: name) else {
                let close = FindingKind.allCases.map(\.rawValue).filter { $0.hasPrefix(String(name.prefix(4))) }
                let hint = close.isEmpty ? "see the finding kinds in the README" : "did you mean \(close.joined(separator: ", "))?"
                throw reader.error(keyNode, key: "severity.\(name)", "unknown finding kind '\(name)'; \(hint)")
            }
            let value = try reader.string(valueNode, key: "severity.\(name)")
            guard let level = SeverityPolicy.Level(configValue: value) else {
                throw reader.error(valueNode, key: "severity.\(name)", "must be error, warning, info or ignore, not '\(value)'")
            }
            levels[kind] = level
        }
        return SeverityPolicy(levels)
    }

    private static func readConnection(_ node: Node, reader: NodeReader) throws -> ConnectionSettings {
        let map = try reader.mapping(node, key: "connection",
                                     allowed: ["url", "password_env", "connect_timeout_s", "read_timeout_s", "tls", "ca_file",
                                               "max_connections", "allow_cleartext_password"])
        guard let urlNode = map["url"] else {
            throw reader.error(node, key: "connection.url", "missing required key 'url' (starrocks://user@host:9030/db)")
        }
        let url = try reader.string(urlNode, key: "connection.url")
        if urlHasPassword(url) {
            throw reader.error(urlNode, key: "connection.url",
                               "the URL contains a password; remove it and name an environment variable in 'password_env' instead")
        }
        guard url.hasPrefix("starrocks://") || url.hasPrefix("mysql://") else {
            throw reader.error(urlNode, key: "connection.url", "expected a URL like starrocks://user@host:9030/db")
        }
        let passwordEnv = try map["password_env"].map { try reader.string($0, key: "connection.password_env") }
        let connectTimeout = try map["connect_timeout_s"].map { try reader.positiveInt($0, key: "connection.connect_timeout_s") } ?? 10
        let readTimeout = try map["read_timeout_s"].map { try reader.positiveInt($0, key: "connection.read_timeout_s") } ?? 60
        let tls = try map["tls"].map { try reader.string($0, key: "connection.tls") } ?? "preferred"
        let tlsModes = ["disabled", "preferred", "required", "verify_ca"]
        guard tlsModes.contains(tls) else {
            throw reader.error(map["tls"]!, key: "connection.tls", "must be one of \(tlsModes.joined(separator: ", ")), not '\(tls)'")
        }
        let caFile = try map["ca_file"].map { try reader.string($0, key: "connection.ca_file") }
        if tls == "verify_ca" && caFile == nil {
            throw reader.error(node, key: "connection.ca_file", "tls: verify_ca needs 'ca_file' (a PEM CA bundle)")
        }
        let maxConnections = try map["max_connections"].map { try reader.positiveInt($0, key: "connection.max_connections") }
            ?? ConnectionSettings.defaultMaxConnections
        if maxConnections > ConnectionSettings.starRocksDefaultUserConnectionLimit {
            throw reader.error(map["max_connections"]!, key: "connection.max_connections",
                               "must be at most \(ConnectionSettings.starRocksDefaultUserConnectionLimit) (StarRocks' default "
                                + "max_user_connections per user), not \(maxConnections); 8 to 16 is plenty")
        }
        let allowCleartext = try map["allow_cleartext_password"].map {
            try reader.bool($0, key: "connection.allow_cleartext_password")
        } ?? false
        if allowCleartext && tls != "required" && tls != "verify_ca" {
            throw reader.error(map["allow_cleartext_password"]!, key: "connection.allow_cleartext_password",
                               "mysql_clear_password sends the password as is; it is allowed only with tls: required or verify_ca, not '\(tls)'")
        }
        return ConnectionSettings(url: url, passwordEnv: passwordEnv, connectTimeoutSeconds: connectTimeout,
                                  readTimeoutSeconds: readTimeout, tls: tls, caFile: caFile, maxConnections: maxConnections,
                                  allowCleartextPassword: allowCleartext)
    }

    private static func readExpect(_ node: Node, reader: NodeReader) throws -> Expectations {
        let map = try reader.mapping(node, key: "expect", allowed: ["backends", "properties"])
        let backends = try map["backends"].map { try reader.positiveInt($0, key: "expect.backends") }
        let properties = try map["properties"].map { try reader.stringMap($0, key: "expect.properties") } ?? [:]
        return Expectations(backends: backends, properties: properties)
    }

    private static func readIgnore(_ node: Node, reader: NodeReader) throws -> IgnoreRules {
        let map = try reader.mapping(node, key: "ignore", allowed: ["objects", "properties"])
        return IgnoreRules(objects: try map["objects"].map { try reader.stringList($0, key: "ignore.objects") } ?? [],
                           properties: try map["properties"].map { try reader.stringList($0, key: "ignore.properties") } ?? [])
    }

    private static func readNotify(_ node: Node, reader: NodeReader) throws -> NotifySettings {
        let map = try reader.mapping(node, key: "notify", allowed: ["webhook_url_env", "style", "when", "previous", "webhook_url"])
        if let urlNode = map["webhook_url"] {
            throw reader.error(urlNode, key: "notify.webhook_url",
                               "a webhook URL is a secret and must not be stored in the file; put it in an environment variable and name it in 'webhook_url_env'")
        }
        let env = try map["webhook_url_env"].map { try reader.string($0, key: "notify.webhook_url_env") }
        let style = try map["style"].map { node throws -> NotifySettings.Style in
            let value = try reader.string(node, key: "notify.style")
            guard let style = NotifySettings.Style(rawValue: value) else {
                throw reader.error(node, key: "notify.style", "must be slack, teams or generic, not '\(value)'")
            }
            return style
        } ?? .slack
        let when = try map["when"].map { node throws -> NotifySettings.When in
            let value = try reader.string(node, key: "notify.when")
            guard let when = NotifySettings.When(rawValue: value) else {
                throw reader.error(node, key: "notify.when", "must be drift, changed, always or never, not '\(value)'")
            }
            return when
        } ?? .drift
        let previous = try map["previous"].map { try reader.string($0, key: "notify.previous") }
        return NotifySettings(webhookURLEnv: env, style: style, when: when, previous: previous)
    }

    /// `starrocks://user:secret@host` carries a password.
    static func urlHasPassword(_ url: String) -> Bool {
        guard let schemeEnd = url.range(of: "://") else { return false }
        let rest = url[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return false }
        return rest[..<at].contains(":")
    }

    /// The database part of `starrocks://user@host:port/[catalog.]db`.
    static func databaseFromURL(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        var path = String(rest[rest.index(after: slash)...])
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        guard !path.isEmpty else { return nil }
        return path.split(separator: ".").last.map(String.init)
    }

    private static func yamlSyntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, _):
            return ConfigError(file: file, message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return ConfigError(file: file, message: "invalid YAML: \(error)")
        }
    }
}
