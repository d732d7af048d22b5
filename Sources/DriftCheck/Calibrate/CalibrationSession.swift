import Foundation
import StarRocksClient
import StarRocksDDL

/// What an interrupt handler needs to clean up after a `calibrate` run: the probe database once its name is chosen
/// (before `CREATE DATABASE` is sent) and how to connect. The executable's SIGINT/SIGTERM handler calls
/// `dropProbeDatabase()` on a connection of its own while the run may still be using its own. Thread-safe.
public final class CalibrationSession: @unchecked Sendable {
    private let lock = NSLock()
    private var target: (options: ConnectionOptions, scope: ProbeGuard.Scope)?
    private var dropped = false

    /// A session with nothing to clean up yet.
    public init() {}

    /// Records the probe database about to be created.
    func register(options: ConnectionOptions, scope: ProbeGuard.Scope) {
        lock.lock()
        defer { lock.unlock() }
        target = (options, scope)
    }

    /// Records that the probe database was dropped (nothing left to clean up).
    func markDropped() {
        lock.lock()
        defer { lock.unlock() }
        dropped = true
    }

    private func pendingTarget() -> (options: ConnectionOptions, scope: ProbeGuard.Scope)? {
        lock.lock()
        defer { lock.unlock() }
        return dropped ? nil : target
    }

    /// The probe database, while it may exist.
    public var probeDatabase: String? {
        lock.lock()
        defer { lock.unlock() }
        return dropped ? nil : target?.scope.database
    }

    /// Drops the probe database on a new connection (`DROP DATABASE IF EXISTS ... FORCE`). Returns a line for the
    /// user: what was dropped, or what to drop by hand when the drop failed; `nil` when there was nothing to drop.
    public func dropProbeDatabase() async -> String? {
        guard let (options, scope) = pendingTarget() else { return nil }
        do {
            let writer = try await ProbeWriter.open(options, scope: scope)
            defer { Task { await writer.close() } }
            try await writer.execute(CalibrateSQL.dropDatabase(scope.database))
            markDropped()
            return "probe database \(scope.database) dropped"
        } catch {
            return "could not drop the probe database \(scope.database) (\(error)); drop it by hand: "
                + CalibrateSQL.dropDatabase(scope.database)
        }
    }
}

/// The statements `calibrate` sends besides the probes.
enum CalibrateSQL {
    /// `CREATE DATABASE` of the probe database.
    static func createDatabase(_ name: String) -> String { "CREATE DATABASE " + SQLQuoting.backticked(name) }
    /// `DROP DATABASE IF EXISTS ... FORCE` (FORCE: straight away, not into the recycle bin).
    static func dropDatabase(_ name: String) -> String { "DROP DATABASE IF EXISTS " + SQLQuoting.backticked(name) + " FORCE" }
    /// The server version.
    static let serverVersion = "SELECT current_version()"
    /// The FE's run mode (`shared_nothing` / `shared_data`), column `Value`.
    static let runMode = "ADMIN SHOW FRONTEND CONFIG LIKE 'run_mode'"
    /// Backends, column `Alive`.
    static let backends = "SHOW BACKENDS"
    /// Every database, first column.
    static let databases = "SHOW DATABASES"
}
