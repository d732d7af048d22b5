import ArgumentParser
import DriftCheck
import Findings
import Foundation

extension Severity: ExpressibleByArgument {}

/// `check`: the nightly job and merge gate.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare every environment with the head revision; write reports; notify; exit 0/1/2.",
        discussion: "Exit codes: 0 no drift (at --fail-on), 1 drift, 2 could not check (config, history, or an environment unreachable).")

    @OptionGroup var locations: LocationOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to check (repeatable; default: all).", valueName: "name"))
    var environments: [String] = []

    @Option(name: .long, help: ArgumentHelp("Directory for drift-report.md/.json/.junit.xml.", valueName: "dir"))
    var out: String = "drift-report"

    @Flag(name: .customLong("no-notify"), help: "Do not post to the webhook.")
    var noNotify = false

    @Option(name: .long, help: ArgumentHelp("The previous run's drift-report.json (or its directory): mark findings new, open (with first_seen) or resolved; notify.when: changed posts only on a change. A missing or unreadable file is a warning, not a failure.", valueName: "path"))
    var previous: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that fails the check: error or warning (default: each environment's fail_on).", valueName: "level"))
    var failOn: Severity?

    @Option(name: .long, help: ArgumentHelp("SQLAlchemy models (a MetaData or declarative base) to compare with the head revision, offline: each difference is a model_not_migrated finding. Without --env no environment is checked.", valueName: "module:attr"))
    var models: String?

    @Option(name: .long, help: ArgumentHelp("Python interpreter with SQLAlchemy 2 and the starrocks package, for --models.", valueName: "path"))
    var python: String = "python3"

    func validate() throws {
        if failOn == .info { throw ValidationError("--fail-on takes error or warning") }
    }

    func run() async throws {
        let reference: ModelsReference?
        do {
            reference = try models.map { try ModelsReference(parsing: $0, option: "--models") }
        } catch {
            fail(error)
        }
        let request = CheckRequest(environmentsDirectory: locations.environments, migrationsPath: locations.migrations,
                                   environmentNames: environments, outputDirectory: out, notify: !noNotify,
                                   failOn: failOn, progress: Diagnostics.progress,
                                   verbose: output.verbose && !output.quiet, previousPath: previous,
                                   models: reference, python: python,
                                   variables: ProcessInfo.processInfo.environment)
        let result: CheckResult
        do {
            result = try await CheckRunner().run(request)
        } catch {
            fail(error)
        }
        for line in result.annotations { print(line) }
        for error in result.notifyErrors {
            Diagnostics.error("starrocks-drift: \(error)")
        }
        try finish(result.outcome)
    }
}
