import Foundation
import StarRocksClient

/// The writer connection of one `upgrade` run, surviving lost connections: a read (polling `SHOW ALTER TABLE`,
/// reading the version table or the lock) that meets a lost connection or a refused one (an FE restart, a leader
/// change) is retried with growing pauses until it succeeds or `upgrade.reconnect_timeout_s` has passed; a write is
/// sent once and a lost reply is reported as `Failure.replyLost` — the caller decides from the server whether it took
/// effect (`LostReplyResolver`). After a reconnect the database chosen by the last `USE` is chosen again.
final class WriterLink: @unchecked Sendable {
    let writer: SchemaWriter
    /// `upgrade.reconnect_timeout_s`.
    let reconnectSeconds: Int
    let progress: Progress
    let interrupt: UpgradeInterrupt
    private let lock = NSLock()
    private var lastUse: String?
    private var reconnectCount = 0

    /// Why a statement's outcome is unknown or the server stayed away.
    enum Failure: Error, CustomStringConvertible {
        /// The connection dropped after the statement was sent: it may or may not have been applied.
        case replyLost(statement: String, detail: String)
        /// The server did not answer again within the bound.
        case unreachable(seconds: Int, detail: String)
        /// The run was asked to stop.
        case interrupted(signal: String)

        var description: String {
            switch self {
            case let .replyLost(_, detail): return "the reply was lost (\(detail))"
            case let .unreachable(seconds, detail):
                return "the server did not come back within \(seconds) s (upgrade.reconnect_timeout_s): \(detail)"
            case let .interrupted(signal): return "interrupted (\(signal))"
            }
        }
    }

    init(writer: SchemaWriter, reconnectSeconds: Int, progress: Progress, interrupt: UpgradeInterrupt) {
        self.writer = writer
        self.reconnectSeconds = reconnectSeconds
        self.progress = progress
        self.interrupt = interrupt
    }

    /// How many times the connection was re-established.
    var reconnects: Int { lock.withLock { reconnectCount } }

    /// Whether `error` means the connection (not the statement) failed.
    static func isConnectionLoss(_ error: Error) -> Bool {
        guard let client = error as? ClientError else { return false }
        if client.isUnreachable { return true }
        if case .closed = client { return true }
        return false
    }

    /// Sends a write once; a lost connection throws `Failure.replyLost`, a rejection the server's error.
    func execute(_ sql: String) async throws {
        if let signal = interrupt.reason { throw Failure.interrupted(signal: signal) }
        do {
            try await writer.execute(sql)
        } catch where Self.isConnectionLoss(error) {
            throw Failure.replyLost(statement: sql, detail: "\(error)")
        }
        if sql.trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("USE ") { remember(use: sql) }
    }

    /// Keeps the last `USE` for reconnects.
    private func remember(use sql: String) {
        lock.withLock { lastUse = sql }
    }

    /// Counts a reconnect; returns the `USE` to send again.
    private func noteReconnect() -> String? {
        lock.withLock {
            reconnectCount += 1
            return lastUse
        }
    }

    /// Runs a read, reconnecting within the bound when the connection is lost.
    func query(_ sql: String) async throws -> ResultSet {
        do {
            return try await writer.query(sql)
        } catch where Self.isConnectionLoss(error) {
            try await reconnect(after: error)
            return try await writer.query(sql)
        }
    }

    /// Waits until the server answers again (pauses of 0.2 s doubling up to 5 s), then restores the `USE`d database;
    /// throws `Failure.unreachable` after `reconnectSeconds`.
    func reconnect(after error: Error) async throws {
        let started = Date()
        var pause = 0.2
        var last = "\(error)"
        progress("  connection lost (\(last)); reconnecting for up to \(reconnectSeconds) s")
        while true {
            if let signal = interrupt.reason { throw Failure.interrupted(signal: signal) }
            do {
                _ = try await writer.query("SELECT 1")
                if let use = noteReconnect() { try await writer.execute(use) }
                progress("  reconnected after \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                return
            } catch where Self.isConnectionLoss(error) {
                last = "\(error)"
            }
            let elapsed = Date().timeIntervalSince(started)
            if elapsed >= Double(reconnectSeconds) { throw Failure.unreachable(seconds: reconnectSeconds, detail: last) }
            try? await Task.sleep(nanoseconds: UInt64(min(pause, Double(reconnectSeconds) - elapsed) * 1_000_000_000))
            pause = min(pause * 2, 5)
        }
    }

    /// Closes the connection.
    func close() async { await writer.close() }
}
