// starrocks-drift: the executable. Thin: parses arguments, calls DriftCheck, and is the only place where an
// Outcome becomes an exit code (0 clean, 1 drift, 2 could not check).
import ArgumentParser
import DriftCheck
import Foundation

@main
struct StarRocksDrift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "starrocks-drift",
        abstract: "Detects schema drift between a StarRocks migration history and live StarRocks environments.",
        discussion: """
        Exit codes (every subcommand):
          0  checked, no drift that the configured --fail-on level counts
          1  checked, drift found
          2  could not check: bad usage, bad config, bad migration history, or an environment unreachable/unreadable
        """,
        version: DriftCheckVersion.current,
        subcommands: [CheckCommand.self, DiffCommand.self, SchemaCommand.self, InspectCommand.self,
                      HistoryCommand.self, LintCommand.self, PlanCommand.self, RevisionCommand.self, UpgradeCommand.self,
                      CalibrateCommand.self,
                      DemoCommand.self])

    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), help and --version exit 0.
    static func main() async {
        Diagnostics.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Diagnostics.error(fullMessage(for: error))
            Foundation.exit(Int32(Outcome.couldNotCheck.rawValue))
        }
    }
}

/// Maps an Outcome to the process exit code.
func finish(_ outcome: Outcome) throws -> Never {
    throw ExitCode(Int32(outcome.rawValue))
}

/// Prints an error to stderr and exits 2.
func fail(_ error: Error) -> Never {
    Diagnostics.error("starrocks-drift: \(error)")
    Foundation.exit(Int32(Outcome.couldNotCheck.rawValue))
}
