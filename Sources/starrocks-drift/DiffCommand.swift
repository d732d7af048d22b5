import ArgumentParser
import DriftCheck
import Findings

extension ReportFormat: ExpressibleByArgument {}

/// `diff`: compares two schema sources (migrations, .sql files, SQLAlchemy models, environments).
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two schema sources: migrations directories, .sql files, models:MODULE:ATTR or env:NAME (live, read-only); exit 0/1/2.")

    @OptionGroup var logging: LogOptions

    @Option(name: .long, help: ArgumentHelp(
        "The expected side: a migrations directory (replayed to its head), a .sql file, models:MODULE:ATTR (SQLAlchemy models) or env:NAME (an environment's live schema).",
        valueName: "source"))
    var expected: String

    @Option(name: .long, help: ArgumentHelp(
        "The actual side: a migrations directory, a .sql file (e.g. verbatim SHOW CREATE output), models:MODULE:ATTR or env:NAME.",
        valueName: "source"))
    var actual: String

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment whose variables and expectations apply.", valueName: "name"))
    var environment: String?

    @Option(name: .long, help: ArgumentHelp("Directory of environment files.", valueName: "dir"))
    var environments: String = "environments"

    @Option(name: .long, help: ArgumentHelp("Python interpreter with SQLAlchemy 2 and the starrocks package, for models: sources.", valueName: "path"))
    var python: String = "python3"

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that counts as drift: error or warning.", valueName: "level"))
    var failOn: Severity = .error

    func validate() throws {
        if failOn == .info { throw ValidationError("--fail-on takes error or warning") }
    }

    func run() async throws {
        do {
            let config = try environment.map { try EnvironmentLookup.find($0, in: environments) }
            let request = DiffRequest(expected: try SchemaSource(parsing: expected, side: "--expected"),
                                      actual: try SchemaSource(parsing: actual, side: "--actual"),
                                      environment: config, environmentsDirectory: environments, python: python,
                                      format: format, failOn: failOn, progress: Diagnostics.progress)
            let (output, outcome) = try await DiffRunner.run(request)
            print(output, terminator: "")
            try finish(outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }
}
