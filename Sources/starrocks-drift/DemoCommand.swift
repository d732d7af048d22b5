import ArgumentParser
import DriftCheck
import DriftDemo

/// `demo`: an in-process simulator with planted drift, checked end to end.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run check against an in-process StarRocks simulator (dev clean, prod with planted drift).",
        discussion: "Exits 0 when the demo ran (the drift it finds is the point of the demo).")

    @Option(name: .long, help: ArgumentHelp("Directory for the demo's reports.", valueName: "dir"))
    var out: String = "drift-report"

    @OptionGroup var output: OutputOptions

    func run() async throws {
        do {
            let summary = try await DemoRunner.run(outputDirectory: out, progress: Diagnostics.progress)
            print(summary)
        } catch {
            fail(error)
        }
    }
}
