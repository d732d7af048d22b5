import Foundation

/// Runs a program to completion and collects its exit status, standard output and standard error — the one copy for
/// every test target (the binary end-to-end tests, the GitHub Action harness, the `mariadb` client, the Python peer).
/// Both pipes are read concurrently, so a child that writes much to one of them while the other is open cannot block
/// on a full pipe.
public enum ProcessRunner {
    /// What one run produced.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data

        /// Standard output as UTF-8 text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`; `environment` entries are added to (or, with nil, removed from) the
    /// inherited environment.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String?] = [:],
                           currentDirectory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus, stdout: outData, stderr: errData)
    }
}
