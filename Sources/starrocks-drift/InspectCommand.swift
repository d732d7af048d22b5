import ArgumentParser
import DriftCheck
import Foundation

extension InspectFormat: ExpressibleByArgument {}
extension ModelsStyle: ExpressibleByArgument {}

/// `inspect`: an environment's actual schema as canonical DDL.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print an environment's actual schema as canonical DDL (a baseline for adopting migrations) or as SQLAlchemy models.")

    @OptionGroup var logging: LogOptions

    @OptionGroup var locations: LocationOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to read.", valueName: "name"))
    var environment: String

    @Option(name: .long, help: "sql (canonical DDL) or sqlalchemy (a models.py for the starrocks dialect that round-trips).")
    var format: InspectFormat = .sql

    @Option(name: .long, help: "With --format sqlalchemy: core (Table objects) or declarative (classes on a DeclarativeBase).")
    var style: ModelsStyle = .core

    func run() async throws {
        do {
            let config = try EnvironmentLookup.find(environment, in: locations.environments)
            let (ddl, notes) = try await InspectRunner.render(environment: config, format: format, style: style)
            print(ddl, terminator: "")
            for note in notes { Diagnostics.warning("starrocks-drift: \(note)") }
        } catch {
            fail(error)
        }
    }
}
