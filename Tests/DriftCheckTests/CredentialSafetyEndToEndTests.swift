import Foundation
import Testing

/// Servers that would take the credentials the wrong way get nothing: `tls: required` sends no login packet to a
/// server without TLS, and a request to switch to `mysql_clear_password` is refused without sending the password.
@Suite("credential safety against scripted servers (binary)", .serialized)
struct CredentialSafetyEndToEndTests {
    func runCheck(tls: String, port: Int, extra: String = "") throws -> (BinaryRunner.Output, CheckScenario) {
        let s = try CheckScenario()
        let yaml = """
        name: guarded
        connection:
          url: starrocks://drift_reader@127.0.0.1:\(port)/default_catalog.analytics
          password_env: \(CheckScenario.passwordVariable)
          connect_timeout_s: 5
          read_timeout_s: 5
          tls: \(tls)
        \(extra)
        databases: [analytics]
        variables: {replication_num: "1"}
        """
        try yaml.write(to: s.environments.appendingPathComponent("guarded.yaml"), atomically: true, encoding: .utf8)
        return (try s.check(["--no-notify"]), s)
    }

    @Test func tlsRequiredSendsNoLoginPacketToAServerWithoutTLS() throws {
        let server = try ScriptedMySQLServer(script: .greetingOnly)
        let (out, s) = try runCheck(tls: "required", port: server.port)
        defer { s.finish() }
        let received = server.received()
        #expect(received.isEmpty, "the client sent \(received.count) bytes (a login packet) to a server without TLS")
        #expect(out.status == 2, "stdout: \(out.stdout) stderr: \(out.stderr)")
        let text = out.stdout + out.stderr
        #expect(text.contains("does not offer TLS") && text.contains("no credentials were sent"), "\(text)")
        #expect(!text.contains(CheckScenario.password))
    }

    @Test func aSwitchToClearTextPasswordIsRefusedWithoutSendingIt() throws {
        let server = try ScriptedMySQLServer(script: .switchToClearPassword)
        let (out, s) = try runCheck(tls: "preferred", port: server.port)
        defer { s.finish() }
        let received = server.received()
        let packets = server.receivedPackets()
        #expect(packets.count == 1, "after the switch request the client sent \(packets.count - 1) more packets")
        #expect(!received.isEmpty, "the scripted server got no login packet; the test did not exercise the switch")
        let password = Array(CheckScenario.password.utf8)
        #expect(!contains(received, password), "the password was sent in clear text")
        #expect(out.status == 2, "stdout: \(out.stdout) stderr: \(out.stderr)")
        let text = out.stdout + out.stderr
        #expect(text.contains("clear text") && text.contains("the password was not sent"), "\(text)")
    }

    @Test func clearTextOptInNeedsMandatoryTLS() throws {
        let (out, s) = try runCheck(tls: "preferred", port: 1, extra: "  allow_cleartext_password: true")
        defer { s.finish() }
        #expect(out.status == 2)
        #expect(out.stderr.contains("allow_cleartext_password") && out.stderr.contains("tls: required"), "\(out.stderr)")
    }

    @Test func aPasswordShorterThanFourCharactersIsRefusedAtLoad() throws {
        let server = try ScriptedMySQLServer(script: .greetingOnly)
        let s = try CheckScenario()
        defer { s.finish() }
        try s.writeEnvironment(name: "dev", port: server.port, replication: "1", backends: 1)
        let out = try BinaryRunner.run(["check", "--environments", s.environments.path, "--migrations",
                                        s.migrations.path, "--out", s.out.path, "--no-notify"],
                                       environment: [CheckScenario.passwordVariable: "abc"])
        #expect(out.status == 2)
        #expect((out.stdout + out.stderr).contains("shorter than 4 characters"), "\(out.stdout) \(out.stderr)")
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
