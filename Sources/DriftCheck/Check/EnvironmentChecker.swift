import Findings
import StarRocksClient
import DriftReport
import Foundation
import MigrationHistory
import SchemaDiff
import SchemaModel

/// Checks one environment: expected (replayed at head and at the environment's own revision) against actual,
/// then the operations checks. Never throws: whatever goes wrong becomes an `unreachable`/`error` result.
struct EnvironmentChecker: Sendable {
    let history: MigrationHistory
    let reader: any ActualStateReading
    let policy: OperationsPolicy
    let failOnOverride: Severity?
    let progress: Progress
    /// The process environment the passwords are read from (`CheckRequest.variables`).
    let variables: [String: String]

    func check(_ environment: EnvironmentConfig) async -> EnvironmentResult {
        let started = Date()
        var redactor = Redactor()
        func elapsed() -> Double { Date().timeIntervalSince(started) }
        func failed(_ status: EnvironmentStatus, _ message: String) -> EnvironmentResult {
            let text = redactor.scrub(message)
            progress("\(environment.name): \(status.rawValue) — \(text)")
            return EnvironmentResult(name: environment.name, status: status, error: text, durationSeconds: elapsed())
        }

        // The password comes from the variable the config names; never from a file.
        let password: Secret?
        do {
            password = try environment.password(from: variables)
        } catch {
            return failed(.error, "\(error)")
        }
        redactor.add(password)

        let defaultDatabase = environment.defaultDatabase
        let expectedHead: Catalog
        do {
            expectedHead = try history.expectedCatalog(at: nil, variables: environment.variables,
                                                       environment: environment.name, defaultDatabase: defaultDatabase)
        } catch {
            return failed(.error, "cannot build the expected schema: \(error)")
        }

        progress("\(environment.name): reading actual schema of \(environment.databases.joined(separator: ", "))")
        var actual: ActualState
        do {
            actual = try await reader.read(environment, password: password)
        } catch let unavailable as EnvironmentUnavailable {
            return failed(unavailable.reason == .unreachable ? .unreachable : .error, unavailable.message)
        } catch {
            return failed(.error, "\(error)")
        }
        let versionTable = environment.versionTableName
        let uncomparable = actual.uncomparable
        // The upgrade lock is operational state, never an unexpected object.
        let lock = UpgradeLock.object(versionTable: versionTable)
        let lockComment = actual.catalog.databases[lock.database]?.tables[lock.name]?.comment
        /// Both sides without the version table, the upgrade lock and objects the server would not let us read.
        func comparable(_ catalog: Catalog) -> Catalog {
            uncomparable.reduce(Self.removing(lock, from: Self.removing(versionTable, from: catalog))) {
                Self.removing($1, from: $0)
            }
        }
        actual.catalog = comparable(actual.catalog)
        if let warning = ProfileVersionCheck.warning(environment, serverVersion: actual.serverVersion) { progress(warning) }

        let options = diffOptions(for: environment)
        let comparableHead = comparable(expectedHead)
        let headComparison = diff(expected: comparableHead, actual: actual.catalog,
                                  options: options)

        // Where the environment stands in the history.
        let position = RevisionPosition.locate(rows: actual.operational.versionRows,
                                               problem: actual.operational.versionTableProblem,
                                               table: versionTable, history: history)
        var result = EnvironmentResult(name: environment.name, status: .clean, revision: position.revision,
                                       revisionsBehind: position.pending.map(\.count),
                                       pendingRevisions: position.pending ?? [],
                                       serverVersion: actual.serverVersion)
        var all = headComparison.findings
        if let pending = position.pending, !pending.isEmpty, !position.comparisonRevisions.isEmpty {
            let revision = position.comparisonRevisions.joined(separator: ", ")
            do {
                let atRevision = try history.replay(atAll: position.comparisonRevisions,
                                                    variables: environment.variables, environment: environment.name,
                                                    defaultDatabase: defaultDatabase).catalog
                let revisionFindings = diff(expected: comparable(atRevision),
                                            actual: actual.catalog, options: options).findings
                all = PendingClassifier.classify(headFindings: all, revisionFindings: revisionFindings,
                                                 pendingRevisions: pending)
                    + PendingClassifier.unrecordedChanges(headFindings: all, revisionFindings: revisionFindings,
                                                          recorded: revision, pendingRevisions: pending,
                                                          versionTable: versionTable.description)
            } catch {
                return failed(.error, "cannot build the expected schema at revision \(revision): \(error)")
            }
        }
        all += position.findings

        // Operations.
        let state = actual.operational
        all += OperationsChecks.schemaChangeFindings(state.alterJobs, policy: policy)
        let lockFindings = OperationsChecks.upgradeLockFindings(
            comment: lockComment, lock: lock,
            lockTimeoutSeconds: environment.upgrade?.lockTimeoutSeconds ?? UpgradeSettings.defaultLockTimeoutSeconds,
            now: policy.now)
        if lockFindings.contains(where: { $0.severity == .info }) {
            // An upgrade is applying revisions: what it has half done is not drift to act on yet.
            all = all.map { finding in
                var marked = finding
                if marked.status != .operational { marked.transient = true }
                return marked
            }
        }
        all += lockFindings
        all = OperationsChecks.markTransient(all, changing: OperationsChecks.changingTables(state.alterJobs))
        let versionReplication = history.versionTable?.properties
            .first { $0.key.lowercased() == "replication_num" }.flatMap { Int($0.value) }
        all += OperationsChecks.replicationFindings(
            expected: expectedHead, expectedProperties: environment.expect.properties,
            expectedBackends: environment.expect.backends, alive: state.backendsAlive, total: state.backendsTotal,
            versionTable: state.versionRows == nil ? (versionTable.description, versionReplication) : nil, policy: policy)
        all += OperationsChecks.materializedViewFindings(state.materializedViews)
        all += OperationsChecks.partitionWindowFindings(expected: expectedHead, policy: policy)

        let failOn = failOnOverride ?? environment.failOn
        result.findings = environment.severity.apply(all).map { scrubbed($0, redactor) }
        result.notCompared = headComparison.notCompared + actual.notChecked
        result.objectsCompared = headComparison.comparedObjects
        result.comparedObjects = Self.objectNames(comparableHead, actual.catalog, options: options)
        result.statementsSent = actual.statementsSent
        result.durationSeconds = elapsed()
        result.status = Self.gates(result.findings, failOn: failOn) ? .drift : .clean
        let counts = "\(result.findings.count) finding(s), \(result.objectsCompared) object(s), \(result.statementsSent) statement(s), \(String(format: "%.2f", result.durationSeconds)) s"
        progress("\(environment.name): \(result.status.rawValue) — \(counts)")
        return result
    }

