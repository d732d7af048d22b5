import ArgumentParser
import DriftCheck

extension PlanFormat: ExpressibleByArgument {}

/// `plan`: a remediation script that brings the actual schema to the expected one.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the statements that bring the actual schema to the expected one (read-only).",
        discussion: """
        Live with --env (the migrations' head against the environment's server) or offline with --expected and
        --actual (each a migrations directory or a .sql file). One schema-change job per table: steps that must wait
        for the previous job are preceded by a `-- wait:` line; changes StarRocks cannot make in place get a rebuild
        recipe; every step that loses data says so.
        Exit codes: 0 nothing to do, 1 steps printed, 2 could not plan.
        """)

    @OptionGroup var logging: LogOptions

    @OptionGroup var locations: LocationOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to plan for (live).", valueName: "name"))
    var environment: String?

    @Option(name: .long, help: ArgumentHelp("Offline: the expected side (migrations directory or .sql file).", valueName: "path"))
    var expected: String?

    @Option(name: .long, help: ArgumentHelp("Offline: the actual side (migrations directory or .sql file).", valueName: "path"))
    var actual: String?

    @Option(name: .long, help: "Output format: sql or json.")
    var format: PlanFormat = .sql

    func validate() throws {
        let offline = expected != nil || actual != nil
        if offline && (expected == nil || actual == nil) {
            throw ValidationError("--expected and --actual go together")
        }
        if !offline && environment == nil {
            throw ValidationError("give --env NAME, or --expected PATH and --actual PATH")
        }
    }

    func run() async throws {
        do {
            let config = try environment.map { try EnvironmentLookup.find($0, in: locations.environments) }
            let result: (output: String, outcome: Outcome)
            if let expected, let actual {
                result = try PlanRunner.run(expectedPath: expected, actualPath: actual, environment: config,
                                            format: format)
            } else {
                result = try await PlanRunner.run(environment: config!, migrationsPath: locations.migrations,
                                                  format: format)
            }
            print(result.output, terminator: "")
            try finish(result.outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }
}
