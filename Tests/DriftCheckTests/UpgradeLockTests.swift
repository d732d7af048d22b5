import Foundation
import MigrationHistory
import SchemaModel
import Testing
@testable import DriftCheck

/// The pieces of `upgrade`'s fault handling that need no server: the lock's comment, the version-table steps a lost
/// reply is settled against, the lock finding `check` shows.
@Suite struct UpgradeLockTests {
    @Test func lockCommentNamesWhoWhenAndWhichRunAndReadsBack() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let comment = UpgradeLock.comment(environment: "prod", user: "drift_writer", now: now, variables: [
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/app", "GITHUB_RUN_ID": "42",
        ])
        #expect(comment.hasPrefix("starrocks-drift upgrade lock: upgrade of prod by drift_writer@"))
        #expect(comment.contains("; since 2027-01-15T08:00:00Z; run https://github.com/acme/app/actions/runs/42"))
        #expect(!comment.contains("\""), "the comment goes inside a double-quoted string")
        let holder = UpgradeLock.Holder(comment: comment)
        #expect(holder.since == now)
        #expect(holder.pid == ProcessInfo.processInfo.processIdentifier)
        #expect(holder.host == ProcessInfo.processInfo.hostName)
        #expect(!holder.isDeadLocalProcess, "this process runs")
        #expect(holder.description.hasPrefix("upgrade of prod by drift_writer@"))
        let local = UpgradeLock.comment(environment: "dev", user: "w", now: now, variables: [:])
        #expect(local.hasSuffix("run local (no CI run)"))
        #expect(UpgradeLock.comment(environment: "dev", user: "w", now: now, variables: ["CI_JOB_URL": "https://gitlab/j/1"])
            .hasSuffix("run https://gitlab/j/1"))
    }

    @Test func aHolderOnThisHostWhoseProcessIsGoneIsDead() {
        let host = ProcessInfo.processInfo.hostName
        // pid_max is far below this on Linux: no such process.
        let dead = UpgradeLock.Holder(comment: "starrocks-drift upgrade lock: upgrade of dev by w@\(host) pid 99999999; since 2026-01-01T00:00:00Z; run local")
        #expect(dead.isDeadLocalProcess)
        let elsewhere = UpgradeLock.Holder(comment: "starrocks-drift upgrade lock: upgrade of dev by w@another-host pid 99999999; since 2026-01-01T00:00:00Z; run local")
        #expect(!elsewhere.isDeadLocalProcess, "a process on another host cannot be checked")
        let unreadable = UpgradeLock.Holder(comment: "made by hand")
        #expect(unreadable.since == nil && !unreadable.isDeadLocalProcess)
    }

    @Test func versionStepsGiveTheRowsEachStatementLeaves() {
        let table = ObjectName(database: "analytics", name: "alembic_version")
        let fresh = VersionRecorder(table: table, exists: false, versionIsKey: false, rows: [], replicas: 1)
        let first = Revision(id: "0001", parents: [], message: "", file: "0001.sql", sql: "", firstLine: 1)
        let steps = fresh.steps(recording: first)
        #expect(steps.map(\.rowsAfter) == [nil, ["0001"]])
        #expect(steps[0].sql.hasPrefix("CREATE TABLE IF NOT EXISTS"))
        let keyed = VersionRecorder(table: table, exists: true, versionIsKey: true, rows: ["0001", "0002b"], replicas: 1)
        let merge = Revision(id: "0003", parents: ["0001", "0002b"], message: "", file: "0003.sql", sql: "", firstLine: 1)
        let mergeSteps = keyed.steps(recording: merge)
        #expect(mergeSteps.map(\.rowsAfter) == [["0001", "0002b", "0003"], ["0002b", "0003"], ["0003"]])
        #expect(keyed.selectStatement == "SELECT `version_num` FROM `analytics`.`alembic_version`")
    }

    @Test func checkShowsAFreshLockAsInfoAndAStaleOneAsWarning() {
        let lock = ObjectName(database: "analytics", name: "starrocks_drift_lock")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let comment = UpgradeLock.comment(environment: "dev", user: "w", now: now.addingTimeInterval(-60), variables: [:])
        let fresh = OperationsChecks.upgradeLockFindings(comment: comment, lock: lock, lockTimeoutSeconds: 600, now: now)
        #expect(fresh.map(\.kind) == [.upgradeInProgress])
        #expect(fresh.first?.severity == .info && fresh.first?.status == .operational)
        let stale = OperationsChecks.upgradeLockFindings(comment: comment, lock: lock, lockTimeoutSeconds: 30, now: now)
        #expect(stale.first?.severity == .warning)
        #expect(stale.first?.fixSQL == "DROP TABLE `analytics`.`starrocks_drift_lock`;")
        #expect(OperationsChecks.upgradeLockFindings(comment: nil, lock: lock, lockTimeoutSeconds: 30, now: now).isEmpty)
    }
}
