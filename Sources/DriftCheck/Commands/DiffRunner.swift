import DriftReport
import Findings
import Foundation
import MigrationHistory
import SchemaDiff
import SchemaModel

/// Output formats of `diff`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}

/// What `diff` compares and how it reports.
public struct DiffRequest: Sendable {
    /// The expected side.
    public var expected: SchemaSource
    /// The actual side.
    public var actual: SchemaSource
    /// `--env`: the environment whose variables fill placeholders and whose expectations apply.
    public var environment: EnvironmentConfig?
    /// Directory of environment files, for `env:NAME` sources.
    public var environmentsDirectory: String
    /// The Python interpreter for `models:` sources.
    public var python: String
    /// Output format.
    public var format: ReportFormat
    /// Lowest severity that counts as drift.
    public var failOn: Severity
    /// Warnings (stderr): a live side's server profile learned on another server version.
    public var progress: Progress

    /// A request; `--env`, the environments directory, the interpreter, the format, the gate and the progress
    /// have defaults.
    public init(expected: SchemaSource, actual: SchemaSource, environment: EnvironmentConfig? = nil,
                environmentsDirectory: String = "environments", python: String = "python3",
                format: ReportFormat = .text, failOn: Severity = .error, progress: Progress = .silent) {
        self.expected = expected
        self.actual = actual
        self.environment = environment
        self.environmentsDirectory = environmentsDirectory
        self.python = python
        self.format = format
        self.failOn = failOn
        self.progress = progress
    }
}

/// `diff`: compares two schema sources — migrations directories, `.sql` files, SQLAlchemy models, or environments'
/// live schemas (read-only).
public enum DiffRunner {
    /// Compares the request's two sources and renders the result.
    public static func run(_ request: DiffRequest, reader: any ActualStateReading = LiveStateReader(),
                           now: Date = Date()) async throws -> (output: String, outcome: Outcome) {
        let expectedName = request.expected.environmentName, actualName = request.actual.environmentName
        // Each `env:` side's file is looked up once, here.
        var named: [String: EnvironmentConfig] = [:]
        for (name, side) in [(expectedName, "--expected"), (actualName, "--actual")] {
            guard let name, named[name] == nil else { continue }
            named[name] = try SourceReader.environment(name, side: side, in: request.environmentsDirectory)
        }
        // A replayed side takes its placeholder values from --env, else from the environment on the other side.
        var valuesEnvironment = request.environment
        if valuesEnvironment == nil, let name = expectedName ?? actualName, (expectedName == nil) != (actualName == nil) {
            valuesEnvironment = named[name]
        }
        // The models run with the process environment: their errors are scrubbed of the involved environments' secrets.
        let involved = [request.environment].compactMap { $0 } + named.values
        let redactor = CheckRunner.redactor(for: involved, variables: ProcessInfo.processInfo.environment)
        let sources = SourceReader(environmentsDirectory: request.environmentsDirectory, environments: named,
                                   valuesEnvironment: valuesEnvironment, reader: reader,
                                   models: ModelsProvider(python: request.python, redactor: redactor))
        async let expectedRead = sources.read(request.expected, side: "--expected")
        async let actualRead = sources.read(request.actual, side: "--actual")
        var expected = try await expectedRead
        var actual = try await actualRead
        for side in [expected, actual] {
            if let environment = side.environment,
               let warning = ProfileVersionCheck.warning(environment, serverVersion: side.serverVersion) {
                request.progress(warning)
            }
        }

        let removed = expected.removed + actual.removed
        expected.catalog = removed.reduce(expected.catalog) { EnvironmentChecker.removing($1, from: $0) }
        actual.catalog = removed.reduce(actual.catalog) { EnvironmentChecker.removing($1, from: $0) }
        if let left = expected.environment, let right = actual.environment {
            expected.catalog = EnvironmentValues.fold(expected.catalog, environment: left)
            actual.catalog = EnvironmentValues.fold(actual.catalog, environment: right)
        }

        let options = diffOptions(request, expected: expected, actual: actual)
        let comparison = diff(expected: expected.catalog, actual: actual.catalog, options: options)
        let severities = request.environment ?? actual.environment ?? expected.environment
        var findings = severities?.severity.apply(comparison.findings) ?? comparison.findings
        if expected.environment != nil, let right = actual.environment {
            findings = EnvironmentValues.unfoldFixes(findings, for: right)
        }
        let failing = EnvironmentChecker.gates(findings, failOn: request.failOn)
        let name: String
        if let expectedName, let actualName {
            name = "\(expectedName) vs \(actualName)"
        } else {
            name = request.environment?.name ?? expectedName ?? actualName ?? "diff"
        }
        let result = EnvironmentResult(name: name, status: failing ? .drift : .clean,
                                       findings: findings,
                                       notCompared: comparison.notCompared + expected.notChecked + actual.notChecked,
                                       objectsCompared: comparison.comparedObjects)
        let document = DriftReportDocument(generatedAt: CheckRunner.timestamp(now), headRevision: nil,
                                           environments: [result])
        let output: String
        switch request.format {
        case .text: output = TextReport.render(result)
        case .markdown: output = MarkdownReport.render(document)
        case .json: output = JSONReport.render(document)
        }
        return (output, failing ? .drift : .clean)
    }

    /// The options: `--env`'s expectations (or, when only the actual side is live, that environment's), and the
    /// ignore lists of every environment involved.
    static func diffOptions(_ request: DiffRequest, expected: ResolvedSource, actual: ResolvedSource) -> DiffOptions {
        var options = DiffOptions()
        let involved = [request.environment, expected.environment, actual.environment].compactMap { $0 }
        for environment in involved {
            options.ignoredProperties.formUnion(environment.ignore.properties)
            options.ignoredObjects += environment.ignore.objects
        }
        if let environment = request.environment ?? (expected.environment == nil ? actual.environment : nil) {
            options.expectedProperties = environment.expect.properties
        }
        // The server profile of the environment that printed the actual side (or of --env for an offline actual
        // side): how that server prints what the registry does not know.
        options.profile = (actual.environment ?? request.environment)?.profile
        return options
    }

    /// A catalog from a migrations directory (replayed to its head) or a `.sql` file (DDL replayed in order), with
    /// the environment's values for its placeholders (none without one: a placeholder is then an error).
    static func catalog(at path: String, side: String, environment: EnvironmentConfig?,
                        defaultDatabase: String) throws -> Catalog {
        try SourceReader.replay(SourceReader.history(at: path, side: side), side: side, path: path,
                                variables: environment?.variables ?? [:], environment: environment?.name,
                                defaultDatabase: defaultDatabase)
    }
}