    /// `db.name` of every object on either side that the diff looked at (for per-object JUnit test cases).
    static func objectNames(_ expected: Catalog, _ actual: Catalog, options: DiffOptions) -> [String] {
        var names = Set<String>()
        for catalog in [expected, actual] {
            for (database, db) in catalog.databases where options.databases?.contains(database) ?? true {
                let all = Array(db.tables.keys) + Array(db.views.keys) + Array(db.materializedViews.keys)
                for name in all where !options.ignores(database: database, name: name) {
                    names.insert("\(database).\(name)")
                }
            }
        }
        return names.sorted()
    }

    /// Whether findings fail the check: drift and operational findings at or above `failOn`. Pending findings never
    /// gate (they are explained by revisions not yet run).
    static func gates(_ findings: [Finding], failOn: Severity) -> Bool {
        findings.contains { $0.status != .pending && $0.severity >= failOn }
    }

    func diffOptions(for environment: EnvironmentConfig) -> DiffOptions {
        var options = DiffOptions()
        options.expectedProperties = environment.expect.properties
        options.ignoredProperties = Set(environment.ignore.properties)
        options.ignoredObjects = environment.ignore.objects
        options.databases = environment.databases
        options.profile = environment.profile
        return options
    }

    /// The catalog without one object (the version table belongs to the migration tool, not to the schema;
    /// unreadable objects cannot be compared).
    static func removing(_ object: ObjectName, from catalog: Catalog) -> Catalog {
        var copy = catalog
        copy.databases[object.database]?.tables[object.name] = nil
        copy.databases[object.database]?.views[object.name] = nil
        copy.databases[object.database]?.materializedViews[object.name] = nil
        return copy
    }

    func scrubbed(_ finding: Finding, _ redactor: Redactor) -> Finding {
        var copy = finding
        copy.message = redactor.scrub(copy.message)
        copy.actual = copy.actual.map(redactor.scrub)
        return copy
    }
}
