import Findings
import SchemaDiff

/// One environment's configuration, from `environments/<name>.yaml` (README "Environment files").
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
    /// `upgrade:` — whether and as whom `upgrade` may write; `nil` (absent) means `upgrade` refuses the environment.
    public var upgrade: UpgradeSettings?
    /// `calibrate:` — as whom and where `calibrate` may create its probe database; `nil` means `calibrate` refuses.
    public var calibrate: CalibrateSettings?
    /// `<name>.profile.yaml` next to the environment file (written by `calibrate`), when present.
    public var profile: ServerProfile?

    public init(name: String, file: String, connection: ConnectionSettings, databases: [String],
                variables: [String: String] = [:], expect: Expectations = Expectations(),
                versionTable: String = "alembic_version", ignore: IgnoreRules = IgnoreRules(),
                notify: NotifySettings = NotifySettings(), failOn: Severity = .error,
                severity: SeverityPolicy = SeverityPolicy(), upgrade: UpgradeSettings? = nil,
                calibrate: CalibrateSettings? = nil, profile: ServerProfile? = nil) {
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
        self.upgrade = upgrade
        self.calibrate = calibrate
        self.profile = profile
    }
}

/// `upgrade:` — the opt-in for `upgrade` and the writer it connects as. The checking user in `connection:` is never
/// used for writes.
public struct UpgradeSettings: Hashable, Sendable {
    /// `allowed: true` lets `upgrade` apply revisions here; anything else refuses.
    public var allowed: Bool
    /// The user with CREATE/ALTER/DROP on the databases and write access to the version table.
    public var user: String
    /// Environment variable holding the writer's password; `nil` for a password-less user.
    public var passwordEnv: String?
    /// Seconds to wait for one schema-change job before giving up.
    public var jobTimeoutSeconds: Int
    /// `lock_timeout_s`: a lock held longer than this is taken over (with a warning) — its holder is presumed dead.
    public var lockTimeoutSeconds: Int
    /// `reconnect_timeout_s`: how long a lost connection is retried (with growing pauses) before the run stops.
    public var reconnectTimeoutSeconds: Int

    /// StarRocks' own default job timeout (`Timeout` 86400 in SHOW ALTER TABLE is the FE's limit; an hour is ours).
    public static let defaultJobTimeoutSeconds = 3600
    /// Two hours: longer than any upgrade should take.
    public static let defaultLockTimeoutSeconds = 7200
    /// Long enough for an FE restart or a leader change.
    public static let defaultReconnectTimeoutSeconds = 120

    /// Creates a value from its parts.
    public init(allowed: Bool, user: String, passwordEnv: String? = nil,
                jobTimeoutSeconds: Int = UpgradeSettings.defaultJobTimeoutSeconds,
                lockTimeoutSeconds: Int = UpgradeSettings.defaultLockTimeoutSeconds,
                reconnectTimeoutSeconds: Int = UpgradeSettings.defaultReconnectTimeoutSeconds) {
        self.allowed = allowed
        self.user = user
        self.passwordEnv = passwordEnv
        self.jobTimeoutSeconds = jobTimeoutSeconds
        self.lockTimeoutSeconds = lockTimeoutSeconds
        self.reconnectTimeoutSeconds = reconnectTimeoutSeconds
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
    /// Connections the live reader opens to this environment at most (`connection.max_connections`); statements in
    /// flight never exceed it. StarRocks limits connections per user (`max_user_connections`, default 100).
    public var maxConnections: Int
    /// `allow_cleartext_password`: lets a server that asks for `mysql_clear_password` (e.g. LDAP users) have the
    /// password over the encrypted session; only with `tls: required` or `verify_ca`.
    public var allowCleartextPassword: Bool

    /// Connections per environment when `connection.max_connections` is not set.
    public static let defaultMaxConnections = 8
    /// StarRocks' default per-user connection limit (`max_user_connections` user property); a larger
    /// `max_connections` could never be opened by a default user.
    public static let starRocksDefaultUserConnectionLimit = 100

    public init(url: String, passwordEnv: String? = nil, connectTimeoutSeconds: Int = 10, readTimeoutSeconds: Int = 60,
                tls: String = "preferred", caFile: String? = nil,
                maxConnections: Int = ConnectionSettings.defaultMaxConnections, allowCleartextPassword: Bool = false) {
        self.allowCleartextPassword = allowCleartextPassword
        self.url = url
        self.maxConnections = maxConnections
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
    public enum When: String, Hashable, Sendable, CaseIterable {
        /// Whenever the environment is not clean (drift, unreachable, error).
        case drift
        /// Only when a finding is new or resolved, or the status changed, since the previous report (`--previous` or
        /// `notify.previous`); without a previous report, as `drift`.
        case changed
        /// Every run.
        case always
        /// Never.
        case never
    }
    /// Payload shape.
    public enum Style: String, Hashable, Sendable, CaseIterable { case slack, teams, generic }

    /// Environment variable holding the webhook URL (a secret too); `nil` disables notification.
    public var webhookURLEnv: String?
    public var style: Style
    public var when: When
    /// Where this environment's previous `drift-report.json` (or a directory holding one) is kept, for teams that keep
    /// it elsewhere than the job's `--previous`; `--previous` wins. Relative to the working directory.
    public var previous: String?

    public init(webhookURLEnv: String? = nil, style: Style = .slack, when: When = .drift, previous: String? = nil) {
        self.webhookURLEnv = webhookURLEnv
        self.style = style
        self.when = when
        self.previous = previous
    }
}
