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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        var arguments = ["--protocol=TCP", "-h", "127.0.0.1", "-P", String(port), "-u", user, "--batch", "--raw",
                         "--connect-timeout=5", "-e", sql]
        if let database { arguments.append(database) }
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["MYSQL_PWD"] = password
        if password == nil { environment.removeValue(forKey: "MYSQL_PWD") }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
