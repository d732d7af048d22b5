import MigrationHistory

/// The `--verbose` listing of migration statements skipped as having no schema effect (DML, SET, GRANT, ...).
public enum SkippedStatements {
    /// One line per skipped statement: `file:line: skipped (no schema effect, revision r): first line`.
    public static func lines(_ skipped: [SkippedStatement]) -> [String] {
        skipped.map { item in
            let location = item.statement.location
            let firstLine = item.statement.text.split(separator: "\n").first.map(String.init) ?? ""
            return "\(location.file):\(location.line): skipped (no schema effect, revision \(item.revision)): \(firstLine)"
        }
    }

    /// The skipped statements of replaying `history` to its head.
    public static func atHead(_ history: MigrationHistory, environment: EnvironmentConfig?) -> [String] {
        let result = try? history.replay(at: nil, variables: environment?.variables ?? [:],
                                         environment: environment?.name,
                                         defaultDatabase: environment?.defaultDatabase ?? SchemaRunner.defaultDatabase)
        return lines(result?.skipped ?? [])
    }
}
