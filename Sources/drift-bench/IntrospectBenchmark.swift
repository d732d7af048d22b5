import ArgumentParser

/// Placeholder until the benchmark lands.
struct IntrospectBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "introspect")
    func run() async throws { print("not implemented yet") }
}
