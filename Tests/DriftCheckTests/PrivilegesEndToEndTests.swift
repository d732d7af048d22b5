import Foundation
import Testing
@testable import DriftCheck

/// Missing privileges (simulated with `starrocks-sim --deny`): a part that cannot be read is "not checked" with the
/// grant to add — never a crash, never silently clean.
@Suite("missing privileges end to end (binary + simulator)", .serialized)
struct PrivilegesEndToEndTests {
    func run(deny: String) throws -> (CheckScenario, BinaryRunner.Output) {
        let s = try CheckScenario()
        let dev = try s.startSimulator(name: "dev", objects: CheckScenario.objectsAtHead(replication: "1"),
                                       extraArguments: ["--deny", deny])
        try s.writeEnvironment(name: "dev", port: dev, replication: "1", backends: 1)
        return (s, try s.check())
    }

    @Test func backendsNotReadableAreNotCheckedWithTheGrant() throws {
        let (s, out) = try run(deny: "^SHOW BACKENDS")
        defer { s.finish() }
        #expect(out.status == 0, "\(out.stderr)")
        let notCompared = try s.environment("dev")["not_compared"] as? [[String: Any]] ?? []
        let backends = notCompared.first { ($0["object"] as? String) == "backends" }
        let reason = backends?["reason"] as? String ?? ""
        #expect(reason.contains("GRANT OPERATE ON SYSTEM"), "\(notCompared)")
    }

    @Test func objectListNotReadableMakesTheEnvironmentAnError() throws {
        let (s, out) = try run(deny: "^SHOW FULL TABLES")
        defer { s.finish() }
        #expect(out.status == 2, "\(out.stderr)")
        #expect(try s.environment("dev")["status"] as? String == "error")
        #expect((try s.environment("dev")["error"] as? String ?? "").contains("GRANT"))
    }

    @Test func oneUnreadableTableIsNotComparedRatherThanMissing() throws {
        let (s, out) = try run(deny: "SHOW CREATE TABLE .*users")
        defer { s.finish() }
        #expect(out.status == 0, "\(out.stderr)")
        let findings = try s.findings("dev")
        #expect(!findings.contains { ($0["object"] as? String ?? "").hasPrefix("analytics.users") }, "\(findings)")
        let notCompared = try s.environment("dev")["not_compared"] as? [[String: Any]] ?? []
        #expect(notCompared.contains { $0["object"] as? String == "analytics.users" }, "\(notCompared)")
    }
}
