import ArgumentParser

/// Placeholder until the benchmark lands.
struct ParseBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse")
    func run() async throws { print("not implemented yet") }
}
