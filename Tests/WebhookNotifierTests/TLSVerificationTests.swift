import Foundation
import Testing
@testable import WebhookNotifier
#if canImport(Glibc)
import Glibc
#endif

/// Proves TLS verification is on: a server with a self-signed certificate (made and served by the `openssl` CLI)
/// must be refused, never posted to.
@Suite struct TLSVerificationTests {
    /// Starts `openssl` with `arguments`; `exited` is called with its status when it ends. Nil when it cannot start.
    static func openssl(_ arguments: [String], exited: @escaping @Sendable (Int32) -> Void = { _ in }) -> Process? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { exited($0.terminationStatus) }
        do { try process.run() } catch { return nil }
        return process
    }

    /// Runs `openssl` to its end without blocking a concurrency-pool thread; nil when it cannot start.
    static func opensslStatus(_ arguments: [String]) async -> Int32? {
        await withCheckedContinuation { continuation in
            if openssl(arguments, exited: { continuation.resume(returning: $0) }) == nil {
                continuation.resume(returning: nil)
            }
        }
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func isListening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    @Test(.timeLimit(.minutes(1))) func selfSignedCertificateIsRefused() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let certificate = directory.appendingPathComponent("cert.pem").path
        let made = await Self.opensslStatus(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                                             "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1"])
        guard made == 0 else {
            Issue.record("this test needs the openssl CLI (apt-get install openssl) to make a self-signed certificate")
            return
        }
        let port = try LocalHTTPReceiver.closedPort()
        guard let server = Self.openssl(["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key,
                                         "-www", "-quiet"]) else {
            Issue.record("could not start openssl s_server")
            return
        }
        // SIGKILL, not terminate(): children of the test runner may inherit a blocked SIGTERM and outlive the test.
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        for _ in 0..<100 where !Self.isListening(port) { try await Task.sleep(nanoseconds: 50_000_000) }
        try #require(Self.isListening(port), "openssl s_server did not start on port \(port)")
        let client = WebhookClient(configuration: .init(connectTimeout: 2, totalTimeout: 5,
                                                        retry: RetryPolicy(maxAttempts: 1)))
        let error = await #expect(throws: WebhookError.self) {
            try await client.post(url: WebhookURL("https://127.0.0.1:\(port)/hook"), body: Data("{}".utf8),
                                  contentType: "application/json")
        }
        guard case .exhausted(1, .network(let code, _))? = error else {
            Issue.record("expected the certificate to be refused, got \(String(describing: error))")
            return
        }
        #expect(code == 60, "CURLE_PEER_FAILED_VERIFICATION; got curl \(code)")
    }
}
