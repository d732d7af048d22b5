// ChildProcess: runs a program to its end and collects what it printed — the one process runner of the project
// (the models provider in DriftCheck, the benchmarks' peers, the tests' binaries and clients all use it).
import Foundation

/// Runs a program to completion and collects its exit status, standard output and standard error. Both pipes are
/// read concurrently, so a child that writes much to one of them while the other is open cannot block on a full
/// pipe; standard input is the null device.
public enum ProcessRunner {
    /// What one run produced.
    public struct Output: Sendable {
        /// The exit status (or the signal number, for a child killed by a signal).
        public var status: Int32
        /// Standard output, as bytes.
        public var stdout: Data
        /// Standard error, as bytes.
        public var stderr: Data

        /// Standard output as UTF-8 text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`; `environment` entries are added to (or, with nil, removed from) the
    /// inherited environment. Throws when the program cannot be started.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String?] = [:],
                           currentDirectory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for (key, value) in environment { env[key] = value }
            process.environment = env
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOut) in [(out, true), (err, false)] {
            group.enter()
            DispatchQueue.global().async {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isOut: isOut)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: collected.data(isOut: true),
                      stderr: collected.data(isOut: false))
    }

    /// The two pipes' bytes, written by their reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()

        func set(_ data: Data, isOut: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOut { out = data } else { err = data }
        }

        func data(isOut: Bool) -> Data {
            lock.lock()
            defer { lock.unlock() }
            return isOut ? out : err
        }
    }
}
