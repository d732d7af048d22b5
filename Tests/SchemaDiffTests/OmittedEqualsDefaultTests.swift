import SchemaDiff
import SchemaModel
import Testing

/// What a migration omitted (or spelled its own way) against what a server prints for it: no drift.
struct DefaultCase: CustomTestStringConvertible, Sendable {
    let name: String
    let expected: String
    let actual: String
    var testDescription: String { name }
    init(_ name: String, _ expected: String, _ actual: String) {
        self.name = name
        self.expected = expected
        self.actual = actual
    }
}

let defaultCases: [DefaultCase] = [
    DefaultCase("integer widths and aliases",
                "CREATE TABLE t (a TINYINT, b SMALLINT, c INTEGER, d BIGINT, e LARGEINT, f BOOLEAN) DUPLICATE KEY(a);",
                """
                CREATE TABLE `t` (
                  `a` tinyint(4) NULL COMMENT "",
                  `b` smallint(6) NULL COMMENT "",
                  `c` int(11) NULL COMMENT "",
                  `d` bigint(20) NULL COMMENT "",
                  `e` largeint(40) NULL COMMENT "",
                  `f` boolean NULL COMMENT ""
                ) ENGINE=OLAP 
                DUPLICATE KEY(`a`)
                DISTRIBUTED BY RANDOM
                PROPERTIES (
                "bucket_size" = "4294967296",
                "compression" = "LZ4",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "3"
                );
                """),
    DefaultCase("string, decimal spellings, complex types",
                "CREATE TABLE t (k INT, s STRING, d DECIMAL, e DECIMAL(10,2), f DECIMAL(27, 9), a ARRAY<INT>, m MAP<INT, STRING>) DUPLICATE KEY(k);",
                """
                CREATE TABLE `t` (
                  `k` int(11) NULL COMMENT "",
                  `s` varchar(65533) NULL COMMENT "",
                  `d` decimal(10, 0) NULL COMMENT "",
                  `e` decimal64(10, 2) NULL COMMENT "",
                  `f` decimal128(27, 9) NULL COMMENT "",
                  `a` array<int(11)> NULL COMMENT "",
                  `m` map<int(11),varchar(65533)> NULL COMMENT ""
                ) ENGINE=OLAP 
                DUPLICATE KEY(`k`)
                DISTRIBUTED BY RANDOM;
                """),
    DefaultCase("nullability, primary key forced NOT NULL, comment, default quoting, hash distribution of PK",
                "CREATE TABLE t (k INT, v INT DEFAULT 0 COMMENT '', ts DATETIME DEFAULT current_timestamp) PRIMARY KEY(k);",
                """
                CREATE TABLE `t` (
                  `k` int(11) NOT NULL COMMENT "",
                  `v` int(11) NULL DEFAULT "0" COMMENT "",
                  `ts` datetime NULL DEFAULT CURRENT_TIMESTAMP COMMENT ""
                ) ENGINE=OLAP 
                PRIMARY KEY(`k`)
                DISTRIBUTED BY HASH(`k`)
                PROPERTIES (
                "compression" = "LZ4",
                "enable_persistent_index" = "true",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "3"
                );
                """),
    DefaultCase("aggregate names dropped on UNIQUE tables, ORDER BY equal to the key",
                "CREATE TABLE t (k INT NOT NULL, v INT REPLACE) UNIQUE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 3 ORDER BY(k);",
                """
                CREATE TABLE `t` (
                  `k` int(11) NOT NULL COMMENT "",
                  `v` int(11) NULL COMMENT ""
                ) ENGINE=OLAP 
                UNIQUE KEY(`k`)
                DISTRIBUTED BY HASH(`k`) BUCKETS 3 
                PROPERTIES (
                "replication_num" = "3",
                "in_memory" = "false",
                "enable_persistent_index" = "false",
                "replicated_storage" = "true",
                "light_schema_change" = "true",
                "compression" = "LZ4"
                );
                """),
    DefaultCase("inferred DUPLICATE KEY: three fixed-size columns",
                "CREATE TABLE t (a INT, b INT, c INT, d INT);",
                "CREATE TABLE `t` (`a` int(11) NULL, `b` int(11) NULL, `c` int(11) NULL, `d` int(11) NULL) DUPLICATE KEY(`a`, `b`, `c`) DISTRIBUTED BY RANDOM;"),
    DefaultCase("inferred DUPLICATE KEY: stops after a VARCHAR",
                "CREATE TABLE t (a BIGINT, b VARCHAR(100), c DECIMAL, d INT);",
                "CREATE TABLE `t` (`a` bigint(20) NULL, `b` varchar(100) NULL, `c` decimal(10, 0) NULL, `d` int(11) NULL) DUPLICATE KEY(`a`, `b`) DISTRIBUTED BY RANDOM;"),
    DefaultCase("inferred DUPLICATE KEY: 36-byte short key",
                "CREATE TABLE t (a LARGEINT, b LARGEINT, c LARGEINT);",
                "CREATE TABLE `t` (`a` largeint(40) NULL, `b` largeint(40) NULL, `c` largeint(40) NULL) DUPLICATE KEY(`a`, `b`) DISTRIBUTED BY RANDOM;"),
    DefaultCase("omitted BUCKETS accepts the server's count",
                "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);",
                "CREATE TABLE `t` (`k` int(11) NULL) DUPLICATE KEY(`k`) DISTRIBUTED BY HASH(`k`) BUCKETS 12;"),
    DefaultCase("START/END/EVERY by day, LESS THAN with type minimum and MAXVALUE",
                """
                CREATE TABLE t (d DATE, k INT) DUPLICATE KEY(d)
                PARTITION BY RANGE(d) (START ("2026-01-30") END ("2026-02-02") EVERY (INTERVAL 1 DAY),
                  PARTITION pold VALUES LESS THAN ("2026-01-30"), PARTITION pmax VALUES LESS THAN (MAXVALUE))
                DISTRIBUTED BY HASH(k);
                """,
                """
                CREATE TABLE `t` (`d` date NULL, `k` int(11) NULL) DUPLICATE KEY(`d`)
                PARTITION BY RANGE(`d`)
                (PARTITION pold VALUES [("0000-01-01"), ("2026-01-30")),
                PARTITION p20260130 VALUES [("2026-01-30"), ("2026-01-31")),
                PARTITION p20260131 VALUES [("2026-01-31"), ("2026-02-01")),
                PARTITION p20260201 VALUES [("2026-02-01"), ("2026-02-02")),
                PARTITION pmax VALUES [("2026-02-02"), (MAXVALUE)))
                DISTRIBUTED BY HASH(`k`);
                """),
    DefaultCase("month and year batches; partitions added at run time inside the window",
                """
                CREATE TABLE t (d DATETIME, k INT) DUPLICATE KEY(d)
                PARTITION BY RANGE(d) (START ("2026-01-01") END ("2026-03-01") EVERY (INTERVAL 1 MONTH),
                  START ("2027-01-01") END ("2029-01-01") EVERY (INTERVAL 1 YEAR))
                DISTRIBUTED BY HASH(k);
                """,
                """
                CREATE TABLE `t` (`d` datetime NULL, `k` int(11) NULL) DUPLICATE KEY(`d`)
                PARTITION BY RANGE(`d`)
                (PARTITION p202601 VALUES [("2026-01-01 00:00:00"), ("2026-02-01 00:00:00")),
                PARTITION p202602 VALUES [("2026-02-01 00:00:00"), ("2026-03-01 00:00:00")),
                PARTITION p202606 VALUES [("2026-06-01 00:00:00"), ("2026-07-01 00:00:00")),
                PARTITION p2027 VALUES [("2027-01-01 00:00:00"), ("2028-01-01 00:00:00")),
                PARTITION p2028 VALUES [("2028-01-01 00:00:00"), ("2029-01-01 00:00:00")))
                DISTRIBUTED BY HASH(`k`);
                """),
    DefaultCase("numeric EVERY on an INT column",
                "CREATE TABLE t (k INT) DUPLICATE KEY(k) PARTITION BY RANGE(k) (START (\"0\") END (\"20\") EVERY (10)) DISTRIBUTED BY HASH(k);",
                """
                CREATE TABLE `t` (`k` int(11) NULL) DUPLICATE KEY(`k`)
                PARTITION BY RANGE(`k`)
                (PARTITION p0 VALUES [("0"), ("10")),
                PARTITION p10 VALUES [("10"), ("20")))
                DISTRIBUTED BY HASH(`k`);
                """),
    DefaultCase("LIST values as sets, partitions in any order",
                """
                CREATE TABLE t (city VARCHAR(20), k INT) DUPLICATE KEY(city)
                PARTITION BY LIST(city) (PARTITION p1 VALUES IN ("beijing", "shanghai"), PARTITION p2 VALUES IN ("tianjin"))
                DISTRIBUTED BY HASH(k);
                """,
                """
                CREATE TABLE `t` (`city` varchar(20) NULL, `k` int(11) NULL) DUPLICATE KEY(`city`)
                PARTITION BY LIST(`city`)(
                  PARTITION p2 VALUES IN ('tianjin'),
                  PARTITION p1 VALUES IN ('shanghai', 'beijing')
                )
                DISTRIBUTED BY HASH(`k`);
                """),
    DefaultCase("expression partitioning: quotes, backticks, parentheses",
                "CREATE TABLE t (k DATE, v INT) DUPLICATE KEY(k) PARTITION BY date_trunc(\"month\", k) DISTRIBUTED BY HASH(v);",
                "CREATE TABLE `t` (`k` date NULL, `v` int(11) NULL) DUPLICATE KEY(`k`) PARTITION BY (date_trunc('month', `k`)) DISTRIBUTED BY HASH(`v`);"),
    DefaultCase("dropped user properties, case-insensitive keys, bloom filter columns as a set",
                """
                CREATE TABLE t (a INT, b INT) DUPLICATE KEY(a) DISTRIBUTED BY HASH(a)
                PROPERTIES ("Replication_Num" = "1", "storage_format" = "DEFAULT", "in_memory" = "false", "bloom_filter_columns" = "b,a");
                """,
                """
                CREATE TABLE `t` (`a` int(11) NULL, `b` int(11) NULL) DUPLICATE KEY(`a`) DISTRIBUTED BY HASH(`a`)
                PROPERTIES (
                "bloom_filter_columns" = "a, b",
                "compression" = "LZ4",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "1"
                );
                """),
    DefaultCase("view: server-qualified, backticked, aliased query and derived column list",
                "CREATE VIEW v AS select k1, sum(v1) from tbl group by k1;",
                """
                CREATE VIEW `v` (`k1`, `sum(v1)`) AS SELECT `shop`.`tbl`.`k1`, sum(`shop`.`tbl`.`v1`) AS `sum(v1)`
                FROM `shop`.`tbl`
                GROUP BY `shop`.`tbl`.`k1`;
                """),
    DefaultCase("mv: IMMEDIATE dropped, RANDOM distribution, server properties, INNER JOIN",
                """
                CREATE MATERIALIZED VIEW mv REFRESH IMMEDIATE ASYNC START ("2026-01-01 10:00:00") EVERY (INTERVAL 1 day)
                AS select a.k, b.v from ta a join tb b on a.k = b.k;
                """,
                """
                CREATE MATERIALIZED VIEW `mv` (`k`, `v`)
                DISTRIBUTED BY RANDOM
                REFRESH ASYNC START("2026-01-01 10:00:00") EVERY(INTERVAL 1 DAY)
                PROPERTIES (
                "replication_num" = "3",
                "replicated_storage" = "true",
                "storage_medium" = "HDD"
                )
                AS SELECT `a`.`k`, `b`.`v`
                FROM `shop`.`ta` AS `a` INNER JOIN `shop`.`tb` AS `b` ON `a`.`k` = `b`.`k`;
                """),
    // Without REFRESH *and* DISTRIBUTED BY the statement makes a synchronous MV (AstBuilder), so the async case
    // needs DISTRIBUTED BY: a missing REFRESH is then MANUAL.
    DefaultCase("mv: missing REFRESH is MANUAL; old default comment",
                "CREATE MATERIALIZED VIEW mv DISTRIBUTED BY RANDOM AS select k from ta;",
                "CREATE MATERIALIZED VIEW `mv` (`k`) COMMENT \"MATERIALIZED_VIEW\" DISTRIBUTED BY RANDOM REFRESH MANUAL AS SELECT `ta`.`k` FROM `shop`.`ta`;"),
]

@Suite struct OmittedEqualsDefaultTests {
    @Test(arguments: defaultCases)
    func serverSpellingIsNoDrift(_ testCase: DefaultCase) throws {
        let comparison = diff(expected: try Sample.load(testCase.expected), actual: try Sample.load(testCase.actual))
        // A default that varies by cluster (replication_num, bucket_size) is said as info, never accepted silently.
        let findings = comparison.findings.filter { $0.kind != .propertyDefaultUnknown }
        #expect(comparison.findings.allSatisfy { $0.severity == .info })
        #expect(findings.isEmpty, "\(findings.map { "\($0.kind.rawValue)@\($0.object): \($0.expected ?? "-") vs \($0.actual ?? "-")" })")
        #expect(comparison.notCompared.isEmpty, "\(comparison.notCompared)")
        #expect(comparison.comparedObjects == 1)
    }
}
