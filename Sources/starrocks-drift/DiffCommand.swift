import ArgumentParser
import DriftCheck
import Findings

extension ReportFormat: ExpressibleByArgument {}

/// `diff`: offline comparison of two schema sources.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two schema sources offline (migrations directory or .sql file each); exit 0/1/2.")

    @OptionGroup var logging: LogOptions

    @Option(name: .long, help: ArgumentHelp("The expected side: a migrations directory (replayed to its head) or a .sql file.", valueName: "path"))
    var expected: String

    @Option(name: .long, help: ArgumentHelp("The actual side: a migrations directory or a .sql file (e.g. verbatim SHOW CREATE output).", valueName: "path"))
    var actual: String

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment whose variables and expectations apply.", valueName: "name"))
    var environment: String?

    @Option(name: .long, help: ArgumentHelp("Directory of environment files.", valueName: "dir"))
    var environments: String = "environments"

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that counts as drift: error or warning.", valueName: "level"))
    var failOn: Severity = .error

    func run() throws {
        do {
            let config = try environment.map { try EnvironmentLookup.find($0, in: environments) }
            let (output, outcome) = try DiffRunner.run(expectedPath: expected, actualPath: actual, environment: config,
                                                       format: format, failOn: failOn)
            print(output, terminator: "")
            try finish(outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }
}
