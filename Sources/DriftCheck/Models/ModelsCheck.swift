import DriftReport
import Findings
import Foundation
import MigrationHistory
import SchemaDiff
import SchemaModel

/// `check --models`: the SQLAlchemy models compared with the migrations' head, offline (no database). Each
/// difference becomes a `model_not_migrated` finding: the models make a change that no revision makes.
enum ModelsCheck {
    /// Compares the models of `reference` (compiled with `provider`) with the head of `history`. Never throws: models
    /// that cannot be read give status `error` with the reason.
    static func run(_ reference: ModelsReference, provider: ModelsProvider, history: MigrationHistory,
                    migrationsPath: String, failOn: Severity) -> ModelsResult {
        let source = reference.description
        // Offline on both sides: `${name}` placeholders stay as written and compare equal.
        let reader = SourceReader(environmentsDirectory: "", valuesEnvironment: nil, reader: LiveStateReader(),
                                  models: provider)
        let defaultDatabase = SchemaRunner.defaultDatabase
        let ddl: ModelsDDL
        let head: Catalog, models: Catalog
        do {
            ddl = try provider.ddl(for: reference)
            head = try reader.replay(history, side: "--migrations", path: migrationsPath,
                                     defaultDatabase: defaultDatabase)
            models = try reader.replay(try ModelsProvider.history(ddl, reference: reference),
                                       side: "--models", path: source, defaultDatabase: defaultDatabase)
        } catch {
            return ModelsResult(source: source, status: .error, error: "\(error)")
        }
        let comparison = diff(expected: head, actual: models)
        let findings = comparison.findings.map { notMigrated($0, source: source) }
        let failing = findings.contains { $0.severity >= failOn }
        return ModelsResult(source: source, status: failing ? .drift : .clean, versions: ddl.versions,
                            objectsCompared: comparison.comparedObjects, findings: findings,
                            notCompared: comparison.notCompared)
    }

    /// A difference between the head (expected) and the models (actual) as a `model_not_migrated` finding that
    /// names what the models change and how to generate the revision.
    static func notMigrated(_ finding: Finding, source: String) -> Finding {
        let change = finding.kind.rawValue.replacingOccurrences(of: "_", with: " ")
        return Finding(kind: .modelNotMigrated, severity: FindingKind.modelNotMigrated.defaultSeverity,
                       object: finding.object, expected: finding.expected, actual: finding.actual,
                       message: "the models change \(finding.object) (\(change)); no revision does: run "
                        + "`alembic revision --autogenerate` and commit the revision with the model change",
                       fixNote: "expected is the migrations' head, actual is the models; without a database: "
                        + "starrocks-drift revision -m MESSAGE --autogenerate --format alembic --from models:\(source)")
    }
}
