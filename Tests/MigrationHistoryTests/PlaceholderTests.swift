import Testing
@testable import MigrationHistory

@Suite("placeholders")
struct PlaceholderTests {
    @Test func knownPlaceholdersAreReplacedInStringsAndCode() throws {
        let sql = "PROPERTIES (\"replication_num\" = \"${replication_num}\") -- ${not_replaced}\nBUCKETS ${buckets};"
        let out = try PlaceholderExpander.expand(sql, variables: ["replication_num": "3", "buckets": "8"],
                                                 environment: "prod", file: "f.sql", firstLine: 10)
        #expect(out == "PROPERTIES (\"replication_num\" = \"3\") -- ${not_replaced}\nBUCKETS 8;")
    }

    @Test func textWithoutPlaceholdersIsUnchanged() throws {
        let sql = "SELECT '$1', \"$\" FROM t;"
        #expect(try PlaceholderExpander.expand(sql, variables: [:], environment: nil, file: "f", firstLine: 1) == sql)
    }

    @Test func unknownPlaceholderNamesFileLineColumnAndEnvironment() {
        let sql = "CREATE TABLE t (k INT)\nPROPERTIES (\"replication_num\" = \"${replicas}\");"
        do {
            _ = try PlaceholderExpander.expand(sql, variables: ["replication_num": "1"], environment: "dev",
                                               file: "migrations/0001.sql", firstLine: 4)
            Issue.record("unknown placeholder accepted")
        } catch {
            #expect(error == .unknownPlaceholder(name: "replicas", file: "migrations/0001.sql", line: 5, column: 34,
                                                 environment: "dev",
                                                 lineText: "PROPERTIES (\"replication_num\" = \"${replicas}\");"))
            let message = error.description
            #expect(message.hasPrefix("migrations/0001.sql:5:34: unknown placeholder ${replicas}"))
            #expect(message.contains("environment dev"))
            #expect(message.hasSuffix("\n" + String(repeating: " ", count: 33) + "^"))
        }
    }

    @Test func unknownPlaceholderWithoutEnvironmentSaysToPassOne() {
        do {
            _ = try PlaceholderExpander.expand("x ${a}", variables: [:], environment: nil, file: "f", firstLine: 1)
            Issue.record("unknown placeholder accepted")
        } catch {
            #expect(error.description.contains("pass --env"))
        }
    }

    @Test func unterminatedPlaceholderIsAnError() {
        #expect(throws: HistoryError.self) {
            try PlaceholderExpander.expand("x ${abc\n", variables: ["abc": "1"], environment: "dev", file: "f",
                                           firstLine: 1)
        }
    }
}
