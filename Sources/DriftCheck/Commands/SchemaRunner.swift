import MigrationHistory
import SchemaModel

/// `schema`: the expected schema at a revision, as canonical DDL.
public enum SchemaRunner {
    /// Canonical DDL of the expected schema at `revision` (`nil` or "head" = the head).
    public static func render(migrationsPath: String, revision: String?, environment: EnvironmentConfig?,
                              skipped: ((String) -> Void)? = nil) throws -> String {
        let history: MigrationHistory
        history = try MigrationHistory.load(path: migrationsPath)
        let target = (revision == nil || revision == "head") ? nil : revision
        if let target, !history.contains(target) {
            throw DriftCheckError.unknownRevision(target, head: history.head)
        }
        let result = try history.replay(at: target, variables: environment?.variables ?? [:],
                                        environment: environment?.name,
                                        defaultDatabase: environment?.defaultDatabase ?? defaultDatabase)
        if let skipped { SkippedStatements.lines(result.skipped).forEach(skipped) }
        return CanonicalDDL.catalog(result.catalog)
    }

    /// The database unqualified objects go to when no environment says otherwise.
    public static let defaultDatabase = "default"
}
