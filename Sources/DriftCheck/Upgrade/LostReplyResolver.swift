import Foundation
import SchemaDiff
import SchemaModel

/// Decides whether a statement whose reply was lost took effect, from what the server shows — never by sending it
/// again to see: a statement that starts a schema-change job took effect when the job list shows a job newer than
/// the one listed before it was sent; otherwise the schema tells (the recorded revision plus the pending statements
/// up to and including this one must match the server on the objects they touch — the same comparison a re-run's
/// resume makes). A statement without a schema effect (DML) leaves no trace: undecidable.
struct LostReplyResolver {
    let waiter: JobWaiter
    let preflight: UpgradePreflight
    /// The revisions recorded when the run started (what the pending statements apply on top of).
    let recorded: [String]
    let options: DiffOptions
    /// Reads the server's schema now, without the version table, the lock and objects the model cannot compare.
    let readActual: @Sendable () async throws -> Catalog

    /// What the server says about the statement.
    enum Decision {
        /// Its effect is there (or its job is listed): not sent again. The job row, when one was found.
        case tookEffect(why: String, job: JobWaiter.JobRow?)
        /// Its effect is not there: sent again.
        case notApplied(why: String)
        /// Nothing on the server can tell.
        case undecidable(why: String)
    }

    /// Decides for the pending statement at `offset` (its job, if it starts one, and the newest JobId before it).
    func decide(offset: Int, statement: PendingStatement, job: SchemaChangeJob?, previousJob: Int?) async throws
        -> Decision {
        if case .use = statement.parsed.statement { return .notApplied(why: "USE only selects a database") }
        guard statement.hasSchemaEffect else {
            return .undecidable(why: "a statement without a schema effect leaves nothing on the server to tell "
                + "whether it ran")
        }
        if let job, let row = try await waiter.newest(job), row.id > (previousJob ?? Int.min) {
            return .tookEffect(why: "\(JobWaiter.query(job)) lists job \(row.id) (\(row.state)), started after the "
                + "statement was sent", job: row)
        }
        let actual = try await readActual()
        let resume = try preflight.resume(recorded: recorded, actual: actual, options: options)
        if resume.applied.contains(offset) {
            return .tookEffect(why: "its effect is on the server (the schema matches the history up to and including "
                + "it)", job: nil)
        }
        return .notApplied(why: "its effect is not on the server (the schema matches the history only up to the "
            + "statement before it)" + (job.map { "; \(JobWaiter.query($0)) lists no new job" } ?? ""))
    }
}
