import ChildProcess
import DriftTestSupport
import Foundation
import Testing

/// Runs the real `mariadb` command-line client against a simulator (batch mode, raw values) and returns its exit
/// status, stdout and stderr. The password goes through `MYSQL_PWD`, never the command line.
enum MariaDBCommandLine {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let candidates = ["/usr/bin/mariadb", "/usr/local/bin/mariadb", "/usr/bin/mysql"]

    /// The client's path, or a recorded issue saying how to install it.
    static var executable: String? {
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        let message = "the mariadb command-line client is missing (looked in \(candidates)); install "
            + "mariadb-server or mariadb-client"
        Issue.record("\(message)")
        return nil
    }

    static func run(port: UInt16, user: String = "root", password: String? = nil, database: String? = nil,
                    _ sql: String) throws -> Output? {
        guard let executable else { return nil }
        var arguments = ["--protocol=TCP", "-h", "127.0.0.1", "-P", String(port), "-u", user, "--batch", "--raw",
                         "--connect-timeout=5", "-e", sql]
        if let database { arguments.append(database) }
        let run = try ProcessRunner.run(URL(fileURLWithPath: executable), arguments,
                                        environment: ["MYSQL_PWD": password])
        return Output(status: run.status, stdout: run.stdoutText, stderr: run.stderrText)
    }
}
