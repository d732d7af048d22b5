import SchemaDiff

/// One environment's configuration, from `environments/<name>.yaml` (CONTRACT.md "Environment files").
public struct EnvironmentConfig: Hashable, Sendable {
    /// The environment's name (`name:` or the file name without `.yaml`).
    public var name: String
    /// The file it was read from, for error messages.
    public var file: String
    public var connection: ConnectionSettings
    /// Databases to check; defaults to the URL's database. The first one receives unqualified migration objects.
    public var databases: [String]
    /// Values for `${name}` placeholders in migrations.
    public var variables: [String: String]
    public var expect: Expectations
    /// The table that records the applied revision (Alembic-compatible), in the first database unless qualified.
    public var versionTable: String
    public var ignore: IgnoreRules
    public var notify: NotifySettings
    /// The lowest severity that makes the check fail.
    public var failOn: Severity
    /// `severity:` — per finding kind, a severity replacing the default, or `ignore`.
    public var severity: SeverityPolicy

    public init(name: String, file: String, connection: ConnectionSettings, databases: [String],
                variables: [String: String] = [:], expect: Expectations = Expectations(),
                versionTable: String = "alembic_version", ignore: IgnoreRules = IgnoreRules(),
                notify: NotifySettings = NotifySettings(), failOn: Severity = .error,
                severity: SeverityPolicy = SeverityPolicy()) {
        self.name = name
        self.file = file
        self.connection = connection
        self.databases = databases
        self.variables = variables
        self.expect = expect
        self.versionTable = versionTable
        self.ignore = ignore
        self.notify = notify
        self.failOn = failOn
        self.severity = severity
    }
}

/// `connection:` — where and how to connect. The password is never here: only the name of the variable holding it.
public struct ConnectionSettings: Hashable, Sendable {
    /// `starrocks://user@host:port/[catalog.]db`; never contains a password.
    public var url: String
    /// Environment variable holding the password; `nil` for a password-less user.
    public var passwordEnv: String?
    public var connectTimeoutSeconds: Int
    public var readTimeoutSeconds: Int
    /// `disabled`, `preferred`, `required` or `verify_ca`.
    public var tls: String
    /// CA bundle for `verify_ca`.
    public var caFile: String?
    /// `allow_cleartext_password`: lets a server that asks for `mysql_clear_password` (e.g. LDAP users) have the
    /// password over the encrypted session; only with `tls: required` or `verify_ca`.
    public var allowCleartextPassword: Bool

    public init(url: String, passwordEnv: String? = nil, connectTimeoutSeconds: Int = 10, readTimeoutSeconds: Int = 60,
                tls: String = "preferred", caFile: String? = nil, allowCleartextPassword: Bool = false) {
        self.allowCleartextPassword = allowCleartextPassword
        self.url = url
        self.passwordEnv = passwordEnv
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.readTimeoutSeconds = readTimeoutSeconds
        self.tls = tls
        self.caFile = caFile
    }
}

/// `expect:` — what the server must show where the migrations are silent.
public struct Expectations: Hashable, Sendable {
    /// Alive backends expected; fewer is a finding.
    public var backends: Int?
    /// Properties every table must show when the migrations do not set them (e.g. `replication_num`).
    public var properties: [String: String]

    public init(backends: Int? = nil, properties: [String: String] = [:]) {
        self.backends = backends
        self.properties = properties
    }
}

/// `ignore:` — objects and properties never compared.
public struct IgnoreRules: Hashable, Sendable {
    /// Globs on `[db.]name`.
    public var objects: [String]
    /// Property names never compared.
    public var properties: [String]

    public init(objects: [String] = [], properties: [String] = []) {
        self.objects = objects
        self.properties = properties
    }
}

/// `notify:` — the chat webhook.
public struct NotifySettings: Hashable, Sendable {
    /// When to post.
    public enum When: String, Hashable, Sendable, CaseIterable { case drift, always, never }
    /// Payload shape.
    public enum Style: String, Hashable, Sendable, CaseIterable { case slack, teams, generic }

    /// Environment variable holding the webhook URL (a secret too); `nil` disables notification.
    public var webhookURLEnv: String?
    public var style: Style
    public var when: When

    public init(webhookURLEnv: String? = nil, style: Style = .slack, when: When = .drift) {
        self.webhookURLEnv = webhookURLEnv
        self.style = style
        self.when = when
    }
}
