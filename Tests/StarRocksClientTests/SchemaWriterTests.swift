import Foundation
import StarRocksClient
import Testing

/// `SchemaWriter` is the only way past the read-only guard: the same statement is refused by `Connection` before it
/// reaches the server and runs through the writer (real MariaDB).
@Suite("SchemaWriter against a real MariaDB (needs mariadb-server)", .serialized)
struct SchemaWriterTests {
    @Test func onlyTheWriterSendsWrites() async throws {
        let reader = try await MariaDBTestServer.connect()
        defer { Task { await reader.close() } }
        let table = MariaDBTestServer.uniqueName("writer_only")
        let create = "CREATE TABLE \(table) (id INT)"
        await #expect {
            try await reader.query(create)
        } throws: { error in
            guard case ClientError.readOnlyViolation = error else { return false }
            return true
        }
        let exists = "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = '\(table)'"
        #expect(try await reader.query(exists).value(0, "n") == "0", "the refused statement never reached the server")

        let writer = try await SchemaWriter.open(MariaDBTestServer.options())
        try await writer.execute(create)
        try await writer.execute("INSERT INTO \(table) (id) VALUES (1)")
        #expect(try await writer.query("SELECT id FROM \(table)").rows == [["1"]])
        await #expect(throws: ClientError.self) { try await writer.query("DROP TABLE \(table)") }
        try await writer.execute("DROP TABLE \(table)")
        #expect(try await reader.query(exists).value(0, "n") == "0")
        await writer.close()
    }
}
