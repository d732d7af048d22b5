import Findings
import Foundation
import SchemaModel

extension OperationsChecks {
    /// The `upgrade` lock seen by `check`: an upgrade is applying revisions now (info, operational — its half-done
    /// state is not drift to act on), or a lock older than `upgrade.lock_timeout_s` was left by a run that died
    /// (warning: the next upgrade takes it over; drop it by hand if no upgrade runs). `comment` is the lock table's
    /// comment; `nil` when there is no lock.
    public static func upgradeLockFindings(comment: String?, lock: ObjectName, lockTimeoutSeconds: Int,
                                           now: Date) -> [Finding] {
        guard let comment else { return [] }
        let holder = UpgradeLock.Holder(comment: comment)
        let age = holder.since.map { now.timeIntervalSince($0) }
        if let age, age > Double(lockTimeoutSeconds) {
            return [Finding(
                kind: .upgradeInProgress, severity: .warning, object: lock.description, actual: holder.description,
                message: "an upgrade lock has been held for \(Int(age / 60)) min, longer than upgrade.lock_timeout_s "
                    + "(\(lockTimeoutSeconds) s): the run that took it probably died (\(holder))",
                fixSQL: "DROP TABLE \(SQLName.qualified(lock));",
                fixNote: "the next upgrade takes it over; drop it by hand only when no upgrade runs",
                status: .operational)]
        }
        return [Finding(
            kind: .upgradeInProgress, severity: .info, object: lock.description, actual: holder.description,
            message: "an upgrade is applying revisions now (\(holder)); findings may reflect its half-done state",
            fixNote: "re-run the check after the upgrade finishes", status: .operational, transient: true)]
    }
}
