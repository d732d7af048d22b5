import Foundation
import SchemaModel

/// `inspect`: an environment's actual schema as canonical DDL.
public enum InspectRunner {
    /// The canonical DDL, plus notes about what could not be read (for stderr).
    public static func render(environment: EnvironmentConfig,
                              reader: any ActualStateReading = LiveStateReader()) async throws -> (ddl: String, notes: [String]) {
        let password = try environment.password()
        var redactor = Redactor()
        redactor.add(password)
        do {
            let state = try await reader.read(environment, password: password)
            let notes = state.notChecked.map { "not read: \($0.object): \($0.reason)" }
            return (CanonicalDDL.catalog(state.catalog), notes)
        } catch {
            throw DriftCheckError.environmentUnreadable(environment: environment.name, reason: redactor.scrub("\(error)"))
        }
    }
}
