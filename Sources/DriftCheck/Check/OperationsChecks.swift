import Findings
import Foundation
import LiveSchema
import SchemaModel

/// Findings about how a StarRocks environment is operating, beyond schema differences: schema-change jobs, the
/// replication trap, backends, and materialized view health. Pure functions of their inputs.
public enum OperationsChecks {
    /// Jobs of `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE`: active → the table is changing (info); active too long →
    /// stuck (warning); recently CANCELLED → warning with the server's message.
    public static func schemaChangeFindings(_ jobs: [AlterJob], policy: OperationsPolicy) -> [Finding] {
        var findings: [Finding] = []
        for job in jobs {
            let object = "\(job.database).\(job.table)"
            let list = job.kind.rawValue
            let what = job.kind == .column ? "a schema-change job" : "a schema-change job (\(list))"
            let created = job.createTime.flatMap(OperationsPolicy.parseTimestamp)
            let age = created.map { policy.now.timeIntervalSince($0) }
            if job.isActive {
                if let age, age > policy.stuckAfterSeconds {
                    let hours = String(format: "%.1f", age / 3600)
                    findings.append(Finding(
                        kind: .schemaChangeStuck, severity: .warning, object: object, actual: job.state,
                        message: "\(what) on \(object) has been \(job.state) for \(hours) h; later migrations that ALTER this table will fail until it finishes",
                        fixSQL: "SHOW ALTER TABLE \(list) FROM `\(job.database)` WHERE TableName = \"\(job.table)\";",
                        fixNote: "investigate the job (SHOW ALTER TABLE \(list)); CANCEL ALTER TABLE \(list) FROM `\(job.database)`.`\(job.table)` if it cannot finish",
                        status: .operational))
                } else {
                    findings.append(Finding(
                        kind: .schemaChangeRunning, severity: .info, object: object, actual: job.state,
                        message: "\(what) on \(object) is \(job.state); StarRocks runs one job per table at a time, so findings for this table may be transient",
                        fixNote: "re-run the check after the job finishes", status: .operational, transient: true))
                }
            } else if job.state.uppercased() == "CANCELLED" {
                let reference = job.finishTime.flatMap(OperationsPolicy.parseTimestamp) ?? created
                let recent = reference.map { policy.now.timeIntervalSince($0) <= policy.cancelledWithinSeconds } ?? true
                if recent {
                    let reason = job.msg.isEmpty ? "no message" : job.msg
                    findings.append(Finding(
                        kind: .schemaChangeCancelled, severity: .warning, object: object, actual: "CANCELLED",
                        message: "\(what) on \(object) was cancelled (\(reason)); the migration that started it did not take effect",
                        fixNote: "re-apply the migration's ALTER once the cause is fixed", status: .operational))
                }
            }
        }
        return findings
    }

    /// Tables whose jobs are active: their findings are flagged transient.
    public static func changingTables(_ jobs: [AlterJob]) -> Set<String> {
        Set(jobs.filter(\.isActive).map { "\($0.database).\($0.table)" })
    }

    /// Marks findings on changing tables as possibly transient.
    public static func markTransient(_ findings: [Finding], changing: Set<String>) -> [Finding] {
        guard !changing.isEmpty else { return findings }
        return findings.map { finding in
            var marked = finding
            if changing.contains(finding.owner), finding.status != .operational {
                marked.transient = true
            }
            return marked
        }
    }

    /// The replication trap: a table needing more replicas than there are alive backends (DDL fails with ERROR 1064
    /// "Table replication num should be less than or equal to the number of available BE nodes", or hangs), and
    /// fewer alive backends than `expect.backends`.
    public static func replicationFindings(expected: Catalog, expectedProperties: [String: String],
                                           expectedBackends: Int?, alive: Int?, total: Int?,
                                           versionTable: (name: String, replicationNum: Int?)?,
                                           policy: OperationsPolicy) -> [Finding] {
        var findings: [Finding] = []
        if let expectedBackends, let alive, alive < expectedBackends {
            findings.append(Finding(
                kind: .backendsMissing, severity: .warning, object: "cluster.backends",
                expected: "\(expectedBackends) alive", actual: "\(alive) alive of \(total.map(String.init) ?? "?")",
                message: "only \(alive) of the expected \(expectedBackends) backends are alive; tables with more replicas than alive backends cannot be created or altered",
                fixNote: "bring the backends back (SHOW BACKENDS shows which are down) or lower expect.backends",
                status: .operational))
        }
        guard let alive else { return findings }
        let fallback = expectedProperties.first { $0.key.lowercased() == "replication_num" }.flatMap { Int($0.value) }
            ?? policy.defaultReplicationNum
        for database in expected.databaseNames {
            guard let db = expected.databases[database] else { continue }
            for name in db.tables.keys.sorted() {
                let table = db.tables[name]!
                let needed = table.properties.first { $0.key.lowercased() == "replication_num" }.flatMap { Int($0.value) } ?? fallback
                if needed > alive {
                    findings.append(replicationTrap(object: "\(database).\(name)", needed: needed, alive: alive))
                }
            }
        }
        if let versionTable, let needed = versionTable.replicationNum ?? Optional(fallback), needed > alive {
            findings.append(replicationTrap(object: versionTable.name, needed: needed, alive: alive))
        }
        return findings
    }

