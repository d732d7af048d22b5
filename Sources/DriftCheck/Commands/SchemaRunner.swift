import MigrationHistory
import SchemaModel

/// `schema`: the expected schema at a revision, as canonical DDL.
public enum SchemaRunner {
    /// Canonical DDL of the expected schema at `revision` (`nil` or "head" = the head).
    public static func render(migrationsPath: String, revision: String?, environment: EnvironmentConfig?) throws -> String {
        let history: MigrationHistory
        do {
            history = try MigrationHistory.load(path: migrationsPath)
        } catch {
            throw DriftCheckError("\(error)")
        }
        let target = (revision == nil || revision == "head") ? nil : revision
        if let target, !history.contains(target) {
            throw DriftCheckError("unknown revision '\(target)' (--revision); the head is \(history.head); `starrocks-drift history` lists the revisions")
        }
        do {
            let catalog = try history.expectedCatalog(at: target, variables: environment?.variables ?? [:],
                                                      environment: environment?.name,
                                                      defaultDatabase: environment?.databases.first ?? defaultDatabase)
            return CanonicalDDL.catalog(catalog)
        } catch {
            throw DriftCheckError("\(error)")
        }
    }

    /// The database unqualified objects go to when no environment says otherwise.
    public static let defaultDatabase = "default"
}
