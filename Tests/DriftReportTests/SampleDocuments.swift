import DriftReport
import Findings

/// The report documents the golden tests render, one per situation a reader must understand.
enum SampleDocuments {
    static let generatedAt = "2026-11-27T02:00:00Z"
    static let head = "c3d4e5f6"

    /// Every sample with its golden base name.
    static let all: [(name: String, document: DriftReportDocument)] = [
        ("clean", clean),
        ("drift-kinds", driftKinds),
        ("pending-drift-operational", pendingDriftOperational),
        ("unreachable", unreachable),
        ("not-compared", notCompared),
        ("special-characters", specialCharacters),
        ("no-environments", DriftReportDocument(generatedAt: generatedAt, headRevision: nil, environments: [])),
        ("memory", memory),
        ("memory-previous-missing", memoryPreviousMissing),
    ]

    static let clean = DriftReportDocument(generatedAt: generatedAt, headRevision: head, environments: [
        EnvironmentResult(name: "dev", status: .clean, revision: head, revisionsBehind: 0, serverVersion: "3.3.2",
                          objectsCompared: 3, statementsSent: 9, durationSeconds: 0.42,
                          comparedObjects: ["analytics.events", "analytics.events_daily", "analytics.users"]),
    ])

    static let driftKinds = DriftReportDocument(generatedAt: generatedAt, headRevision: head, environments: [
        EnvironmentResult(
            name: "prod", status: .drift, revision: head, revisionsBehind: 0, serverVersion: "3.3.2",
            findings: [
                Finding(kind: .unexpectedColumn, severity: .error, object: "analytics.events.debug_flag",
                        actual: "`debug_flag` BOOLEAN NULL",
                        message: "column analytics.events.debug_flag exists on the server but in no migration",
                        fixSQL: "ALTER TABLE `analytics`.`events` DROP COLUMN `debug_flag`;"),
                Finding(kind: .columnType, severity: .error, object: "analytics.events.utm_source",
                        expected: "VARCHAR(100)", actual: "VARCHAR(50)",
                        message: "column type differs",
                        fixSQL: "ALTER TABLE `analytics`.`events` MODIFY COLUMN `utm_source` VARCHAR(100) NULL;"),
                Finding(kind: .property, severity: .error, object: "analytics.events.properties.replication_num",
                        expected: "3", actual: "1", message: "replication_num is 1 on the server, 3 expected",
                        fixSQL: "ALTER TABLE `analytics`.`events` SET (\"replication_num\" = \"3\");"),
                Finding(kind: .keyModel, severity: .error, object: "analytics.users",
                        expected: "PRIMARY KEY(`id`)", actual: "DUPLICATE KEY(`id`)",
                        message: "key model differs",
                        fixNote: "StarRocks cannot change a key model in place: create a new table and copy the data."),
                Finding(kind: .missingMaterializedView, severity: .error, object: "analytics.events_daily",
                        expected: """
                        CREATE MATERIALIZED VIEW `events_daily`
                        REFRESH ASYNC EVERY (INTERVAL 1 DAY)
                        AS SELECT dt, count(*) AS n FROM events GROUP BY dt;
                        """,
                        message: "materialized view analytics.events_daily is missing",
                        fixSQL: """
                        CREATE MATERIALIZED VIEW `analytics`.`events_daily`
                        REFRESH ASYNC EVERY (INTERVAL 1 DAY)
                        AS SELECT dt, count(*) AS n FROM events GROUP BY dt;
                        """),
                Finding(kind: .unexpectedTable, severity: .warning, object: "analytics.tmp_backfill",
                        message: "table analytics.tmp_backfill is in no migration",
                        fixSQL: "DROP TABLE `analytics`.`tmp_backfill`;"),
            ],
            objectsCompared: 4, statementsSent: 14, durationSeconds: 1.25,
            comparedObjects: ["analytics.events", "analytics.tmp_backfill", "analytics.users"]),
    ])

