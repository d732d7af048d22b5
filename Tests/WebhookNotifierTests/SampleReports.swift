import DriftReport
import Findings

/// Report documents the payload tests build chat messages from.
enum SampleReports {
    static let generatedAt = "2026-11-27T02:00:00Z"
    static let reportURL = "https://ci.example.com/acme/warehouse/actions/runs/42"

    static let drift = DriftReportDocument(generatedAt: generatedAt, headRevision: "c3d4e5f6", environments: [
        EnvironmentResult(name: "dev", status: .clean, revision: "c3d4e5f6", revisionsBehind: 0, objectsCompared: 12),
        EnvironmentResult(
            name: "prod", status: .drift, revision: "a1b2c3d4", revisionsBehind: 1, pendingRevisions: ["c3d4e5f6"],
            findings: [
                Finding(kind: .missingColumn, severity: .warning, object: "analytics.events.utm_campaign",
                        expected: "`utm_campaign` VARCHAR(100) NULL", message: "column added by pending revision c3d4e5f6",
                        fixSQL: "ALTER TABLE `analytics`.`events` ADD COLUMN `utm_campaign` VARCHAR(100) NULL;",
                        status: .pending),
                Finding(kind: .unexpectedColumn, severity: .error, object: "analytics.events.hand_added",
                        actual: "`hand_added` INT NULL", message: "column exists on the server but in no revision",
                        fixSQL: "ALTER TABLE `analytics`.`events` DROP COLUMN `hand_added`;"),
                Finding(kind: .property, severity: .error, object: "analytics.orders.properties.replication_num",
                        expected: "3", actual: "1", message: "replication_num <is> 1 & not 3",
                        transient: true),
                Finding(kind: .backendsMissing, severity: .warning, object: "prod", expected: "3 alive backends",
                        actual: "2 alive backends", message: "fewer alive backends than expect.backends",
                        status: .operational),
            ],
            notCompared: [NotCompared(object: "analytics.ext", reason: "external table")],
            objectsCompared: 12),
        EnvironmentResult(name: "staging", status: .unreachable,
                          error: "environment staging: cannot connect to sr-staging-fe:9030 (errno 2003)"),
    ])

    static let clean = DriftReportDocument(generatedAt: generatedAt, headRevision: "c3d4e5f6", environments: [
        EnvironmentResult(name: "dev", status: .clean, revision: "c3d4e5f6", revisionsBehind: 0, objectsCompared: 12),
    ])

    /// A run compared with the previous one: a new and an open finding on prod, a resolved one on dev (clean again),
    /// and a warning about the previous report.
    static let memory: DriftReportDocument = {
        let previousAt = "2026-11-26T02:00:00Z"
        let prod = EnvironmentResult(
            name: "prod", status: .drift, revision: "c3d4e5f6", revisionsBehind: 0,
            findings: [
                Finding(kind: .columnType, severity: .error, object: "analytics.events.utm_source",
                        expected: "VARCHAR(100)", actual: "VARCHAR(50)", message: "column type differs"),
                Finding(kind: .unexpectedColumn, severity: .error, object: "analytics.events.hand_added",
                        actual: "`hand_added` INT NULL", message: "column exists on the server but in no revision"),
            ],
            objectsCompared: 12,
            memory: EnvironmentMemory(previousStatus: .drift, history: [
                "prod/column_type/analytics.events.utm_source": FindingHistory(firstSeen: "2026-11-02T02:00:00Z", change: .open),
                "prod/unexpected_column/analytics.events.hand_added": FindingHistory(firstSeen: generatedAt, change: .new),
            ]))
        let dev = EnvironmentResult(
            name: "dev", status: .clean, revision: "c3d4e5f6", revisionsBehind: 0, objectsCompared: 12,
            memory: EnvironmentMemory(previousStatus: .drift, resolved: [
                TrackedFinding(findingID: "dev/property/analytics.users.properties.replication_num", kind: "property",
                               severity: "error", status: "drift", object: "analytics.users.properties.replication_num",
                               message: "replication_num is 3 on the server, 1 expected",
                               firstSeen: "2026-11-20T02:00:00Z", lastSeen: previousAt),
            ]))
        return DriftReportDocument(generatedAt: generatedAt, headRevision: "c3d4e5f6", environments: [dev, prod],
                                   previousReports: [PreviousReportInfo(path: "drift-report-previous",
                                                                        generatedAt: previousAt)])
    }()

    /// Many environments with many long findings: more than Slack's 50 blocks and 3000-character sections hold.
    static let huge: DriftReportDocument = {
        let longText = String(repeating: "very long value with `ticks` & <angles> ", count: 40)
        let environments = (1...8).map { number in
            EnvironmentResult(
                name: "env\(number)", status: .drift, revision: "r\(number)", revisionsBehind: 0,
                findings: (1...120).map { index in
                    Finding(kind: .columnType, severity: .error, object: "db\(number).table\(index).column",
                            expected: longText, actual: longText + "!", message: "type differs " + longText)
                },
                objectsCompared: 120)
        }
        return DriftReportDocument(generatedAt: generatedAt, headRevision: "r1", environments: environments)
    }()
}
