import DriftReport
import Findings
import Foundation
import MigrationHistory
import SchemaDiff
import SchemaModel

/// Output formats of `diff`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}

/// `diff`: offline comparison of two schema sources, no database.
public enum DiffRunner {
    /// Compares `expectedPath` with `actualPath` (each a migrations directory or a `.sql` file) and renders the result.
    public static func run(expectedPath: String, actualPath: String, environment: EnvironmentConfig?,
                           format: ReportFormat, failOn: Severity = .error, now: Date = Date()) throws
        -> (output: String, outcome: Outcome) {
        let defaultDatabase = environment?.defaultDatabase ?? SchemaRunner.defaultDatabase
        let expected = try catalog(at: expectedPath, side: "--expected", environment: environment,
                                   defaultDatabase: defaultDatabase)
        let actual = try catalog(at: actualPath, side: "--actual", environment: environment,
                                 defaultDatabase: defaultDatabase)
        var options = DiffOptions()
        if let environment {
            options.expectedProperties = environment.expect.properties
            options.ignoredProperties = Set(environment.ignore.properties)
            options.ignoredObjects = environment.ignore.objects
            options.profile = environment.profile
        }
        let comparison = diff(expected: expected, actual: actual, options: options)
        let findings = environment?.severity.apply(comparison.findings) ?? comparison.findings
        let failing = EnvironmentChecker.gates(findings, failOn: failOn)
        let result = EnvironmentResult(name: environment?.name ?? "diff", status: failing ? .drift : .clean,
                                       findings: findings, notCompared: comparison.notCompared,
                                       objectsCompared: comparison.comparedObjects)
        let document = DriftReportDocument(generatedAt: CheckRunner.timestamp(now), headRevision: nil,
                                           environments: [result])
        let output: String
        switch format {
        case .text: output = TextReport.render(result)
        case .markdown: output = MarkdownReport.render(document)
        case .json: output = JSONReport.render(document)
        }
        return (output, failing ? .drift : .clean)
    }

    /// A catalog from a migrations directory (replayed to its head) or a `.sql` file (DDL replayed in order).
    static func catalog(at path: String, side: String, environment: EnvironmentConfig?,
                        defaultDatabase: String) throws -> Catalog {
        do {
            let history = try MigrationHistory.load(path: path)
            return try history.expectedCatalog(at: nil, variables: environment?.variables ?? [:],
                                               environment: environment?.name, defaultDatabase: defaultDatabase)
        } catch {
            throw DriftCheckError.input(side: side, path: path, reason: "\(error)")
        }
    }
}
