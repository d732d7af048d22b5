import Foundation

/// A helper server started for a test (the `starrocks-sim` binary, the webhook receiver): waits for its
/// `listening on 127.0.0.1:PORT` line and is terminated by `stop()`.
final class BackgroundProcess: @unchecked Sendable {
    let process = Process()
    private(set) var port: Int = 0

    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    init(executable: URL, arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read until the "listening on" line (bounded: 20 s).
        let handle = out.fileHandleForReading
        var buffer = Data()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            let text = String(decoding: buffer, as: UTF8.self)
            if let range = text.range(of: "listening on 127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let value = Int(digits), text[range.upperBound...].contains("\n") {
                    port = value
                    return
                }
            }
        }
        kill(process.processIdentifier, SIGKILL)
        throw StartFailed(description: "\(executable.lastPathComponent) did not report its port: \(String(decoding: buffer, as: UTF8.self))")
    }

    /// Kills the process. SIGKILL, not SIGTERM: children of the test runner may inherit a blocked SIGTERM.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
