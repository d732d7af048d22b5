import ArgumentParser
import Findings
import Foundation
import DriftCheck

extension LintFormat: ExpressibleByArgument {}

/// `lint`: offline migration checks for pull requests.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a migration history offline for StarRocks pitfalls; exit 0 clean, 1 findings, 2 could not lint.")

    @OptionGroup var logging: LogOptions

    @Option(name: .long, help: ArgumentHelp("Migration history (directory or .sql file).", valueName: "path"))
    var migrations: String = "migrations"

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that fails: error or warning.", valueName: "level"))
    var failOn: Severity = .warning

    @Option(name: .long, help: ArgumentHelp("Output format: text, json or sarif (SARIF 2.1.0 for code scanning).", valueName: "format"))
    var format: LintFormat = .text

    func run() throws {
        do {
            let (output, outcome, annotations) = try LintRunner.run(
                migrationsPath: migrations, failOn: failOn, format: format,
                annotations: LintRendering.annotationsWanted(ProcessInfo.processInfo.environment))
            print(output, terminator: "")
            // GitHub reads workflow commands from both streams; stderr keeps a SARIF or JSON stdout clean.
            for line in annotations {
                if format == .text { print(line) } else { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            }
            try finish(outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }
}
