import ArgumentParser
import DriftCheck
import Foundation

/// `schema`: the expected schema as canonical DDL.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the expected schema (replayed migrations) as canonical DDL.")

    @OptionGroup var locations: LocationOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Revision to replay to (default: head).", valueName: "rev"))
    var revision: String = "head"

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment whose variables fill ${placeholders}.", valueName: "name"))
    var environment: String?

    func run() throws {
        do {
            let config = try environment.map { try EnvironmentLookup.find($0, in: locations.environments) }
            let verbose = output.verbose
            let ddl = try SchemaRunner.render(migrationsPath: locations.migrations, revision: revision,
                                              environment: config, skipped: verbose ? { line in
                                                  Diagnostics.logger.info("\(line)")
                                              } : nil)
            print(ddl, terminator: "")
        } catch {
            fail(error)
        }
    }
}
