import Findings
import Foundation

/// What `check` was asked to do.
public struct CheckRequest: Sendable {
    public var environmentsDirectory: String
    public var migrationsPath: String
    /// Environments to check; empty = all.
    public var environmentNames: [String]
    public var outputDirectory: String
    /// `false` with `--no-notify`.
    public var notify: Bool
    /// Overrides each environment's `fail_on`.
    public var failOn: Severity?
    public var policy: OperationsPolicy
    public var progress: Progress
    /// List skipped no-schema-effect statements on the progress stream.
    public var verbose: Bool
    /// `--previous`: the previous run's `drift-report.json` (or a directory holding one), for new / open / resolved
    /// findings; overrides every environment's `notify.previous`.
    public var previousPath: String?
    /// `--models MODULE:ATTR`: also compare these SQLAlchemy models with the head (offline); without `--env` no
    /// environment is checked.
    public var models: ModelsReference?
    /// `--python`: the interpreter that runs the models provider.
    public var python: String
    /// The process environment `check` reads its secrets and CI settings from (each environment's `password_env` and
    /// `notify.webhook_url_env`, `GITHUB_ACTIONS`, `GITHUB_STEP_SUMMARY`, the CI run URL); the executable passes its
    /// own, tests and the demo pass exactly what they mean. Nothing in `check` reads the process environment itself.
    public var variables: [String: String]

    public init(environmentsDirectory: String = "environments", migrationsPath: String = "migrations",
                environmentNames: [String] = [], outputDirectory: String = "drift-report", notify: Bool = true,
                failOn: Severity? = nil, policy: OperationsPolicy = OperationsPolicy(), progress: Progress = .silent,
                verbose: Bool = false, previousPath: String? = nil, models: ModelsReference? = nil,
                python: String = "python3", variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.environmentsDirectory = environmentsDirectory
        self.migrationsPath = migrationsPath
        self.environmentNames = environmentNames
        self.outputDirectory = outputDirectory
        self.notify = notify
        self.failOn = failOn
        self.policy = policy
        self.progress = progress
        self.verbose = verbose
        self.previousPath = previousPath
        self.models = models
        self.python = python
        self.variables = variables
    }
}
