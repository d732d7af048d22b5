import Foundation
import MigrationHistory
import SchemaModel
import StarRocksClient

/// Sends the pending statements, one at a time: before a statement on a table whose schema-change job is still
/// running it waits for that job; at the end of each revision it waits for every job the revision started and
/// records the revision. The first rejected statement (or cancelled / timed-out job) stops the run.
struct UpgradeExecutor {
    let writer: SchemaWriter
    let waiter: JobWaiter
    let progress: Progress
    let environment: String
    /// The database unqualified names belong to (until a `USE`).
    var database: String
    let redactor: Redactor

    /// A job started by the statement at `record` (index in the revision's records), with the newest JobId before it.
    struct Outstanding {
        var job: SchemaChangeJob
        var previous: Int?
        var record: Int
    }

    /// Why the run stopped.
    struct Stop: Error {
        var reason: String
    }

    /// Runs everything after the first `skip` statements; fills `result` (records, end revision, status).
    mutating func apply(pending: PendingRevisions, revisions: [Revision], jobs: [Int: SchemaChangeJob], skip: Int,
                        recorder: inout VersionRecorder, result: inout UpgradeResult) async {
        var offset = 0
        for (revisionIndex, revision) in revisions.enumerated() {
            let statements = pending.statements(of: revision.id)
            var outstanding: [ObjectName: Outstanding] = [:]
            var onServer = false
            do {
                for (index, statement) in statements.enumerated() {
                    defer { offset += 1 }
                    let label = "\(environment): revision \(revision.id) [\(index + 1)/\(statements.count)]"
                    if case .use(let use) = statement.parsed.statement { database = use.database }
                    if offset < skip {
                        onServer = true
                        progress("\(label) already on the server, skipped: \(statement.summary)")
                        if case .use = statement.parsed.statement { try await send(statement.parsed.text) }
                        continue
                    }
                    let targets = PendingRevisions.targets(of: statement.parsed.statement,
                                                           defaultDatabase: database)
                    for target in targets + (jobs[offset].map { [$0.table] } ?? []) {
                        guard let running = outstanding.removeValue(forKey: target) else { continue }
                        try await wait(running, revision: revisionIndex, result: &result)
                    }
                    var previous: Int?
                    if let job = jobs[offset] {
                        previous = try await newestJob(job)
                    }
                    progress("\(label): \(statement.summary)")
                    let started = Date()
                    do {
                        try await send(statement.parsed.text)
                    } catch {
                        result.revisions[revisionIndex].statements[index].status = .failed
                        result.revisions[revisionIndex].statements[index].error = redactor.scrub("\(error)")
                        throw Stop(reason: "revision \(revision.id): the statement at \(statement.location) was rejected: "
                            + redactor.scrub("\(error)"))
                    }
                    onServer = true
                    result.revisions[revisionIndex].statements[index].status = .ran
                    progress("\(label): ok (\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
                    if let job = jobs[offset] {
                        outstanding[job.table] = Outstanding(job: job, previous: previous, record: index)
                    }
                }
                for running in outstanding.values.sorted(by: { $0.record < $1.record }) {
                    try await wait(running, revision: revisionIndex, result: &result)
                }
                outstanding = [:]
                let version = recorder.statements(recording: revision)
                result.revisions[revisionIndex].versionStatements = version.sql
                for sql in version.sql {
                    do {
                        try await send(sql)
                    } catch {
                        throw Stop(reason: "revision \(revision.id): every statement is on the server but recording it "
                            + "in \(recorder.table) failed: \(redactor.scrub("\(error)"))")
                    }
                }
                recorder.exists = true
                recorder.rows = version.rows
                result.revisions[revisionIndex].status = .applied
                result.endRevision = version.rows.joined(separator: ", ")
                progress("\(environment): revision \(revision.id) applied and recorded in \(recorder.table)")
            } catch {
                let reason = (error as? Stop)?.reason ?? redactor.scrub("\(error)")
                let records = result.revisions[revisionIndex].statements
                let anyDone = onServer || records.contains { $0.status == .ran || $0.status == .alreadyApplied }
                result.revisions[revisionIndex].status = anyDone ? .halfApplied : .notRun
                result.status = .stopped
                var reasons = [reason]
                if anyDone {
                    let done = records.filter { $0.status == .ran || $0.status == .alreadyApplied }.map(\.location)
                    let notDone = records.filter { $0.status == .notRun || $0.status == .failed }.map(\.location)
                    reasons.append("revision \(revision.id) is half-applied: on the server: \(done.joined(separator: ", ")); "
                        + "not applied: \(notDone.joined(separator: ", "))")
                }
                result.reasons = reasons
                progress("\(environment): stopped — \(reason)")
                return
            }
        }
        result.status = .done
    }

    /// Sends one statement as the writer.
    private func send(_ sql: String) async throws {
        try await writer.execute(sql)
    }

    /// The newest JobId of the job's table before the statement runs.
    private func newestJob(_ job: SchemaChangeJob) async throws -> Int? {
        do {
            return try await waiter.newest(job)?.id
        } catch {
            throw Stop(reason: "cannot read \(JobWaiter.query(job)): \(redactor.scrub("\(error)"))")
        }
    }

    /// Waits for a job and records the wait on its statement; a cancelled or timed-out job stops the run.
    private func wait(_ running: Outstanding, revision: Int, result: inout UpgradeResult) async throws {
        do {
            let waited = try await waiter.wait(for: running.job, after: running.previous)
            result.revisions[revision].statements[running.record].waitedSeconds = (waited * 10).rounded() / 10
            progress("  schema-change job on \(running.job.table) finished after \(String(format: "%.1f", waited)) s")
        } catch let failure as JobWaiter.Failure {
            let message: String
            switch failure {
            case let .cancelled(id, text):
                message = "schema-change job \(id) on \(running.job.table) was CANCELLED: \(text.isEmpty ? "(no message)" : text)"
            case let .timedOut(id, state, seconds):
                message = "schema-change job \(id) on \(running.job.table) is still \(state) after \(seconds) s "
                    + "(upgrade.job_timeout_s); it keeps running on the server: run upgrade again once "
                    + "\(JobWaiter.query(running.job)) shows it FINISHED"
            }
            result.revisions[revision].statements[running.record].status = .failed
            result.revisions[revision].statements[running.record].error = redactor.scrub(message)
            throw Stop(reason: redactor.scrub(message))
        } catch {
            throw Stop(reason: "cannot read \(JobWaiter.query(running.job)): \(redactor.scrub("\(error)"))")
        }
    }
}
