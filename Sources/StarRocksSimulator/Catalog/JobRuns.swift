import Foundation
import SchemaModel
import StarRocksDDL

/// The schema-change jobs a writable simulator runs, moving through the states a StarRocks FE shows for them
/// (`AlterJobV2.JobState`, fe/fe-core/src/main/java/com/starrocks/alter/AlterJobV2.java, 3.3): PENDING while shadow
/// indexes or temporary partitions are created, WAITING_TXN while earlier loads finish, RUNNING while backends convert
/// the data, then FINISHED — only then does the table show the new schema (the shadow index replaces the old one when
/// the job finishes) — or CANCELLED with the message the FE gives, the table keeping its old schema.
/// Time is the wall clock: a job keeps running while the simulator refuses connections (a restart).
struct JobRuns {
    /// One job in flight.
    struct Run {
        /// When the statement was accepted.
        var started: Date
        /// How long the job takes from PENDING to its end.
        var milliseconds: Int
        /// The `Msg` it ends CANCELLED with; `nil` ends FINISHED.
        var cancelMessage: String?
        /// The statement whose effect becomes visible when the job finishes.
        var statement: ParsedStatement
        /// The database unqualified names in it belong to.
        var database: String

        /// The state at `now`.
        func state(at now: Date) -> SchemaChangeJobState {
            JobRuns.state(elapsedMilliseconds: now.timeIntervalSince(started) * 1000, of: milliseconds,
                          cancelled: cancelMessage != nil)
        }
    }

    /// A job's state `elapsedMilliseconds` into a run of `total`: the first tenth PENDING, the next tenth
    /// WAITING_TXN, then RUNNING until the end, then FINISHED (or CANCELLED).
    static func state(elapsedMilliseconds elapsed: Double, of total: Int, cancelled: Bool) -> SchemaChangeJobState {
        let total = Double(max(0, total))
        if elapsed >= total { return cancelled ? .cancelled : .finished }
        if elapsed < total * 0.1 { return .pending }
        if elapsed < total * 0.2 { return .waitingTxn }
        return .running
    }

    private var runs: [Int: Run] = [:]
    private var nextID = 20_001

    /// Starts a job for `statement` and lists it in `jobs`; returns its JobId.
    mutating func start(_ job: SchemaChangeJob, statement: ParsedStatement, database: String, milliseconds: Int,
                        cancelled: Bool, operation: String, into jobs: inout [SimulatedAlterJob]) -> Int {
        let id = nextID
        nextID += 3
        let now = Date()
        jobs.append(SimulatedAlterJob(
            database: job.table.database, table: job.table.name, state: SchemaChangeJobState.pending.rawValue,
            createTime: Self.timestamp(now), jobID: id, isRollup: job.kind == .rollup,
            rollupName: job.kind == .rollup ? Self.rollupName(statement.statement) ?? "rollup_\(id)" : "",
            isOptimize: job.kind == .optimize, operation: operation))
        runs[id] = Run(started: now, milliseconds: milliseconds,
                       cancelMessage: cancelled ? job.kind.taskFailurePrefix
                           + "starrocks-sim --cancel-job (fault injection)" : nil,
                       statement: statement, database: database)
        return id
    }

    /// Moves every job to its state at `now`; returns the runs that just FINISHED, oldest first (their statements
    /// take effect now). `jobs` gets the new states, finish times and cancel messages.
    mutating func advance(_ jobs: inout [SimulatedAlterJob], now: Date = Date()) -> [Run] {
        var finished: [(Int, Run)] = []
        for offset in jobs.indices {
            let id = jobs[offset].jobID
            guard let run = runs[id] else { continue }
            let state = run.state(at: now)
            guard state.rawValue != jobs[offset].state else { continue }
            jobs[offset].state = state.rawValue
            guard state.isTerminal else { continue }
            jobs[offset].finishTime = Self.timestamp(now)
            if let message = run.cancelMessage { jobs[offset].message = message } else { finished.append((id, run)) }
            runs[id] = nil
        }
        return finished.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Ends a job CANCELLED with `message` at once (its statement could not take effect when it finished).
    static func cancel(_ id: Int, message: String, in jobs: inout [SimulatedAlterJob]) {
        guard let offset = jobs.firstIndex(where: { $0.jobID == id }) else { return }
        jobs[offset].state = SchemaChangeJobState.cancelled.rawValue
        jobs[offset].message = message
        jobs[offset].finishTime = timestamp(Date())
    }

    /// The rollup a statement adds (`ADD ROLLUP r (...)`, `CREATE MATERIALIZED VIEW mv AS ...` of a synchronous MV).
    static func rollupName(_ statement: Statement) -> String? {
        switch statement {
        case .alterTable(let alter):
            for clause in alter.clauses { if case .addRollup(let name, _) = clause { return name } }
            return nil
        case .createMaterializedView(let create): return create.name.name
        default: return nil
        }
    }

    /// `yyyy-MM-dd HH:mm:ss` in UTC, as the FE prints job times.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
