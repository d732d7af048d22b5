import Foundation
import MigrationHistory
import SchemaModel
import SchemaPlan

/// Output formats of `plan`.
public enum PlanFormat: String, Sendable, CaseIterable {
    case sql, json
}

/// `plan`: the ordered statements that bring an environment's (or a file's) actual schema to the expected one.
/// Read-only: it never runs what it prints.
public enum PlanRunner {
    /// Live: the migrations' head against the environment's server.
    public static func run(environment: EnvironmentConfig, migrationsPath: String, format: PlanFormat,
                           reader: any ActualStateReading = LiveStateReader()) async throws
        -> (output: String, outcome: Outcome) {
        let (head, actual, sourceOptions, warnings) = try await PlanSources.live(environment: environment,
                                                                       migrationsPath: migrationsPath, reader: reader)
        let options = runnable(sourceOptions)
        let used = variablesUsed(sourceOptions)
        return render(plan(expected: head, actual: actual, options: options), format: format,
                      header: ["starrocks-drift plan: environment \(environment.name) brought to the migrations' head"]
                        + warnings + placeholderHeader(options, used: used))
    }

    /// Offline: `expectedPath` and `actualPath` are each a migrations directory or a `.sql` file.
    public static func run(expectedPath: String, actualPath: String, environment: EnvironmentConfig?,
                           format: PlanFormat) throws -> (output: String, outcome: Outcome) {
        let defaultDatabase = environment?.defaultDatabase ?? SchemaRunner.defaultDatabase
        let expected = try DiffRunner.catalog(at: expectedPath, side: "--expected", environment: environment,
                                              defaultDatabase: defaultDatabase)
        let actual = try DiffRunner.catalog(at: actualPath, side: "--actual", environment: environment,
                                            defaultDatabase: defaultDatabase)
        let history = try? MigrationHistory.load(path: expectedPath)
        let sourceOptions = PlanSources.options(environment: environment, history: history)
        var options = runnable(sourceOptions)
        let used = variablesUsed(sourceOptions)
        if environment != nil { options.diff.databases = nil }
        return render(plan(expected: expected, actual: actual, options: options), format: format,
                      header: ["starrocks-drift plan: \(actualPath) brought to \(expectedPath)"] + placeholderHeader(options, used: used))
    }

    static func render(_ plan: Plan, format: PlanFormat, header: [String]) -> (output: String, outcome: Outcome) {
        let output: String
        switch format {
        case .sql: output = SQLPlanRenderer.render(plan, header: header)
        case .json: output = JSONPlanRenderer.render(plan)
        }
        return (output, plan.isEmpty ? .clean : .drift)
    }

    /// A plan is a script to run against the environment, so `${placeholders}` come back as the environment's values
    /// (a revision written by `revision --autogenerate` keeps them as the migrations write them). The header names
    /// the values used.
    static func runnable(_ options: PlanOptions) -> PlanOptions {
        var copy = options
        copy.placeholderKeys = [:]
        return copy
    }

    /// The placeholders the migrations write for properties that the environment gives a value.
    static func variablesUsed(_ options: PlanOptions) -> [String] {
        Set(options.placeholderKeys.values).filter { options.placeholders[$0] != nil }.sorted()
    }

    /// `the environment's values for the migrations' placeholders: ${replication_num} = "3"`.
    static func placeholderHeader(_ options: PlanOptions, used: [String]) -> [String] {
        guard !used.isEmpty else { return [] }
        return ["the environment's values for the migrations' placeholders: "
            + used.map { "${\($0)} = \"\(options.placeholders[$0]!)\"" }.joined(separator: ", ")]
    }
}
