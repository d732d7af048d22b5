import Findings
import Foundation
import MigrationHistory
import SchemaModel

/// One side of a comparison, read: its catalog and what it could not show.
struct ResolvedSource: Sendable {
    /// The schema.
    var catalog: Catalog
    /// The environment of an `env:` source.
    var environment: EnvironmentConfig?
    /// The migration history of a path source (for its placeholders), when it is one.
    var history: MigrationHistory?
    /// Objects of a live side that could not be read or parsed, with the reason.
    var notChecked: [NotCompared] = []
    /// Objects left out on both sides: the version table of a live side, objects it could not read.
    var removed: [ObjectName] = []
    /// The server version a live side reported.
    var serverVersion: String?
}

/// Reads schema sources: migrations directories and `.sql` files (replayed), environments (read-only, live) and
/// SQLAlchemy models (through the Python provider).
struct SourceReader: Sendable {
    /// Directory of environment files for `env:NAME`.
    var environmentsDirectory: String
    /// Environments already looked up by name (an `env:` side found here is not read from the directory again).
    var environments: [String: EnvironmentConfig] = [:]
    /// The environment whose `variables` fill placeholders of replayed sources.
    var valuesEnvironment: EnvironmentConfig?
    /// Reads live environments.
    var reader: any ActualStateReading
    /// Runs the models provider.
    var models: ModelsProvider

    /// Reads `source`; `side` (`--expected`) prefixes errors.
    func read(_ source: SchemaSource, side: String) async throws -> ResolvedSource {
        let defaultDatabase = valuesEnvironment?.defaultDatabase ?? SchemaRunner.defaultDatabase
        switch source {
        case .path(let path):
            let history = try Self.history(at: path, side: side)
            return ResolvedSource(catalog: try replay(history, side: side, path: path, defaultDatabase: defaultDatabase),
                                  history: history)
        case .models(let reference):
            let ddl = try models.ddl(for: reference)
            let history = try ModelsProvider.history(ddl, reference: reference)
            return ResolvedSource(catalog: try replay(history, side: side, path: "models:\(reference)",
                                                      defaultDatabase: defaultDatabase))
        case .environment(let name):
            return try await live(environments[name] ?? Self.environment(name, side: side, in: environmentsDirectory))
        }
    }

    /// The environment `env:NAME` names; a name the directory does not hold is an input error of `side`.
    static func environment(_ name: String, side: String, in directory: String) throws -> EnvironmentConfig {
        do {
            return try EnvironmentLookup.find(name, in: directory)
        } catch {
            throw DriftCheckError.input(side: side, path: "env:\(name)", reason: "\(error)")
        }
    }

    /// The migration history at `path`; one that cannot be loaded is an input error of `side`.
    static func history(at path: String, side: String) throws -> MigrationHistory {
        do {
            return try MigrationHistory.load(path: path)
        } catch {
            throw DriftCheckError.input(side: side, path: path, reason: "\(error)")
        }
    }

    /// An environment's live schema, read-only; the message of a failure names the environment, scrubbed of its
    /// password.
    func live(_ environment: EnvironmentConfig) async throws -> ResolvedSource {
        let password = try environment.password()
        var redactor = Redactor()
        redactor.add(password)
        let state: ActualState
        do {
            state = try await reader.read(environment, password: password)
        } catch {
            throw DriftCheckError.environmentUnreadable(environment: "env:\(environment.name)",
                                                       reason: redactor.scrub("\(error)"))
        }
        return ResolvedSource(catalog: state.catalog, environment: environment, notChecked: state.notChecked,
                              removed: [environment.versionTableName] + state.uncomparable,
                              serverVersion: state.serverVersion)
    }

    /// Replays `history` to its head. With an environment its `variables` fill the placeholders; without one (two
    /// offline sources: migrations against models, say) each `${name}` is kept as written on both sides, so equal
    /// placeholders compare equal.
    func replay(_ history: MigrationHistory, side: String, path: String, defaultDatabase: String) throws -> Catalog {
        try Self.replay(history, side: side, path: path,
                        variables: valuesEnvironment?.variables ?? Self.literalPlaceholders(history),
                        environment: valuesEnvironment?.name, defaultDatabase: defaultDatabase)
    }

    /// `history` replayed to its head with `variables` for its placeholders; a failure is an input error of `side`.
    static func replay(_ history: MigrationHistory, side: String, path: String, variables: [String: String],
                       environment: String?, defaultDatabase: String) throws -> Catalog {
        do {
            return try history.expectedCatalog(at: nil, variables: variables, environment: environment,
                                               defaultDatabase: defaultDatabase)
        } catch {
            throw DriftCheckError.input(side: side, path: path, reason: "\(error)")
        }
    }

    /// Every `${name}` the history's SQL writes, mapped to itself.
    static func literalPlaceholders(_ history: MigrationHistory) -> [String: String] {
        var out: [String: String] = [:]
        let texts = history.orderedRevisions.map(\.sql) + (history.versionTable.map { [$0.sql] } ?? [])
        for text in texts {
            for match in text.matches(of: /\$\{([A-Za-z0-9_]+)\}/) {
                out[String(match.1)] = "${\(match.1)}"
            }
        }
        return out
    }
}
