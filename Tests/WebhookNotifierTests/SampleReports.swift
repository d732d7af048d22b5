import DriftReport
import SchemaDiff

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
