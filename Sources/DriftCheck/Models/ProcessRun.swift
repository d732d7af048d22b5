import ChildProcess
import Foundation

/// A child process run to its end (through `ProcessRunner`), the way the models provider is run: a program given by
/// name is looked up on `PATH`, and a program that cannot start is an error naming what it was for.
struct ProcessRun: Sendable {
    /// Exit status.
    var status: Int32
    /// Standard output, as UTF-8.
    var stdout: String
    /// Standard error, as UTF-8.
    var stderr: String

    /// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments` in the working directory; a
    /// program that cannot start throws naming `what` and `hint`.
    static func run(executable: String, arguments: [String], what: String, hint: String) throws -> ProcessRun {
        let url: URL
        let fullArguments: [String]
        if executable.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw DriftCheckError.usage("cannot run \(what): no executable file at \(executable); \(hint)")
            }
            url = URL(fileURLWithPath: executable)
            fullArguments = arguments
        } else {
            url = URL(fileURLWithPath: "/usr/bin/env")
            fullArguments = [executable] + arguments
        }
        let output: ProcessRunner.Output
        do {
            output = try ProcessRunner.run(url, fullArguments)
        } catch {
            throw DriftCheckError.usage("cannot run \(what): \(error.localizedDescription); \(hint)")
        }
        // `/usr/bin/env` exits 127 when it cannot find the program.
        if !executable.contains("/") && output.status == 127 {
            throw DriftCheckError.usage("cannot run \(what): \(executable) is not on PATH; \(hint)")
        }
        return ProcessRun(status: output.status, stdout: output.stdoutText, stderr: output.stderrText)
    }
}
