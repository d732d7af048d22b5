import Foundation

/// A child process run to its end with both pipes read concurrently (a full pipe never blocks it).
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
        let process = Process()
        if executable.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw DriftCheckError.usage("cannot run \(what): no executable file at \(executable); \(hint)")
            }
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DriftCheckError.usage("cannot run \(what): \(error.localizedDescription); \(hint)")
        }
        let group = DispatchGroup()
        let collected = Collected()
        for (pipe, isOut) in [(out, true), (err, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        // `/usr/bin/env` exits 127 when it cannot find the program.
        if !executable.contains("/") && process.terminationStatus == 127 {
            throw DriftCheckError.usage("cannot run \(what): \(executable) is not on PATH; \(hint)")
        }
        return ProcessRun(status: process.terminationStatus, stdout: collected.text(isOut: true),
                          stderr: collected.text(isOut: false))
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()

        func set(_ data: Data, isOut: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOut { out = data } else { err = data }
        }

        func text(isOut: Bool) -> String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: isOut ? out : err, as: UTF8.self)
        }
    }
}
