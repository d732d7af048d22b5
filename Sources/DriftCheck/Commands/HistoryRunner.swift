import StarRocksClient
import Foundation
import MigrationHistory

/// `history`: the revision graph, the head, and where each environment stands.
public enum HistoryRunner {
    public static func render(migrationsPath: String, environments: [EnvironmentConfig],
                              reader: any ActualStateReading = LiveStateReader()) async throws -> (String, Outcome) {
        let history: MigrationHistory
        history = try MigrationHistory.load(path: migrationsPath)
        var lines = ["head: \(history.head)", ""]
        let width = history.orderedRevisions.map(\.id.count).max() ?? 0
        for revision in history.orderedRevisions {
            let id = revision.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let parents = revision.parents.isEmpty ? "(base)" : "<- " + revision.parents.joined(separator: ", ")
            var tags: [String] = []
            if revision.isMerge { tags.append("merge") }
            if revision.id == history.head { tags.append("head") }
            let tagText = tags.isEmpty ? "" : " [\(tags.joined(separator: ", "))]"
            let file = (revision.file as NSString).lastPathComponent
            lines.append("\(id)  \(parents)\(tagText)  \(revision.message)  (\(file))")
        }
        var outcome = Outcome.clean
        if !environments.isEmpty {
            lines.append("")
            lines.append("environments:")
            for environment in environments {
                let (line, envOutcome) = await position(of: environment, history: history, reader: reader)
                lines.append("  \(environment.name): \(line)")
                outcome = outcome.combined(with: envOutcome)
            }
        }
        return (lines.joined(separator: "\n") + "\n", outcome)
    }

    static func position(of environment: EnvironmentConfig, history: MigrationHistory,
                         reader: any ActualStateReading = LiveStateReader()) async -> (String, Outcome) {
        let password: Secret?
        do {
            password = try environment.password()
        } catch {
            return ("error — \(error)", .couldNotCheck)
        }
        let state: ActualState
        do {
            state = try await reader.read(environment, password: password)
        } catch {
            var redactor = Redactor()
            redactor.add(password)
            return ("unreachable — \(redactor.scrub("\(error)"))", .couldNotCheck)
        }
        let position = RevisionPosition.locate(
            rows: state.operational.versionRows, problem: state.operational.versionTableProblem,
            table: environment.versionTableName, history: history)
        if let pending = position.pending {
            if pending.isEmpty { return ("at head \(history.head)", .clean) }
            return ("at \(position.revision ?? "?"), \(pending.count) behind (pending: \(pending.joined(separator: ", ")))", .clean)
        }
        let message = position.findings.first?.message ?? "revision unknown"
        return (message, .drift)
    }
}