    static let pendingDriftOperational = DriftReportDocument(generatedAt: generatedAt, headRevision: head, environments: [
        EnvironmentResult(
            name: "prod", status: .drift, revision: "a1b2c3d4", revisionsBehind: 1, pendingRevisions: [head],
            serverVersion: "3.3.2",
            findings: [
                Finding(kind: .missingColumn, severity: .warning, object: "analytics.events.utm_campaign",
                        expected: "`utm_campaign` VARCHAR(100) NULL",
                        message: "column added by pending revision c3d4e5f6",
                        fixSQL: "ALTER TABLE `analytics`.`events` ADD COLUMN `utm_campaign` VARCHAR(100) NULL;",
                        status: .pending),
                Finding(kind: .unexpectedColumn, severity: .error, object: "analytics.events.hand_added",
                        actual: "`hand_added` INT NULL",
                        message: "column exists on the server but in no revision",
                        fixSQL: "ALTER TABLE `analytics`.`events` DROP COLUMN `hand_added`;", status: .drift,
                        transient: true),
                Finding(kind: .schemaChangeRunning, severity: .info, object: "analytics.events",
                        actual: "RUNNING since 2026-11-27 01:50:00",
                        message: "a schema-change job is running; findings on this table may be transient",
                        status: .operational, transient: true),
                Finding(kind: .replicationExceedsBackends, severity: .error, object: "analytics.orders",
                        expected: "replication_num <= 1 (alive backends)", actual: "replication_num = 3",
                        message: "replication_num 3 needs 3 alive backends but only 1 is alive: the DDL fails or hangs",
                        fixNote: "set the replication_num variable to 1 for this environment", status: .operational),
                Finding(kind: .revisionBehind, severity: .warning, object: "prod",
                        expected: head, actual: "a1b2c3d4", message: "1 revision behind head", status: .operational),
            ],
            objectsCompared: 2, statementsSent: 11, durationSeconds: 0.8,
            comparedObjects: ["analytics.events", "analytics.orders"]),
    ])

    static let unreachable = DriftReportDocument(generatedAt: generatedAt, headRevision: head, environments: [
        EnvironmentResult(name: "dev", status: .clean, revision: head, revisionsBehind: 0, objectsCompared: 1,
                          statementsSent: 4, durationSeconds: 0.1),
        EnvironmentResult(name: "prod", status: .unreachable,
                          error: "environment prod: cannot connect to sr-prod-fe:9030 (errno 2003): connection refused; "
                              + "check the host and port in environments/prod.yaml",
                          durationSeconds: 10),
        EnvironmentResult(name: "staging", status: .error,
                          error: "environment staging: SHOW CREATE TABLE analytics.events failed (errno 1064)\n"
                              + "the server said: unexpected token"),
    ])

    static let notCompared = DriftReportDocument(generatedAt: generatedAt, headRevision: head, environments: [
        EnvironmentResult(
            name: "dev", status: .clean, revision: head, revisionsBehind: 0,
            findings: [
                Finding(kind: .tableComment, severity: .info, object: "analytics.users", expected: "people",
                        actual: "users", message: "table comment differs",
                        fixSQL: "ALTER TABLE `analytics`.`users` COMMENT = \"people\";"),
            ],
            notCompared: [
                NotCompared(object: "analytics.ext_orders", reason: "external tables are not modelled"),
                NotCompared(object: "analytics.legacy_view", reason: "SHOW CREATE VIEW output could not be parsed"),
            ],
            objectsCompared: 1, statementsSent: 6, durationSeconds: 0.3, comparedObjects: ["analytics.users"]),
    ])

    static let specialCharacters = DriftReportDocument(
        generatedAt: generatedAt, headRevision: "rev|`<&>`", environments: [
        EnvironmentResult(
            name: "prod \"eu\" | <main> & `x`", status: .drift, revision: "r1\nr2", revisionsBehind: 2,
            pendingRevisions: ["p|1", "p`2"], serverVersion: "3.3.2 <beta>",
            findings: [
                Finding(kind: .columnDefault, severity: .error, object: "analytics.t|b.c`d",
                        expected: "'a|b' `x` <y> & \"z\"", actual: "'ünïcødé ✓ 日本'",
                        message: "default differs: *not* _markup_ [link](x) <b>bold</b> & | `tick`\nsecond line",
                        fixSQL: "ALTER TABLE `analytics`.`t|b` MODIFY COLUMN `c``d` VARCHAR(10) DEFAULT 'a|b';\n-- ```fence```",
                        fixNote: "quote \"this\" & <that>"),
                Finding(kind: .viewDefinition, severity: .warning, object: "analytics.v\u{1}ctrl",
                        expected: "SELECT 1\n  AS `a|b`", actual: "SELECT 2 -- ``` not a fence end",
                        message: "tab\there, CR\rhere, line sep\u{2028}here"),
            ],
            notCompared: [NotCompared(object: "a|b`c", reason: "reason with | pipe and `tick` and <tag>")],
            objectsCompared: 2, statementsSent: 3, durationSeconds: 0.05, comparedObjects: ["analytics.t|b"]),
        EnvironmentResult(name: "ünï", status: .error, error: "failed: <&> \"quoted\" 'single' | `tick`\n```\nend"),
    ], notificationErrors: ["webhook post for prod failed: webhook post failed after 3 attempts: HTTP 500 <&> | `x`"])

