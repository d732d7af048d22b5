import Foundation
import StarRocksClient
import Testing

/// `ProbeWriter` sends only what `ProbeGuard` allows for its probe database: anything else is refused before it
/// reaches the server (real MariaDB).
@Suite("ProbeWriter against a real MariaDB (needs mariadb-server)", .serialized)
struct ProbeWriterTests {
    @Test func writesOnlyInsideItsProbeDatabase() async throws {
        let reader = try await MariaDBTestServer.connect()
        defer { Task { await reader.close() } }
        let probe = "_probe_\(Int(Date().timeIntervalSince1970))_\(String(format: "%06x", Int.random(in: 0...0xFFFFFF)))"
        let other = MariaDBTestServer.uniqueName("not_a_probe")
        let writer = try await ProbeWriter.open(MariaDBTestServer.options(),
                                                scope: ProbeGuard.Scope(database: probe, prefix: "_probe"))
        func exists(_ name: String) async throws -> Bool {
            try await reader.query("SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = '\(name)'")
                .value(0, "n") == "1"
        }
        await #expect {
            try await writer.execute("CREATE DATABASE `\(other)`")
        } throws: { error in
            guard case ClientError.outsideProbeDatabase = error else { return false }
            return true
        }
        #expect(try await exists(other) == false, "the refused statement never reached the server")

        // An allowed statement is sent: the test user may not create databases, so the server answers with its own
        // error (a refusal by the guard would be `outsideProbeDatabase`, with nothing sent).
        await #expect {
            try await writer.execute("CREATE DATABASE `\(probe)`")
        } throws: { error in
            guard case ClientError.server(let errno, _, _, _, _) = error else { return false }
            return errno == 1044
        }
        await #expect {
            try await writer.execute("INSERT INTO `\(probe)`.`t` VALUES (1)")
        } throws: { error in
            guard case ClientError.outsideProbeDatabase = error else { return false }
            return true
        }
        #expect(try await writer.query("SELECT 1 AS one").value(0, "one") == "1")
        await writer.close()
    }
}
