import Foundation

/// Every statement a simulator received, in arrival order, in memory and optionally appended to a file (one line
/// each; newlines inside a statement are written as spaces).
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []
    private let file: FileHandle?

    init(path: String?) throws(SimulatorStartError) {
        guard let path else {
            file = nil
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw SimulatorStartError("cannot create the statement log \(path); check the directory exists and "
                    + "is writable")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SimulatorStartError("cannot open the statement log \(path) for writing; check its permissions")
        }
        handle.seekToEndOfFile()
        file = handle
    }

    /// Records `statement`; returns how many statements were received so far (this one included).
    func record(_ statement: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        statements.append(statement)
        if let file {
            let line = statement.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            file.write(Data((line + "\n").utf8))
        }
        return statements.count
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return statements
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        try? file?.close()
    }
}
