import Foundation

/// What happened to one statement of an upgrade.
public enum UpgradeStatementStatus: String, Sendable, Hashable, Codable {
    /// Sent and accepted (and its schema-change job finished).
    case ran
    /// Its effect was already on the server (a previous run or a person applied it): not sent.
    case alreadyApplied = "already_applied"
    /// Rejected by the server, or its job was cancelled or did not finish in time.
    case failed
    /// Not sent: the run stopped earlier.
    case notRun = "not_run"
    /// `--dry-run`: would be sent.
    case wouldRun = "would_run"
}

/// One statement of an upgrade and what happened to it.
public struct UpgradeStatementRecord: Sendable, Hashable, Codable {
    /// `file:line`.
    public var location: String
    /// The statement as sent (placeholders filled in).
    public var sql: String
    public var status: UpgradeStatementStatus
    /// `db.table (SHOW ALTER TABLE COLUMN)` when the statement starts a schema-change job waited for.
    public var waitsFor: String?
    /// Seconds spent waiting for its job.
    public var waitedSeconds: Double?
    /// The server's error or the job's message, when it failed.
    public var error: String?
    /// What was decided about it and why (after a lost reply: whether it took effect).
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case location, sql, status, error, note
        case waitsFor = "waits_for"
        case waitedSeconds = "waited_seconds"
    }
}

/// What happened to one pending revision.
public enum UpgradeRevisionStatus: String, Sendable, Hashable, Codable {
    /// Every statement ran (or was already there) and the revision is recorded.
    case applied
    /// Some statements are on the server, others not, and the revision is not recorded: run `upgrade` again.
    case halfApplied = "half_applied"
    /// Nothing of it ran.
    case notRun = "not_run"
    /// `--dry-run`: would be applied.
    case wouldApply = "would_apply"
}

/// One pending revision and its statements.
public struct UpgradeRevisionRecord: Sendable, Hashable, Codable {
    public var revision: String
    public var message: String
    public var status: UpgradeRevisionStatus
    public var statements: [UpgradeStatementRecord]
    /// The version-table statements that record it.
    public var versionStatements: [String]

    enum CodingKeys: String, CodingKey {
        case revision, message, status, statements
        case versionStatements = "version_statements"
    }
}

/// Where a stopped run stopped: the revision and the statement (`file:line`).
public struct UpgradeStopPoint: Sendable, Hashable, Codable {
    /// The revision being applied.
    public var revision: String
    /// `file:line` of the statement, or `(recording the revision)`.
    public var statement: String
}

/// The overall result of `upgrade`.
public enum UpgradeStatus: String, Sendable, Hashable, Codable {
    /// At the target revision (nothing was pending, or everything applied).
    case done
    /// `--dry-run` printed what would run.
    case dryRun = "dry_run"
    /// Stopped part-way: a statement was rejected or a job failed (exit 1).
    case stopped
    /// Refused before writing anything, or could not start (exit 2).
    case refused
}

/// What `upgrade` did, for the text output and the JSON summary.
public struct UpgradeResult: Sendable, Hashable, Codable {
    public var formatVersion = 1
    public var environment: String
    public var status: UpgradeStatus
    /// The revision(s) recorded before the run (`nil`: no version table or no rows).
    public var startRevision: String?
    /// The target revision.
    public var targetRevision: String?
    /// The revision(s) recorded at the end.
    public var endRevision: String?
    /// Why the run was refused or stopped.
    public var reasons: [String] = []
    public var revisions: [UpgradeRevisionRecord] = []
    public var dryRun: Bool = false
    /// Where a stopped run stopped.
    public var stoppedAt: UpgradeStopPoint?
    /// Things the user should know that did not stop the run (a lock taken over, jobs of an earlier run waited for).
    public var warnings: [String] = []
    /// How many times the writer connection was re-established during the run.
    public var reconnects = 0

    /// The exit outcome: 0 at the target (or a dry run), 1 stopped part-way, 2 refused.
    public var outcome: Outcome {
        switch status {
        case .done, .dryRun: return .clean
        case .stopped: return .drift
        case .refused: return .couldNotCheck
        }
    }

    /// The revision left half-applied, if any.
    public var halfApplied: UpgradeRevisionRecord? { revisions.first { $0.status == .halfApplied } }

    enum CodingKeys: String, CodingKey {
        case environment, status, reasons, revisions
        case formatVersion = "format_version"
        case startRevision = "start_revision"
        case targetRevision = "target_revision"
        case endRevision = "end_revision"
        case dryRun = "dry_run"
        case stoppedAt = "stopped_at"
        case warnings, reconnects
    }

    /// The JSON summary (stable keys, pretty-printed).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The report for people: one verdict line, then each revision and its statements.
    public func text() -> String {
        var lines: [String] = []
        let start = startRevision ?? "none"
        let target = targetRevision ?? "head"
        switch status {
        case .done where revisions.isEmpty:
            // `--to` an earlier revision: say where the environment is, not only the target.
            let past = startRevision.map { $0 != target && targetRevision != nil } ?? false
            lines.append("upgrade \(environment): already at \(past ? "\(start), at or past the target \(target)" : target); nothing to do")
        case .done:
            lines.append("upgrade \(environment): \(start) -> \(endRevision ?? target): \(revisions.count) revision(s) applied")
        case .dryRun:
            lines.append("upgrade \(environment) (dry run, nothing written): \(start) -> \(target): \(revisions.count) revision(s) would be applied")
        case .stopped:
            var line = "upgrade \(environment): STOPPED at \(endRevision ?? start) (target \(target))"
            if let half = halfApplied { line += "; revision \(half.revision) is HALF-APPLIED (not recorded)" }
            lines.append(line)
        case .refused:
            lines.append("upgrade \(environment): REFUSED, nothing was written")
        }
        lines += reasons.map { "  - \($0)" }
        lines += warnings.map { "  warning: \($0)" }
        for revision in revisions {
            let message = revision.message.isEmpty ? "" : " (\(revision.message))"
            lines.append("revision \(revision.revision)\(message): \(revision.status.rawValue.replacingOccurrences(of: "_", with: " "))")
            for statement in revision.statements {
                var line = "  [\(statement.status.rawValue)] \(statement.location): \(Self.oneLine(statement.sql))"
                if let waitsFor = statement.waitsFor {
                    line += "\n      -- wait: \(waitsFor)"
                    if let waited = statement.waitedSeconds { line += ", waited \(String(format: "%.1f", waited)) s" }
                }
                if let error = statement.error { line += "\n      error: \(error)" }
                if let note = statement.note { line += "\n      note: \(note)" }
                lines.append(line)
            }
            for sql in revision.versionStatements {
                lines.append("  [version] \(Self.oneLine(sql))")
            }
        }
        if status == .stopped {
            lines.append("run `starrocks-drift upgrade --env \(environment)` again once the cause is fixed: statements already on the server are skipped")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A statement on one line, shortened.
    static func oneLine(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return flat.count > 160 ? String(flat.prefix(157)) + "..." : flat
    }
}
