import ArgumentParser
import DriftCheck

/// `schema`: the expected schema as canonical DDL.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the expected schema (replayed migrations) as canonical DDL.")

    @OptionGroup var locations: LocationOptions

    @Option(name: .long, help: ArgumentHelp("Revision to replay to (default: head).", valueName: "rev"))
    var revision: String = "head"

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment whose variables fill ${placeholders}.", valueName: "name"))
    var environment: String?

    func run() throws {
        do {
            let config = try environment.map { try EnvironmentLookup.find($0, in: locations.environments) }
            print(try SchemaRunner.render(migrationsPath: locations.migrations, revision: revision, environment: config),
                  terminator: "")
        } catch {
            fail(error)
        }
    }
}
