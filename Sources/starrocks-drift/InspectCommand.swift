import ArgumentParser
import DriftCheck
import Foundation

/// `inspect`: an environment's actual schema as canonical DDL.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print an environment's actual schema as canonical DDL (a baseline for adopting migrations).")

    @OptionGroup var logging: LogOptions

    @OptionGroup var locations: LocationOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to read.", valueName: "name"))
    var environment: String

    func run() async throws {
        do {
            let config = try EnvironmentLookup.find(environment, in: locations.environments)
            let (ddl, notes) = try await InspectRunner.render(environment: config)
            print(ddl, terminator: "")
            for note in notes { Diagnostics.warning("starrocks-drift: \(note)") }
        } catch {
            fail(error)
        }
    }
}
