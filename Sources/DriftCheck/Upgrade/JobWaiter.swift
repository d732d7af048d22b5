import Foundation
import SchemaModel
import StarRocksClient

/// Waits for StarRocks schema-change jobs by polling `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE`: a job is done when
/// its `State` is FINISHED; CANCELLED stops the run with the job's `Msg` (docs/starrocks-behaviour.md#schema-change-jobs,
/// docs/SCHEMA-CHANGE-JOBS.md). Polls survive a lost connection (the link reconnects) and stop when the run is
/// interrupted.
struct JobWaiter {
    let link: WriterLink
    /// Seconds between polls.
    let pollInterval: Double
    /// `upgrade.job_timeout_s`.
    let timeoutSeconds: Int
    let progress: Progress

    /// Terminal job states (`AlterJobV2.JobState`).
    static let finished = "FINISHED"
    static let cancelled = "CANCELLED"

    /// Whether a job in `state` is still going (not FINISHED or CANCELLED).
    static func isActive(_ state: String) -> Bool { state != finished && state != cancelled }

    /// The statement listing `table`'s jobs of `kind`.
    static func query(_ job: SchemaChangeJob) -> String {
        "SHOW ALTER TABLE \(job.kind.rawValue) FROM \(SQLName.identifier(job.table.database)) "
            + "WHERE TableName = \"\(job.table.name)\""
    }

    /// One row of `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE`.
    struct JobRow {
        var id: Int
        var state: String
        var message: String
    }

    /// The newest job of `job.table` (highest JobId), or `nil` when the table has none.
    func newest(_ job: SchemaChangeJob) async throws -> JobRow? {
        let result = try await link.query(Self.query(job))
        var best: JobRow?
        for row in result.rows.indices {
            guard let id = result.value(row, "JobId").flatMap({ Int($0) }) else { continue }
            if let current = best, current.id >= id { continue }
            best = JobRow(id: id, state: (result.value(row, "State") ?? "").uppercased(),
                          message: result.value(row, "Msg") ?? "")
        }
        return best
    }

    /// Why a wait ended without the job finishing.
    enum Failure: Error {
        case cancelled(id: Int, message: String)
        case timedOut(id: Int, state: String, seconds: Int)
    }

    /// Waits until the job started after `previous` (the newest JobId before the statement) finishes; returns the
    /// seconds waited. No newer job means the statement started none (fast schema evolution): nothing to wait for.
    func wait(for job: SchemaChangeJob, after previous: Int?) async throws -> Double {
        let started = Date()
        var lastReport = -1.0
        while true {
            guard let row = try await newest(job), row.id > (previous ?? Int.min) else {
                return Date().timeIntervalSince(started)
            }
            let waited = Date().timeIntervalSince(started)
            if row.state == Self.finished { return waited }
            if row.state == Self.cancelled { throw Failure.cancelled(id: row.id, message: row.message) }
            if waited >= Double(timeoutSeconds) {
                throw Failure.timedOut(id: row.id, state: row.state, seconds: timeoutSeconds)
            }
            if lastReport < 0 || waited - lastReport >= 10 {
                progress("  waiting for schema-change job \(row.id) on \(job.table) (\(row.state), "
                    + "\(String(format: "%.1f", waited)) s; SHOW ALTER TABLE \(job.kind.rawValue))")
                lastReport = waited
            }
            if let signal = link.interrupt.reason { throw WriterLink.Failure.interrupted(signal: signal) }
            try? await Task.sleep(nanoseconds: UInt64(pollInterval * 1_000_000_000))
        }
    }
}

/// Backquoted identifiers for the statements `upgrade` writes itself.
enum SQLName {
    /// `` `name` `` with backquotes doubled inside.
    static func identifier(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// `` `db`.`name` ``.
    static func qualified(_ name: ObjectName) -> String {
        identifier(name.database) + "." + identifier(name.name)
    }

    /// `'text'` with quotes and backslashes escaped.
    static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}
