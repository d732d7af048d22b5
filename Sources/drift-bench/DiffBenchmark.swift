import ArgumentParser

/// Placeholder until the benchmark lands.
struct DiffBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff")
    func run() async throws { print("not implemented yet") }
}
