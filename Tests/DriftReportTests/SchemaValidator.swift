import DriftTestSupport
import Foundation
import Testing

/// Validates JSON against `schema/drift-report.schema.json` with python3's `jsonschema` package (draft 2020-12).
enum SchemaValidator {
    /// `<repo root>`: the directory holding Package.swift.
    static let repositoryRoot = RepositoryPaths.root

    static let schemaURL = repositoryRoot.appendingPathComponent("schema/drift-report.schema.json")

    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("MISSING-PACKAGE: python3 package 'jsonschema' is not installed; run: pip install jsonschema")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        errors = sorted(validator.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
        for e in errors:
            print("/".join(str(p) for p in e.path) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """

    /// The validation errors (empty when valid). Fails loudly when python3 or jsonschema is missing.
    static func errors(in json: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("drift-report-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = directory.appendingPathComponent("report.json")
        let program = directory.appendingPathComponent("validate.py")
        try Data(json.utf8).write(to: document)
        try Data(script.utf8).write(to: program)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", program.path, schemaURL.path, document.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return []
        case 1: return output.split(separator: "\n").map(String.init)
        default:
            let message = "schema validation could not run (python3 with the jsonschema package is required; "
                + "schema at \(schemaURL.path)): \(output)"
            Issue.record(Comment(rawValue: message))
            return ["validator did not run"]
        }
    }
}
