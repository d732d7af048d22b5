import Foundation
import Testing

/// The `starrocks-sim` executable: serves a catalog directory, announces its port, keeps the password out of its
/// output, logs statements and rejects bad usage.
@Suite(.serialized) struct ExecutableTests {
    static let password = "exe-test-password"

    /// `starrocks-sim` next to the test bundle (SwiftPM builds every product before running tests).
    var executable: String? {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("starrocks-sim").path
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        Issue.record("starrocks-sim is not built: looked for \(candidates); run `swift build --product starrocks-sim`")
        return nil
    }

    func catalogDirectory() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("simexe-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("databases/analytics")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try TestCatalogs.corpusText("001_test_alter_table_t").write(to: folder.appendingPathComponent("t.sql"),
                                                                      atomically: true, encoding: .utf8)
        try "server_version: \"3.3.7\"\nversion: {table: alembic_version, revision: \"r42\"}\n"
            .write(to: root.appendingPathComponent("state.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func servesACatalogDirectoryAndLogs() throws {
        guard let executable else { return }
        let root = try catalogDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let log = root.appendingPathComponent("statements.log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--catalog", root.path, "--user", "drift", "--password-env", "SIM_EXE_TEST_PASSWORD",
                             "--log", log.path, "--latency-ms", "2"]
        var environment = ProcessInfo.processInfo.environment
        environment["SIM_EXE_TEST_PASSWORD"] = Self.password
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var announced = ""
        while !announced.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            announced += String(decoding: data, as: UTF8.self)
        }
        let prefix = "listening on 127.0.0.1:"
        try #require(announced.hasPrefix(prefix), "stdout was: \(announced)")
        let port = try #require(UInt16(announced.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)))
        let output = try #require(try MariaDBCommandLine.run(port: port, user: "drift", password: Self.password,
                                                             database: "analytics",
                                                             "SELECT version_num FROM alembic_version"))
        #expect(output.stdout == "version_num\nr42\n", "\(output.stderr)")
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning, "starrocks-sim must stop on SIGTERM")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let banner = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(banner.contains("simulator (not StarRocks)"))
        #expect(!banner.contains(Self.password))
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.split(separator: "\n").contains("SELECT version_num FROM alembic_version"))
        #expect(!logged.contains(Self.password))
    }

    @Test func badCatalogIsAUsageError() throws {
        guard let executable else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--catalog", "/nonexistent/catalog"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(message.contains("databases/<db>/<object>.sql"))
    }
}
