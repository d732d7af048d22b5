import Foundation
import Testing

/// `lint --format sarif|json` and GitHub annotations, through the binary.
@Suite("lint output formats (binary)", .serialized)
struct LintOutputFormatsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let schema = fixtures.appendingPathComponent("sarif/sarif-2.1.0-subset.schema.json")
    /// A history with findings of every severity: MigrationLintTests' fixtures, one directory per rule.
    static let lintFixtures = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/MigrationLintTests/Fixtures")

    func validate(_ json: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = directory.appendingPathComponent("out.sarif")
        try Data(json.utf8).write(to: document)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
            errors = list(v.iter_errors(json.load(open(sys.argv[2]))))
            for e in errors: print("/".join(str(p) for p in e.path) + ": " + e.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.schema.path, document.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "" : "exit \(process.terminationStatus): \(output)"
    }

    @Test(arguments: ["one-schema-change-per-table", "hard-coded-buckets", "drop-column-used-by-view"])
    func sarifValidatesAndNamesRuleFileAndLine(rule: String) throws {
        let migrations = Self.lintFixtures.appendingPathComponent(rule).appendingPathComponent("bad")
        let out = try BinaryRunner.run(["lint", "--migrations", migrations.path, "--format", "sarif"],
                                       environment: ["GITHUB_ACTIONS": nil], currentDirectory: BinaryRunner.repositoryRoot)
        #expect(out.status == 1 || rule == "hard-coded-buckets", "\(out.stderr)")
        let problems = try validate(out.stdout)
        #expect(problems.isEmpty, "\(problems)")
        let log = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let run = (log?["runs"] as? [[String: Any]])?.first
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.contains { $0["id"] as? String == rule
            && (($0["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
        let results = run?["results"] as? [[String: Any]] ?? []
        let result = try #require(results.first { $0["ruleId"] as? String == rule })
        let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
        let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
        #expect(uri.hasPrefix("Tests/MigrationLintTests/Fixtures/\(rule)/") && uri.hasSuffix(".sql"), "\(uri)")
        #expect(((physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
        #expect(out.stderr.isEmpty || !out.stderr.contains("::error"), "no annotations outside GitHub Actions")
    }

    @Test func sarifOfACleanHistoryIsValidWithNoResults() throws {
        let out = try BinaryRunner.run(["lint", "--migrations", BinaryRunner.repositoryRoot.appendingPathComponent("migrations").path,
                                        "--format", "sarif"])
        #expect(try validate(out.stdout).isEmpty)
        #expect(out.stdout.contains("\"results\": []") || out.status == 1)
    }

    @Test func jsonListsFindingsWithFileAndLine() throws {
        let migrations = Self.lintFixtures.appendingPathComponent("hard-coded-buckets/bad")
        let out = try BinaryRunner.run(["lint", "--migrations", migrations.path, "--format", "json"],
                                       currentDirectory: BinaryRunner.repositoryRoot)
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["rule"] as? String == "hard-coded-buckets" && ($0["line"] as? Int ?? 0) >= 1
            && ($0["file"] as? String ?? "").hasSuffix(".sql") }, "\(out.stdout)")
    }

    @Test func githubActionsGetsAnnotationsWithFileAndLine() throws {
        let migrations = Self.lintFixtures.appendingPathComponent("one-schema-change-per-table/bad")
        let text = try BinaryRunner.run(["lint", "--migrations", migrations.path], environment: ["GITHUB_ACTIONS": "true"],
                                        currentDirectory: BinaryRunner.repositoryRoot)
        let line = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("::error file=") })
        #expect(line.contains("file=Tests/MigrationLintTests/Fixtures/one-schema-change-per-table/") && line.contains(",line="), "\(line)")
        // With SARIF on stdout, the annotations go to stderr so the SARIF stays valid.
        let sarif = try BinaryRunner.run(["lint", "--migrations", migrations.path, "--format", "sarif"],
                                         environment: ["GITHUB_ACTIONS": "true"], currentDirectory: BinaryRunner.repositoryRoot)
        #expect(try validate(sarif.stdout).isEmpty)
        #expect(sarif.stderr.contains("::error file="))
    }
}
