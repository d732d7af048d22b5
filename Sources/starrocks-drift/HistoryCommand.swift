import ArgumentParser
import DriftCheck

/// `history`: the revision graph, the head, and each environment's revision.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the revision graph and the head; with --env, where each environment stands.")

    @OptionGroup var logging: LogOptions

    @OptionGroup var locations: LocationOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to place in the history (repeatable).", valueName: "name"))
    var environments: [String] = []

    func run() async throws {
        do {
            let configs = try environments.map { try EnvironmentLookup.find($0, in: locations.environments) }
            let (text, outcome) = try await HistoryRunner.render(migrationsPath: locations.migrations,
                                                                 environments: configs)
            print(text, terminator: "")
            try finish(outcome == .couldNotCheck ? .couldNotCheck : .clean)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }
}