    /// A run compared with the previous one: new, open and resolved findings, status changes, an unreachable
    /// environment carrying its last known findings, and a warning about the previous report.
    static let memory: DriftReportDocument = {
        let previousAt = "2026-11-26T02:00:00Z"
        let handMade = Finding(kind: .unexpectedColumn, severity: .error, object: "analytics.events.debug_flag",
                               actual: "`debug_flag` BOOLEAN NULL",
                               message: "column analytics.events.debug_flag exists on the server but in no migration",
                               fixSQL: "ALTER TABLE `analytics`.`events` DROP COLUMN `debug_flag`;")
        let narrowed = Finding(kind: .columnType, severity: .error, object: "analytics.events.utm_source",
                               expected: "VARCHAR(100)", actual: "VARCHAR(50)", message: "column type differs",
                               fixSQL: "ALTER TABLE `analytics`.`events` MODIFY COLUMN `utm_source` VARCHAR(100) NULL;")
        let prod = EnvironmentResult(
            name: "prod", status: .drift, revision: head, revisionsBehind: 0, serverVersion: "3.3.2",
            findings: [narrowed, handMade], objectsCompared: 4, statementsSent: 14, durationSeconds: 1.25,
            memory: EnvironmentMemory(previousStatus: .drift, history: [
                "prod/column_type/analytics.events.utm_source": FindingHistory(firstSeen: "2026-11-02T02:00:00Z", change: .open),
                "prod/unexpected_column/analytics.events.debug_flag": FindingHistory(firstSeen: generatedAt, change: .new),
            ]))
        let dev = EnvironmentResult(
            name: "dev", status: .clean, revision: head, revisionsBehind: 0, objectsCompared: 4, statementsSent: 12,
            durationSeconds: 0.5,
            memory: EnvironmentMemory(previousStatus: .drift, resolved: [
                TrackedFinding(findingID: "dev/property/analytics.users.properties.replication_num", kind: "property",
                               severity: "error", status: "drift", object: "analytics.users.properties.replication_num",
                               message: "replication_num is 3 on the server, 1 expected",
                               firstSeen: "2026-11-20T02:00:00Z", lastSeen: previousAt),
            ]))
        let staging = EnvironmentResult(
            name: "staging", status: .unreachable,
            error: "environment staging: cannot connect to sr-staging-fe:9030 (errno 2003): connection refused",
            durationSeconds: 10,
            memory: EnvironmentMemory(previousStatus: .drift, carriedOver: [
                TrackedFinding(findingID: "staging/missing_view/analytics.daily_active_users", kind: "missing_view",
                               severity: "error", status: "drift", object: "analytics.daily_active_users",
                               message: "view analytics.daily_active_users is missing",
                               firstSeen: "2026-11-24T02:00:00Z", lastSeen: previousAt),
            ]))
        return DriftReportDocument(generatedAt: generatedAt, headRevision: head, environments: [dev, prod, staging],
                                   previousReports: [PreviousReportInfo(
                                       path: "drift-report-previous", generatedAt: previousAt, warnings: [
                                           "the previous report drift-report-previous/drift-report.json also lists qa, "
                                               + "not checked in this run: their findings are not carried into this report",
                                       ])])
    }()

    /// `--previous` named a file that does not exist: every finding counts as new, and the report says why.
    static let memoryPreviousMissing = DriftReportDocument(
        generatedAt: generatedAt, headRevision: head, environments: [
            EnvironmentResult(
                name: "prod", status: .drift, revision: head, revisionsBehind: 0,
                findings: [Finding(kind: .unexpectedTable, severity: .error, object: "analytics.tmp_backfill",
                                   message: "table analytics.tmp_backfill is in no migration",
                                   fixSQL: "DROP TABLE `analytics`.`tmp_backfill`;")],
                objectsCompared: 3, statementsSent: 9, durationSeconds: 0.4,
                memory: EnvironmentMemory(history: [
                    "prod/unexpected_table/analytics.tmp_backfill": FindingHistory(firstSeen: generatedAt, change: .new),
                ])),
        ],
        previousReports: [PreviousReportInfo(path: "drift-report-previous/drift-report.json", generatedAt: nil, warnings: [
            "previous report drift-report-previous/drift-report.json (--previous) does not exist: nothing is compared "
                + "with an earlier run, so every finding counts as new and none as resolved. Expected on the first run; "
                + "later it means the job did not keep the last drift-report.json.",
        ])])
}
