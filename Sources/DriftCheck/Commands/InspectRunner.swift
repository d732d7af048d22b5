import Foundation
import SchemaModel

/// What `inspect` prints.
public enum InspectFormat: String, Sendable, CaseIterable {
    /// Canonical DDL; a SQLAlchemy `models.py`.
    case sql, sqlalchemy
}

/// `inspect`: an environment's actual schema as canonical DDL or as SQLAlchemy models.
public enum InspectRunner {
    /// The canonical DDL (or, with `format` `.sqlalchemy`, a SQLAlchemy `models.py`), plus notes about what could not
    /// be read or written (for stderr).
    public static func render(environment: EnvironmentConfig, format: InspectFormat = .sql, style: ModelsStyle = .core,
                              reader: any ActualStateReading = LiveStateReader()) async throws -> (ddl: String, notes: [String]) {
        let password = try environment.password()
        var redactor = Redactor()
        redactor.add(password)
        do {
            let state = try await reader.read(environment, password: password)
            let notes = state.notChecked.map { "not read: \($0.object): \($0.reason)" }
            switch format {
            case .sql:
                return (CanonicalDDL.catalog(state.catalog), notes)
            case .sqlalchemy:
                // The version table belongs to the migration tool, not to the models.
                let catalog = EnvironmentChecker.removing(environment.versionTableName, from: state.catalog)
                let writer = SQLAlchemyModelsWriter(style: style, defaultDatabase: environment.defaultDatabase)
                let (text, skipped) = writer.write(catalog, title: "environment \(environment.name)",
                                                   unread: state.notChecked.map { "\($0.object): \($0.reason)" })
                return (text, notes + skipped.map { "not written (the starrocks dialect cannot express it): \($0)" })
            }
        } catch {
            throw DriftCheckError.environmentUnreadable(environment: environment.name, reason: redactor.scrub("\(error)"))
        }
    }
}
