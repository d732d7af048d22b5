import Foundation
import MigrationHistory
import SchemaModel
import StarRocksClient

/// Sends the pending statements, one at a time: before a statement on a table whose schema-change job is still
/// running it waits for that job; at the end of each revision it waits for every job the revision started and
/// records the revision. The first rejected statement (or cancelled / timed-out job, a server that stays away, an
/// interrupt) stops the run. A lost reply is settled from the server (`LostReplyResolver`): a statement whose effect
/// is there is not sent again, one whose effect is not is sent again, and the record says which and why.
struct UpgradeExecutor {
    let link: WriterLink
    let waiter: JobWaiter
    let resolver: LostReplyResolver
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
        /// The statement (index in the revision's records) it stopped at, when not the one being sent.
        var record: Int?
    }

    /// How many times one statement is sent again after lost replies before the run gives up.
    static let maxResends = 3

    /// Runs every pending statement but those in `skip` (already on the server); fills `result` (records, end
    /// revision, status).
    mutating func apply(pending: PendingRevisions, revisions: [Revision], jobs: [Int: SchemaChangeJob], skip: Set<Int>,
                        recorder: inout VersionRecorder, result: inout UpgradeResult) async {
        var offset = 0
        for (revisionIndex, revision) in revisions.enumerated() {
            let statements = pending.statements(of: revision.id)
            var outstanding: [ObjectName: Outstanding] = [:]
            var onServer = false
            var current = 0
            do {
                for (index, statement) in statements.enumerated() {
                    defer { offset += 1 }
                    current = index
                    let label = "\(environment): revision \(revision.id) [\(index + 1)/\(statements.count)]"
                    if case .use(let use) = statement.parsed.statement { database = use.database }
                    if skip.contains(offset) {
                        onServer = true
                        progress("\(label) already on the server, skipped: \(statement.summary)")
                        if case .use = statement.parsed.statement { try await link.execute(statement.parsed.text) }
                        continue
                    }
                    let targets = PendingRevisions.targets(of: statement.parsed.statement, defaultDatabase: database)
                    for target in targets + (jobs[offset].map { [$0.table] } ?? []) {
                        guard let running = outstanding.removeValue(forKey: target) else { continue }
                        try await wait(running, revision: revisionIndex, result: &result)
                    }
                    var previous: Int?
                    if let job = jobs[offset] { previous = try await newestJob(job) }
                    progress("\(label): \(statement.summary)")
                    let started = Date()
                    let sent = try await send(statement, offset: offset, job: jobs[offset], previous: previous,
                                              outstanding: &outstanding, revision: revisionIndex, record: index,
                                              result: &result)
                    onServer = true
                    result.revisions[revisionIndex].statements[index].status = .ran
                    progress("\(label): ok (\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
                    if let job = jobs[offset], sent.startedJob {
                        outstanding[job.table] = Outstanding(job: job, previous: sent.previous ?? previous, record: index)
                    }
                }
                current = statements.count
                for running in outstanding.values.sorted(by: { $0.record < $1.record }) {
                    try await wait(running, revision: revisionIndex, result: &result)
                }
                outstanding = [:]
                try await record(revision, recorder: &recorder, revisionIndex: revisionIndex, result: &result)
                result.revisions[revisionIndex].status = .applied
                result.endRevision = recorder.rows.joined(separator: ", ")
                progress("\(environment): revision \(revision.id) applied and recorded in \(recorder.table)")
            } catch {
                stop(error, revision: revision, revisionIndex: revisionIndex, statements: statements,
                     current: current, onServer: onServer, result: &result)
                return
            }
        }
        result.status = .done
    }

    /// Fills the result of a stopped run: the half-applied revision and the statement it stopped at.
    private func stop(_ error: Error, revision: Revision, revisionIndex: Int, statements: [PendingStatement],
                      current: Int, onServer: Bool, result: inout UpgradeResult) {
        let stop = error as? Stop
        let at = stop?.record ?? current
        let location = at < statements.count ? statements[at].location : "(recording the revision)"
        let reason = redactor.scrub(stop?.reason ?? "\(error)")
        let records = result.revisions[revisionIndex].statements
        let anyDone = onServer || records.contains { $0.status == .ran || $0.status == .alreadyApplied }
        result.revisions[revisionIndex].status = anyDone ? .halfApplied : .notRun
        result.status = .stopped
        result.stoppedAt = UpgradeStopPoint(revision: revision.id, statement: location)
        var reasons = ["stopped at revision \(revision.id), statement \(location): \(reason)"]
        if anyDone {
            let done = records.filter { $0.status == .ran || $0.status == .alreadyApplied }.map(\.location)
            let notDone = records.filter { $0.status == .notRun || $0.status == .failed }.map(\.location)
            reasons.append("revision \(revision.id) is half-applied: on the server: \(done.joined(separator: ", ")); "
                + "not applied: \(notDone.joined(separator: ", "))")
        }
        result.reasons = reasons
        progress("\(environment): stopped — \(reasons[0])")
    }

    /// Sends one statement; after a lost reply decides from the server whether it took effect and sends it again
    /// only when it did not. Returns whether a job is to be waited for and the JobId it was found under.
    private mutating func send(_ statement: PendingStatement, offset: Int, job: SchemaChangeJob?, previous: Int?,
                               outstanding: inout [ObjectName: Outstanding], revision: Int, record: Int,
                               result: inout UpgradeResult) async throws -> (startedJob: Bool, previous: Int?) {
        var notes: [String] = []
        defer { if !notes.isEmpty { result.revisions[revision].statements[record].note = notes.joined(separator: "; ") } }
        for _ in 0...Self.maxResends {
            do {
                try await link.execute(statement.parsed.text)
                return (true, previous)
            } catch let failure as WriterLink.Failure {
                guard case .replyLost(_, let detail) = failure else { throw failure }
                progress("  the reply was lost (\(redactor.scrub(detail))); deciding from the server whether it took effect")
                try await link.reconnect(after: failure)
                // Jobs started earlier in the revision must finish before the schema can be compared.
                for running in outstanding.values.sorted(by: { $0.record < $1.record }) {
                    try await wait(running, revision: revision, result: &result)
                }
                outstanding = [:]
                let decision = try await resolver.decide(offset: offset, statement: statement, job: job,
                                                         previousJob: previous)
                switch decision {
                case .tookEffect(let why, _):
                    notes.append("reply lost; it took effect: \(why); not sent again")
                    progress("  took effect: \(why); not sent again")
                    return (job != nil, previous)
                case let .notApplied(why):
                    notes.append("reply lost; it did not take effect: \(why); sent again")
                    progress("  did not take effect: \(why); sending it again")
                case let .undecidable(why):
                    notes.append("reply lost; \(why)")
                    result.revisions[revision].statements[record].status = .failed
                    throw Stop(reason: "the reply was lost and \(why): check by hand whether it ran; a re-run sends "
                        + "it again")
                }
            } catch let error as ClientError {
                result.revisions[revision].statements[record].status = .failed
                result.revisions[revision].statements[record].error = redactor.scrub("\(error)")
                throw Stop(reason: "the statement was rejected: \(redactor.scrub("\(error)"))")
            }
        }
        throw Stop(reason: "the reply was lost \(Self.maxResends + 1) times in a row; run upgrade again once the "
            + "server is stable")
    }

    /// Records the revision in the version table; a lost reply is settled by reading the rows back.
    private func record(_ revision: Revision, recorder: inout VersionRecorder, revisionIndex: Int,
                        result: inout UpgradeResult) async throws {
        let steps = recorder.steps(recording: revision)
        result.revisions[revisionIndex].versionStatements = steps.map(\.sql)
        var before = recorder.rows
        for step in steps {
            var attempts = 0
            while true {
                attempts += 1
                do {
                    try await link.execute(step.sql)
                    break
                } catch let failure as WriterLink.Failure {
                    guard case .replyLost = failure, attempts <= Self.maxResends else { throw failure }
                    try await link.reconnect(after: failure)
                    guard let after = step.rowsAfter else {
                        // CREATE TABLE IF NOT EXISTS: the table answering a SELECT means it took effect.
                        if (try? await versionRows(recorder)) != nil {
                            progress("  the reply to the version table's CREATE was lost; the table exists")
                            break
                        }
                        continue
                    }
                    let rows = try await versionRows(recorder)
                    if rows.sorted() == after.sorted() {
                        progress("  the reply to \(UpgradeResult.oneLine(step.sql)) was lost; the version table shows it took effect")
                        break
                    }
                    guard rows.sorted() == before.sorted() else {
                        throw Stop(reason: "the reply to \(UpgradeResult.oneLine(step.sql)) was lost and \(recorder.table) "
                            + "now holds \(rows.joined(separator: ", ")): fix the version table by hand, then run upgrade again")
                    }
                    progress("  the reply to \(UpgradeResult.oneLine(step.sql)) was lost; the version table shows it did "
                        + "not take effect: sending it again")
                } catch let error as ClientError {
                    throw Stop(reason: "every statement of revision \(revision.id) is on the server but recording it in "
                        + "\(recorder.table) failed: \(redactor.scrub("\(error)"))")
                }
            }
            if let after = step.rowsAfter { before = after }
        }
        recorder.exists = true
        recorder.rows = steps.last?.rowsAfter ?? recorder.rows
    }

    /// The version table's rows now.
    private func versionRows(_ recorder: VersionRecorder) async throws -> [String] {
        let result = try await link.query(recorder.selectStatement)
        return result.rows.compactMap { $0.first ?? nil }
    }

    /// The newest JobId of the job's table before the statement runs.
    private func newestJob(_ job: SchemaChangeJob) async throws -> Int? {
        do {
            return try await waiter.newest(job)?.id
        } catch let failure as WriterLink.Failure {
            throw failure
        } catch {
            throw Stop(reason: "cannot read \(JobWaiter.query(job)): \(redactor.scrub("\(error)"))")
        }
    }

    /// Waits for a job and records the wait on its statement; a cancelled or timed-out job stops the run.
    private func wait(_ running: Outstanding, revision: Int, result: inout UpgradeResult) async throws {
        do {
            let waited = try await waiter.wait(for: running.job, after: running.previous)
            result.revisions[revision].statements[running.record].waitedSeconds = (waited * 10).rounded() / 10
            progress("  \(running.job.kind.rawValue.lowercased()) job on \(running.job.table) finished after "
                + "\(String(format: "%.1f", waited)) s")
        } catch let failure as JobWaiter.Failure {
            let message = Self.describe(failure, job: running.job)
            result.revisions[revision].statements[running.record].status = .failed
            result.revisions[revision].statements[running.record].error = redactor.scrub(message)
            throw Stop(reason: redactor.scrub(message), record: running.record)
        } catch let failure as WriterLink.Failure {
            throw Stop(reason: "\(failure)", record: running.record)
        } catch {
            throw Stop(reason: "cannot read \(JobWaiter.query(running.job)): \(redactor.scrub("\(error)"))",
                       record: running.record)
        }
    }

    /// A job failure in words, with what to do.
    static func describe(_ failure: JobWaiter.Failure, job: SchemaChangeJob) -> String {
        switch failure {
        case let .cancelled(id, text):
            return "\(job.kind.rawValue.lowercased()) job \(id) on \(job.table) was CANCELLED: "
                + "\(text.isEmpty ? "(no message)" : text); the table keeps its old schema: fix the cause, then run "
                + "upgrade again (the statement is sent again)"
        case let .timedOut(id, state, seconds):
            return "\(job.kind.rawValue.lowercased()) job \(id) on \(job.table) is still \(state) after \(seconds) s "
                + "(upgrade.job_timeout_s); it keeps running on the server: run upgrade again — it waits for the job "
                + "and goes on"
        }
    }
}
