// drift-bench: benchmarks that print numbers (never timed tests). Run in release:
//   swift run -c release drift-bench <parse|diff|introspect|peer|models>
import ArgumentParser

@main
struct DriftBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift-bench",
        abstract: "Prints throughput and latency numbers for starrocks-drift's parser, differ and live reader.",
        subcommands: [ParseBenchmark.self, DiffBenchmark.self, IntrospectBenchmark.self, PeerBenchmark.self,
                      ModelsBenchmark.self])
}
