import DriftReport
import Foundation
import MigrationHistory

/// What `check` produced.
public struct CheckResult: Sendable {
    public var document: DriftReportDocument
    public var outcome: Outcome
    /// Paths of the written reports.
    public var reportPaths: [String]
    /// Webhook delivery problems (the reports were written first, so nothing is lost).
    public var notifyErrors: [String]
    /// GitHub workflow annotations (`::error file=environments/prod.yaml,line=1::...`) for the findings and the
    /// environments that could not be checked, anchored at each environment's file; empty unless
    /// `GITHUB_ACTIONS=true`.
    public var annotations: [String] = []
}

/// The nightly job: every selected environment, concurrently and independently, against the head revision.
public struct CheckRunner: Sendable {
    public var reader: any ActualStateReading
    public var notifier: any Notifying

    public init(reader: any ActualStateReading = LiveStateReader(), notifier: any Notifying = WebhookDispatcher()) {
        self.reader = reader
        self.notifier = notifier
    }

    /// Runs the check. Throws (exit 2) only for problems that stop every environment: configs, history, usage.
    public func run(_ request: CheckRequest) async throws -> CheckResult {
        // `check --models` alone is the offline merge gate: environments only when named with --env.
        let environments = request.models != nil && request.environmentNames.isEmpty
            ? [] : try Self.selectEnvironments(request)
        let history: MigrationHistory
        history = try MigrationHistory.load(path: request.migrationsPath)
        if let models = request.models, environments.isEmpty {
            request.progress("checking the models \(models) against head \(history.head) (offline: no environment named with --env)")
        } else {
            request.progress("checking \(environments.count) environment(s) against head \(history.head)")
        }
        if request.verbose {
            SkippedStatements.atHead(history, environment: environments.first).forEach { request.progress($0) }
        }
        let checker = EnvironmentChecker(history: history, reader: reader, policy: request.policy,
                                         failOnOverride: request.failOn, progress: request.progress,
                                         variables: request.variables)
        let results = await withTaskGroup(of: (Int, EnvironmentResult).self) { group in
            for (index, environment) in environments.enumerated() {
                group.addTask { (index, await checker.check(environment)) }
            }
            var collected: [(Int, EnvironmentResult)] = []
            for await item in group { collected.append(item) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let redactor = Self.redactor(for: environments, variables: request.variables)
        let models = request.models.map { reference in
            let result = ModelsCheck.run(reference, provider: ModelsProvider(python: request.python, redactor: redactor),
                                         history: history,
                                         migrationsPath: request.migrationsPath, failOn: request.failOn ?? .error)
            request.progress(result.error.map { "models \(reference): error — \($0)" }
                ?? "models \(reference): \(result.status.rawValue) — \(result.findings.count) change(s) without a revision, \(result.objectsCompared) object(s)")
            return result
        }
        var document = DriftReportDocument(generatedAt: Self.timestamp(request.policy.now), headRevision: history.head,
                                           environments: results, models: models)
        // Read every previous report before writing: `--previous` may point at the output directory itself.
        document = RunMemory(previousPath: request.previousPath).apply(to: document, environments: environments)
        for warning in document.previousReports.flatMap(\.warnings) { request.progress("warning: \(warning)") }
        if let changes = RunChanges(document) { request.progress("since the previous run: \(changes.headline)") }
        let writer = ReportWriter(directory: request.outputDirectory, failOn: request.failOn ?? .error)
        let paths = try writer.write(document, redactor: redactor)
        request.progress("reports written to \(request.outputDirectory)/")

        // The reports are on disk before posting, so a failed post loses nothing; a failure is then recorded in them.
        var notifyErrors: [String] = []
        if request.notify {
            notifyErrors = await notifier.notify(document, environments: environments, redactor: redactor,
                                                 variables: request.variables, progress: request.progress)
            if !notifyErrors.isEmpty {
                document.notificationErrors = notifyErrors
                try writer.write(document, redactor: redactor)
            }
        }
        try writer.appendStepSummary(document, redactor: redactor, variables: request.variables)
        var result = CheckResult(document: document, outcome: Self.outcome(of: results, models: models), reportPaths: paths,
                                 notifyErrors: notifyErrors)
        if LintRendering.annotationsWanted(request.variables) {
            result.annotations = Self.annotations(document, environments: environments, redactor: redactor)
        }
        return result
    }

    /// One annotation per finding of warning or error severity and per environment that could not be checked.
    static func annotations(_ document: DriftReportDocument, environments: [EnvironmentConfig],
                            redactor: Redactor) -> [String] {
        let base = FileManager.default.currentDirectoryPath
        var lines: [String] = []
        for result in document.environments {
            let file = environments.first { $0.name == result.name }
                .map { LintRendering.relativePath($0.file, to: base) }
            if let error = result.error, result.status == .unreachable || result.status == .error {
                lines.append(LintRendering.annotation(severity: .error, file: file, line: file == nil ? nil : 1,
                                                      column: nil, title: "starrocks-drift: \(result.name) \(result.status.rawValue)",
                                                      message: redactor.scrub(error)))
            }
            for finding in result.findings where finding.severity >= .warning {
                lines.append(LintRendering.annotation(severity: finding.severity, file: file, line: file == nil ? nil : 1,
                                                      column: nil, title: "starrocks-drift: \(result.name) \(finding.kind.rawValue)",
                                                      message: redactor.scrub("\(finding.object): \(finding.message)")))
            }
        }
        if let models = document.models {
            if let error = models.error {
                lines.append(LintRendering.annotation(severity: .error, file: nil, line: nil, column: nil,
                                                      title: "starrocks-drift: models \(models.source)",
                                                      message: redactor.scrub(error)))
            }
            for finding in models.findings where finding.severity >= .warning {
                lines.append(LintRendering.annotation(severity: finding.severity, file: nil, line: nil, column: nil,
                                                      title: "starrocks-drift: models \(finding.kind.rawValue)",
                                                      message: redactor.scrub("\(finding.object): \(finding.message)")))
            }
        }
        return lines
    }

    /// Clean (0) unless an environment (or the models) drifted (1) or could not be checked (2, which wins).
    static func outcome(of results: [EnvironmentResult], models: ModelsResult? = nil) -> Outcome {
        let modelsOutcome: Outcome
        switch models?.status {
        case .drift?: modelsOutcome = .drift
        case .error?, .unreachable?: modelsOutcome = .couldNotCheck
        case .clean?, nil: modelsOutcome = .clean
        }
        return results.reduce(modelsOutcome) { outcome, result in
            switch result.status {
            case .clean: return outcome
            case .drift: return outcome.combined(with: .drift)
            case .unreachable, .error: return outcome.combined(with: .couldNotCheck)
            }
        }
    }

    /// The environments named with `--env` (all when none); an unknown name is a usage error listing the known ones.
    static func selectEnvironments(_ request: CheckRequest) throws -> [EnvironmentConfig] {
        let all: [EnvironmentConfig]
        all = try EnvironmentLoader.loadAll(directory: request.environmentsDirectory)
        guard !request.environmentNames.isEmpty else { return all }
        var selected: [EnvironmentConfig] = []
        for name in request.environmentNames {
            guard let config = all.first(where: { $0.name == name }) else {
                throw DriftCheckError.unknownEnvironment(name: name, directory: request.environmentsDirectory,
                                                         known: all.map(\.name))
            }
            if !selected.contains(config) { selected.append(config) }
        }
        return selected
    }

    /// Every secret the environments could expose, so no report or message can carry one.
    static func redactor(for environments: [EnvironmentConfig], variables: [String: String]) -> Redactor {
        var redactor = Redactor()
        for environment in environments {
            redactor.add(environment.connection.passwordEnv.flatMap { variables[$0] })
            redactor.add(environment.notify.webhookURLEnv.flatMap { variables[$0] })
            redactor.add(environment.upgrade?.passwordEnv.flatMap { variables[$0] })
            redactor.add(environment.calibrate?.passwordEnv.flatMap { variables[$0] })
        }
        return redactor
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
