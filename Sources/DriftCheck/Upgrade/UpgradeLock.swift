import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SchemaModel
import StarRocksClient
import StarRocksDDL

/// One runner per environment: the lock is a table, `starrocks_drift_lock`, created in the version table's database
/// before the first write. StarRocks creates a table name at most once — a second `CREATE TABLE` of the same name
/// fails with ERROR 1050 "Table '...' already exists", decided on the leader FE — so two runners that start together
/// cannot both hold it. The table's comment says who holds it, since when and for which CI run; it is dropped at the
/// end of the run (also when the run stops or is interrupted). A lock older than `upgrade.lock_timeout_s` is presumed
/// left by a crashed runner and taken over, with a warning.
struct UpgradeLock {
    /// The table name (in the version table's database).
    static let tableName = "starrocks_drift_lock"
    /// The comment's first words: what the table is, for a person who finds it.
    static let marker = "starrocks-drift upgrade lock"

    /// The lock table of an environment whose version table is `versionTable`.
    static func object(versionTable: ObjectName) -> ObjectName {
        ObjectName(database: versionTable.database, name: tableName)
    }

    /// Who holds a lock, read from the table's comment.
    struct Holder: Sendable, Hashable, CustomStringConvertible {
        /// The comment as written.
        var text: String
        /// When it was taken (`since ...`), when readable.
        var since: Date?

        /// The host and process id of the runner (`by user@host pid N`), when readable.
        var host: String?
        var pid: Int32?

        /// Reads a lock comment (`starrocks-drift upgrade lock: upgrade of <env> by <user>@<host> pid <N>; since
        /// <ISO 8601>; run <url>`).
        init(comment: String) {
            text = comment
            func word(after marker: String) -> String? {
                comment.range(of: marker).map { range in
                    String(comment[range.upperBound...].prefix { !$0.isWhitespace && $0 != ";" })
                }
            }
            since = word(after: "since ").flatMap { ISO8601DateFormatter().date(from: $0) }
            host = word(after: " by ").flatMap { $0.split(separator: "@").last.map(String.init) }
            pid = word(after: " pid ").flatMap { Int32($0) }
        }

        /// Whether the holder is a process on this host that no longer runs (a run that crashed or lost its
        /// server and could not drop the lock): its lock can be taken over at once.
        var isDeadLocalProcess: Bool {
            guard let host, let pid, host == ProcessInfo.processInfo.hostName,
                  pid != ProcessInfo.processInfo.processIdentifier else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }

        var description: String {
            text.hasPrefix(UpgradeLock.marker + ": ") ? String(text.dropFirst(UpgradeLock.marker.count + 2)) : text
        }
    }

    /// The comment this run writes: who (user@host, process), when, which CI run.
    static func comment(environment: String, user: String, now: Date, variables: [String: String]) -> String {
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        let text = "\(marker): upgrade of \(environment) by \(user)@\(host) pid \(pid); since "
            + "\(ISO8601DateFormatter().string(from: now)); run \(ciRun(variables) ?? "local (no CI run)")"
        // Kept to characters that need no escaping inside a double-quoted StarRocks string.
        return String(text.map { $0 == "\"" || $0 == "\\" || $0.isNewline ? "'" : $0 })
    }

    /// The CI run's address from the variables CI systems set (GitHub Actions, GitLab CI, Jenkins, Buildkite).
    static func ciRun(_ variables: [String: String]) -> String? {
        if let server = variables["GITHUB_SERVER_URL"], let repository = variables["GITHUB_REPOSITORY"],
           let run = variables["GITHUB_RUN_ID"] {
            return "\(server)/\(repository)/actions/runs/\(run)"
        }
        return variables["CI_JOB_URL"] ?? variables["BUILD_URL"] ?? variables["BUILDKITE_BUILD_URL"]
    }

