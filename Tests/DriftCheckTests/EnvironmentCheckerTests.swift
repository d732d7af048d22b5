import DriftReport
import Findings
import Foundation
import MigrationHistory
import SchemaModel
import StarRocksClient
import Testing
@testable import DriftCheck
@testable import DriftDemo

/// The per-environment pipeline over an in-memory actual state (no server): classification, gating, errors.
@Suite("environment checker")
struct EnvironmentCheckerTests {
    struct FixedReader: ActualStateReading {
        var result: Result<ActualState, EnvironmentUnavailable>
        func read(_ environment: EnvironmentConfig, password: Secret?) async throws -> ActualState {
            try result.get()
        }
    }

    static func history() throws -> MigrationHistory {
        try MigrationHistory.parse(files: DemoMigrations.files.map { (file: $0.name, text: $0.text) })
    }

    static func environment(failOn: Severity = .error) -> EnvironmentConfig {
        EnvironmentConfig(name: "dev", file: "environments/dev.yaml",
                          connection: ConnectionSettings(url: "starrocks://r@127.0.0.1:1/analytics"),
                          databases: ["analytics"], variables: ["replication_num": "1"],
                          expect: Expectations(backends: 1, properties: ["replication_num": "1"]), failOn: failOn)
    }

    static func actual(prodDrift: Bool, revision: [String]? = ["0003"]) throws -> ActualState {
        var objects = CheckScenario.objectsAtHead(replication: "1")
        if prodDrift { objects["events"] = DemoCatalogs.events(replication: "1", handMadeColumn: true) }
        let text = objects.keys.sorted().map { objects[$0]! }.joined(separator: "\n")
        let catalog = try Catalog.load(sql: text, file: "actual.sql", defaultDatabase: "analytics")
        return ActualState(catalog: catalog, serverVersion: "3.3.2",
                           operational: OperationalState(versionRows: revision, backendsAlive: 1, backendsTotal: 1),
                           statementsSent: 7)
    }

    func check(_ reader: FixedReader, failOn: Severity = .error) async throws -> EnvironmentResult {
        let checker = EnvironmentChecker(history: try Self.history(), reader: reader, policy: OperationsPolicy(),
                                         failOnOverride: nil, progress: .silent, variables: [:])
        return await checker.check(Self.environment(failOn: failOn))
    }

    @Test func matchingServerIsClean() async throws {
        let result = try await check(FixedReader(result: .success(try Self.actual(prodDrift: false))))
        #expect(result.status == .clean, "\(result.findings)")
        #expect(result.revision == "0003")
        #expect(result.revisionsBehind == 0)
        #expect(result.statementsSent == 7)
    }

    @Test func handMadeColumnIsDrift() async throws {
        let result = try await check(FixedReader(result: .success(try Self.actual(prodDrift: true))))
        #expect(result.status == .drift)
        let column = result.findings.first { $0.object == "analytics.events.debug_flag" }
        #expect(column?.kind == .unexpectedColumn)
        #expect(column?.status == .drift)
    }

    @Test func unreachableServerIsNeverClean() async throws {
        let result = try await check(FixedReader(result: .failure(EnvironmentUnavailable(.unreachable, "connection refused"))))
        #expect(result.status == .unreachable)
        #expect(result.error == "connection refused")
        #expect(result.findings.isEmpty)
    }

    @Test func unknownRecordedRevisionIsDrift() async throws {
        let result = try await check(FixedReader(result: .success(try Self.actual(prodDrift: false, revision: ["feature_x"]))))
        #expect(result.status == .drift)
        #expect(result.findings.contains { $0.kind == .revisionUnknown && $0.actual == "feature_x" })
    }

    @Test func missingVersionTableIsReported() async throws {
        let result = try await check(FixedReader(result: .success(try Self.actual(prodDrift: false, revision: nil))))
        #expect(result.findings.contains { $0.kind == .versionTableMissing })
        #expect(result.status == .drift)
    }

    @Test func gatingFollowsFailOnAndIgnoresPending() {
        let warning = Finding(kind: .columnComment, severity: .warning, object: "a.t.c", message: "m")
        let pending = Finding(kind: .missingTable, severity: .error, object: "a.t", message: "m", status: .pending)
        #expect(!EnvironmentChecker.gates([warning], failOn: .error))
        #expect(EnvironmentChecker.gates([warning], failOn: .warning))
        #expect(!EnvironmentChecker.gates([pending], failOn: .warning))
    }

    @Test func outcomeCombinesEnvironments() {
        #expect(CheckRunner.outcome(of: []) == .clean)
        #expect(CheckRunner.outcome(of: [.init(name: "a", status: .clean), .init(name: "b", status: .drift)]) == .drift)
        #expect(CheckRunner.outcome(of: [.init(name: "a", status: .unreachable), .init(name: "b", status: .drift)]) == .couldNotCheck)
    }
}
