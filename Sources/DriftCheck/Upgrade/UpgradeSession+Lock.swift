import Foundation
import SchemaModel
import StarRocksClient

extension UpgradeSession {
    /// Opens the writer connection (the only one past the read-only guard).
    func connect(_ context: UpgradeContext) async -> Result<WriterLink, ConnectFailure> {
        let settings = context.settings
        var writerOptions: ConnectionOptions
        do {
            writerOptions = try LiveStateReader.connectionOptions(context.writerEnvironment, password: context.password)
        } catch {
            return .failure(ConnectFailure(["\(error)"]))
        }
        writerOptions.database = context.actual.catalog.databases[environment.defaultDatabase] != nil
            ? environment.defaultDatabase : nil
        do {
            let writer = try await SchemaWriter.open(writerOptions)
            return .success(WriterLink(writer: writer, reconnectSeconds: settings.reconnectTimeoutSeconds,
                                       progress: request.progress, interrupt: request.interrupt))
        } catch {
            return .failure(ConnectFailure(["cannot connect to \(environment.name) as \(settings.user): \(error)"]))
        }
    }

    /// Lock: the first write. Another runner's lock refuses the run (exit 2) naming its holder; a lock older than
    /// `upgrade.lock_timeout_s` is taken over with a warning. Returns the comment that identifies this run's lock.
    mutating func lock(_ link: WriterLink, _ context: UpgradeContext) async -> Result<String, ConnectFailure> {
        let table = UpgradeLock.object(versionTable: environment.versionTableName)
        let comment = UpgradeLock.comment(environment: environment.name, user: context.settings.user, now: Date(),
                                          variables: request.variables)
        if context.actual.catalog.databases[table.database] == nil {
            // The lock lives in the version table's database; a history that creates it runs unlocked until then.
            result.warnings.append("the database \(table.database) does not exist yet: the run is not locked "
                + "(a second upgrade of \(environment.name) is not refused)")
            return .success("")
        }
        do {
            if let warning = try await UpgradeLock.acquire(
                table, comment: comment, replicas: context.recorder.replicas,
                timeoutSeconds: context.settings.lockTimeoutSeconds, now: Date(), link: link) {
                result.warnings.append(redactor.scrub(warning))
                request.progress("\(environment.name): warning: \(redactor.scrub(warning))")
            }
            request.progress("\(environment.name): locked (\(table))")
            return .success(comment)
        } catch let held as UpgradeLock.Held {
            return .failure(ConnectFailure([
                "another upgrade of \(environment.name) holds the lock \(table): \(redactor.scrub(held.holder.description)); "
                    + "wait for it to finish (a lock older than upgrade.lock_timeout_s = "
                    + "\(context.settings.lockTimeoutSeconds) s is taken over), or, if that run is dead, "
                    + "DROP TABLE \(SQLName.qualified(table))"]))
        } catch {
            return .failure(ConnectFailure(["cannot take the upgrade lock \(table) on \(environment.name): "
                + redactor.scrub("\(error)")]))
        }
    }

    /// Release: drops this run's lock (never another runner's); a failure is a warning naming the table.
    mutating func release(_ link: WriterLink, comment: String, _ context: UpgradeContext) async {
        guard !comment.isEmpty else { return }
        let table = UpgradeLock.object(versionTable: environment.versionTableName)
        // An interrupt must not stop the release itself.
        let releaser = WriterLink(writer: link.writer, reconnectSeconds: link.reconnectSeconds,
                                  progress: request.progress, interrupt: UpgradeInterrupt())
        do {
            try await UpgradeLock.dropIfHeld(table, by: comment, link: releaser)
            request.progress("\(environment.name): lock released")
        } catch {
            result.warnings.append("the upgrade lock \(table) could not be released (\(redactor.scrub("\(error)"))): "
                + "DROP TABLE \(SQLName.qualified(table)) once no upgrade runs")
        }
    }

    /// Settle: jobs an earlier run left in flight (a lost reply, a job timeout, a crash) on the tables the pending
    /// statements change are waited for before anything is compared or sent — their effect shows only once they
    /// finish. `false` when the run must stop (the result says why).
    mutating func settle(_ link: WriterLink, _ context: UpgradeContext) async -> Bool {
        let waiter = JobWaiter(link: link, pollInterval: request.pollInterval,
                               timeoutSeconds: context.settings.jobTimeoutSeconds, progress: request.progress)
        var waited: [String] = []
        var seen = Set<SchemaChangeJob>()
        for offset in context.jobs.keys.sorted() {
            guard let job = context.jobs[offset], seen.insert(job).inserted else { continue }
            do {
                guard let row = try await waiter.newest(job), JobWaiter.isActive(row.state) else { continue }
                request.progress("\(environment.name): \(job.kind.rawValue.lowercased()) job \(row.id) on \(job.table) "
                    + "(\(row.state)) is in flight (left by an earlier run?); waiting for it before deciding what is applied")
                _ = try await waiter.wait(for: job, after: row.id - 1)
                waited.append("job \(row.id) on \(job.table) finished")
            } catch let failure as JobWaiter.Failure {
                if case .cancelled = failure {
                    // Its statement did not take effect: the comparison that follows sends it again.
                    waited.append(UpgradeExecutor.describe(failure, job: job))
                    continue
                }
                return stopBeforeWriting(UpgradeExecutor.describe(failure, job: job), context)
            } catch {
                return stopBeforeWriting("cannot read \(JobWaiter.query(job)): \(redactor.scrub("\(error)"))", context)
            }
        }
        if !waited.isEmpty {
            result.warnings.append("schema-change jobs were in flight when the run started: " + waited.joined(separator: "; "))
        }
        return true
    }

    /// Stops before any statement of the history was sent (the lock is still released by the caller).
    private mutating func stopBeforeWriting(_ reason: String, _ context: UpgradeContext) -> Bool {
        result.status = .stopped
        let first = context.pending.statements.dropFirst(context.resume.firstNotApplied).first
        if let first { result.stoppedAt = UpgradeStopPoint(revision: first.revision, statement: first.location) }
        result.reasons = [redactor.scrub("stopped at revision \(first?.revision ?? "?"), statement "
            + "\(first?.location ?? "?"): \(reason)")]
        return false
    }
}

/// Why the writer could not start (connect, lock): refused, exit 2.
struct ConnectFailure: Error {
    var reasons: [String]
    init(_ reasons: [String]) { self.reasons = reasons }
}