    /// `CREATE TABLE` of the lock (no IF NOT EXISTS: its failure is the point), with the holder in its comment.
    static func createStatement(_ table: ObjectName, comment: String, replicas: Int) -> String {
        """
        CREATE TABLE \(SQLName.qualified(table)) (
          `holder` varchar(255) NOT NULL COMMENT ""
        )
        DUPLICATE KEY(`holder`)
        COMMENT "\(comment)"
        DISTRIBUTED BY HASH(`holder`) BUCKETS 1
        PROPERTIES ("replication_num" = "\(replicas)")
        """
    }

    /// Whether a server error says the name is taken (ERROR 1050).
    static func isAlreadyExists(_ error: Error) -> Bool {
        guard case let .server(errno, _, message, _, _) = error as? ClientError else { return false }
        return errno == 1050 || message.lowercased().contains("already exists")
    }

    /// The holder of the lock on the server, or `nil` when there is none.
    static func holder(_ table: ObjectName, link: WriterLink) async throws -> Holder? {
        let result: ResultSet
        do {
            result = try await link.query("SHOW CREATE TABLE \(SQLName.qualified(table))")
        } catch let error as ClientError {
            if case let .server(errno, _, message, _, _) = error,
               errno == 1146 || message.lowercased().contains("unknown table") || message.lowercased().contains("not exist") {
                return nil
            }
            throw error
        }
        guard !result.rows.isEmpty, let text = result.value(0, "Create Table") else { return nil }
        let parsed = try? DDLParser.parse(text, file: "SHOW CREATE TABLE \(table)")
        if case .createTable(let create) = parsed?.first?.statement {
            return Holder(comment: create.comment ?? "")
        }
        return Holder(comment: "")
    }

    /// Another runner holds the lock.
    struct Held: Error {
        var holder: Holder
    }

    /// Takes the lock: creates the table; when it exists, takes over a holder older than `timeoutSeconds` (returning
    /// the warning to show) and otherwise throws `Held`. A lost reply is settled by reading the comment back.
    static func acquire(_ table: ObjectName, comment: String, replicas: Int, timeoutSeconds: Int, now: Date,
                        link: WriterLink) async throws -> String? {
        let create = createStatement(table, comment: comment, replicas: replicas)
        var warning: String?
        for _ in 0..<3 {
            do {
                try await link.execute(create)
                return warning
            } catch WriterLink.Failure.replyLost(_, let detail) {
                try await link.reconnect(after: WriterLink.Failure.replyLost(statement: create, detail: detail))
                if try await holder(table, link: link)?.text == comment { return warning }
            } catch where isAlreadyExists(error) {
                guard let current = try await holder(table, link: link) else { continue }
                if current.text == comment { return warning }
                if current.isDeadLocalProcess {
                    warning = "took over the upgrade lock \(table) of a run on this host that no longer runs "
                        + "(\(current))"
                } else {
                    guard let since = current.since, now.timeIntervalSince(since) > Double(timeoutSeconds) else {
                        throw Held(holder: current)
                    }
                    warning = "took over the upgrade lock \(table), older than upgrade.lock_timeout_s "
                        + "(\(timeoutSeconds) s); it was held by \(current) — if that run is still alive, stop it"
                }
                try await dropIfHeld(table, by: current.text, link: link)
            }
        }
        throw Held(holder: try await holder(table, link: link) ?? Holder(comment: "(unknown)"))
    }

    /// Drops the lock if it is still held by `comment` (never a lock another runner took over meanwhile).
    static func dropIfHeld(_ table: ObjectName, by comment: String, link: WriterLink) async throws {
        guard try await holder(table, link: link)?.text == comment else { return }
        do {
            try await link.execute("DROP TABLE IF EXISTS \(SQLName.qualified(table))")
        } catch WriterLink.Failure.replyLost(let statement, let detail) {
            // DROP TABLE IF EXISTS is safe to repeat.
            try await link.reconnect(after: WriterLink.Failure.replyLost(statement: statement, detail: detail))
            try await link.execute("DROP TABLE IF EXISTS \(SQLName.qualified(table))")
        }
    }
}
