import ArgumentParser
import DriftCheck
import SchemaDiff

/// `lint`: offline migration checks for pull requests.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a migration history offline for StarRocks pitfalls; exit 0 clean, 1 findings, 2 could not lint.")

    @Option(name: .long, help: ArgumentHelp("Migration history (directory or .sql file).", valueName: "path"))
    var migrations: String = "migrations"

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that fails: error or warning.", valueName: "level"))
    var failOn: Severity = .warning

    func run() throws {
        do {
            let (output, outcome) = try LintRunner.run(migrationsPath: migrations, failOn: failOn)
            print(output, terminator: "")
            try finish(outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }
}