    private static func replicationTrap(object: String, needed: Int, alive: Int) -> Finding {
        Finding(
            kind: .replicationExceedsBackends, severity: .error, object: object,
            expected: "replication_num <= \(alive)", actual: "replication_num \(needed)",
            message: "\(object) needs \(needed) replicas but only \(alive) backend(s) are alive: CREATE/ALTER fails with ERROR 1064 (\"Table replication num should be less than or equal to the number of available BE nodes\") or the migration hangs",
            fixNote: "use \"replication_num\" = \"${replication_num}\" in migrations with replication_num \(alive) in this environment's variables (single-BE dev clusters need 1), or add backends",
            status: .operational)
    }

    /// Inactive MVs and failing refreshes.
    public static func materializedViewFindings(_ views: [MVStatus]) -> [Finding] {
        var findings: [Finding] = []
        for mv in views {
            let object = "\(mv.database).\(mv.name)"
            if !mv.isActive {
                let reason = (mv.inactiveReason?.isEmpty == false) ? mv.inactiveReason! : "no reason given"
                findings.append(Finding(
                    kind: .materializedViewInactive, severity: .warning, object: object, expected: "active",
                    actual: "inactive", message: "materialized view \(object) is inactive (\(reason)); queries no longer use it and it is not refreshed",
                    status: .operational, objectName: ObjectName(database: mv.database, name: mv.name),
                    fixes: [.alterMaterializedView(ObjectName(database: mv.database, name: mv.name), .active)]))
            }
            if let state = mv.lastRefreshState?.uppercased(), state == "FAILED" {
                let error = (mv.lastRefreshError?.isEmpty == false) ? mv.lastRefreshError! : "no error message"
                findings.append(Finding(
                    kind: .materializedViewRefreshFailed, severity: .warning, object: object, actual: "FAILED",
                    message: "the last refresh of \(object) failed: \(error)",
                    fixSQL: "REFRESH MATERIALIZED VIEW `\(mv.database)`.`\(mv.name)`;", status: .operational))
            }
        }
        return findings
    }

    /// Declared RANGE windows (explicit partitions or START/END/EVERY) that end within the warning period, on tables
    /// without dynamic partitioning: new rows past the window will be rejected.
    public static func partitionWindowFindings(expected: Catalog, policy: OperationsPolicy) -> [Finding] {
        var findings: [Finding] = []
        let horizon = policy.now.addingTimeInterval(TimeInterval(policy.partitionWindowWarningDays) * 86_400)
        for database in expected.databaseNames {
            guard let db = expected.databases[database] else { continue }
            for name in db.tables.keys.sorted() {
                let table = db.tables[name]!
                guard case let .range(range)? = table.partitioning else { continue }
                let dynamic = table.properties.first { $0.key.lowercased() == "dynamic_partition.enable" }?.value.lowercased() == "true"
                if dynamic { continue }
                var uppers: [String] = range.batches.map(\.end)
                var unbounded = false
                for partition in range.partitions {
                    if let upper = partition.upper?.first { uppers.append(upper) } else { unbounded = true }
                }
                if unbounded { continue }
                let ends = uppers.compactMap(OperationsPolicy.parseTimestamp)
                guard let end = ends.max(), end <= horizon else { continue }
                let endText = uppers.max() ?? ""
                let verb = end <= policy.now ? "ended" : "ends"
                findings.append(Finding(
                    kind: .partitionWindowEnding, severity: .warning, object: "\(database).\(name)",
                    actual: "last partition ends \(endText)",
                    message: "the declared partition window of \(database).\(name) \(verb) at \(endText); rows past it are rejected — extend the partition range",
                    fixNote: "add a migration with ALTER TABLE ... ADD PARTITIONS START (...) END (...) EVERY (...), or enable dynamic partitioning",
                    status: .operational))
            }
        }
        return findings
    }
}
