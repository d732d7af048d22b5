import DriftTestSupport
import Foundation
import StarRocksSimulator
import Testing

/// The writable simulator's printer on forms the corpus does not hold: LESS THAN and MAXVALUE ranges, a month batch
/// with a dropped partition, LIST partitions, AGGREGATE KEY columns with defaults and complex types, a PRIMARY KEY
/// table with AUTO_INCREMENT and a sort key, a view with declared columns, a materialized view with an async
/// schedule. Each expected text is written from the StarRocks printing rules in docs/SIMULATOR.md.
@Suite struct SimulatorPrinterTests {
    /// Runs `statements` in a fresh writable simulator and returns `SHOW CREATE <kind> <name>`.
    static func printed(_ statements: [String], show kind: String = "TABLE", name: String) -> String {
        let simulator = Simulator(catalog: SimulatorCatalog(databases: ["analytics": [:]]),
                                  options: SimulatorOptions(writable: true, jobMilliseconds: 0))
        for statement in statements {
            Thread.sleep(forTimeInterval: 0.001)
            let reply = simulator.reply(to: statement, database: "analytics")
            if case .error(let error) = reply { return "rejected: \(statement): \(error.message)" }
        }
        guard case .resultSet(let result) = simulator.reply(to: "SHOW CREATE \(kind) \(name)", database: "analytics"),
              let text = result.rows.first?[1] else { return "no SHOW CREATE result" }
        return text
    }

    static let properties = """
    PROPERTIES (
    "compression" = "LZ4",
    "fast_schema_evolution" = "true",
    "replicated_storage" = "true",
    "replication_num" = "1"
    );
    """

    @Test func lessThanPartitionsCloseAtThePreviousBoundAndTheTypeMinimum() {
        let text = Self.printed(["""
            CREATE TABLE r (k INT, v BIGINT) DUPLICATE KEY(k) PARTITION BY RANGE(k) (PARTITION p1 VALUES LESS THAN ("0"),
            PARTITION p2 VALUES LESS THAN ("100"), PARTITION p3 VALUES LESS THAN MAXVALUE)
            DISTRIBUTED BY HASH(k) BUCKETS 4 PROPERTIES ("replication_num" = "1")
            """], name: "r")
        #expect(text == """
            CREATE TABLE `r` (
              `k` int(11) NULL COMMENT "",
              `v` bigint(20) NULL COMMENT ""
            ) ENGINE=OLAP \nDUPLICATE KEY(`k`)
            PARTITION BY RANGE(`k`)
            (PARTITION p1 VALUES [("-2147483648"), ("0")),
            PARTITION p2 VALUES [("0"), ("100")),
            PARTITION p3 VALUES [("100"), (MAXVALUE)))
            DISTRIBUTED BY HASH(`k`) BUCKETS 4 \n
            """ + Self.properties)
    }

    @Test func monthBatchExpandsInTheColumnTypeAndForgetsADroppedPartition() {
        let text = Self.printed([
            """
            CREATE TABLE m (d DATETIME, v INT) PARTITION BY RANGE(d) (START ("2024-01-01") END ("2024-04-01")
            EVERY (INTERVAL 1 MONTH)) DISTRIBUTED BY HASH(d) PROPERTIES ("replication_num" = "1")
            """,
            "ALTER TABLE m DROP PARTITION p202402",
        ], name: "m")
        #expect(text == """
            CREATE TABLE `m` (
              `d` datetime NULL COMMENT "",
              `v` int(11) NULL COMMENT ""
            ) ENGINE=OLAP \nDUPLICATE KEY(`d`, `v`)
            PARTITION BY RANGE(`d`)
            (PARTITION p202401 VALUES [("2024-01-01 00:00:00"), ("2024-02-01 00:00:00")),
            PARTITION p202403 VALUES [("2024-03-01 00:00:00"), ("2024-04-01 00:00:00")))
            DISTRIBUTED BY HASH(`d`)

            """ + Self.properties)
    }

    @Test func listPartitionsPrintSingleQuotedValues() {
        let text = Self.printed(["""
            CREATE TABLE l (city VARCHAR(20) NOT NULL, v INT) DUPLICATE KEY(city) PARTITION BY LIST(city)
            (PARTITION p1 VALUES IN ("a", "b"), PARTITION p2 VALUES IN ("c")) DISTRIBUTED BY HASH(city)
            PROPERTIES ("replication_num" = "1")
            """], name: "l")
        #expect(text.contains("""
            PARTITION BY LIST(`city`)(
              PARTITION p1 VALUES IN ('a', 'b'),
              PARTITION p2 VALUES IN ('c')
            )
            DISTRIBUTED BY HASH(`city`)
            """), "\(text)")
    }

    @Test func aggregateColumnsPrintTheirFunctionDefaultsAndComplexTypes() {
        let text = Self.printed(["""
            CREATE TABLE a (k1 DATE, k2 VARCHAR(10) NOT NULL, v1 BIGINT SUM DEFAULT "0",
            v2 DATETIME REPLACE DEFAULT CURRENT_TIMESTAMP, v3 ARRAY<INT> REPLACE) AGGREGATE KEY(k1, k2)
            DISTRIBUTED BY HASH(k1) BUCKETS 2 PROPERTIES ("replication_num" = "1", "compression" = "zstd", "in_memory" = "false")
            """], name: "a")
        #expect(text == """
            CREATE TABLE `a` (
              `k1` date NULL COMMENT "",
              `k2` varchar(10) NOT NULL COMMENT "",
              `v1` bigint(20) SUM NULL DEFAULT "0" COMMENT "",
              `v2` datetime REPLACE NULL DEFAULT CURRENT_TIMESTAMP COMMENT "",
              `v3` ARRAY<int(11)> REPLACE NULL COMMENT ""
            ) ENGINE=OLAP \nAGGREGATE KEY(`k1`, `k2`)
            DISTRIBUTED BY HASH(`k1`) BUCKETS 2 \nPROPERTIES (
            "compression" = "ZSTD",
            "fast_schema_evolution" = "true",
            "replicated_storage" = "true",
            "replication_num" = "1"
            );
            """)
    }

    @Test func primaryKeyTableGetsNotNullKeysHashDistributionAndPersistentIndex() {
        let text = Self.printed(["""
            CREATE TABLE p (id BIGINT AUTO_INCREMENT, name STRING, score DECIMAL(12, 2)) PRIMARY KEY(id) ORDER BY(name)
            PROPERTIES ("replication_num" = "1")
            """], name: "p")
        #expect(text == """
            CREATE TABLE `p` (
              `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT "",
              `name` varchar(65533) NULL COMMENT "",
              `score` decimal(12, 2) NULL COMMENT ""
            ) ENGINE=OLAP \nPRIMARY KEY(`id`)
            DISTRIBUTED BY HASH(`id`)
            ORDER BY(`name`)
            PROPERTIES (
            "compression" = "LZ4",
            "enable_persistent_index" = "true",
            "fast_schema_evolution" = "true",
            "replicated_storage" = "true",
            "replication_num" = "1"
            );
            """)
    }

    static let base = "CREATE TABLE t (k INT, v BIGINT) DUPLICATE KEY(k) PROPERTIES (\"replication_num\" = \"1\")"

    @Test func viewPrintsDeclaredColumnsCommentSecurityAndTheQueryAsTyped() {
        let text = Self.printed([Self.base, "CREATE VIEW v (a COMMENT \"first\", b) COMMENT \"people\" AS SELECT k, v  FROM t"],
                                show: "VIEW", name: "v")
        #expect(text == "CREATE VIEW `v` (`a` COMMENT \"first\", `b`)\nCOMMENT \"people\" SECURITY NONE AS SELECT k, v  FROM t;")
    }

    @Test func materializedViewPrintsScheduleAndPropertiesInHashMapOrder() {
        let text = Self.printed([
            Self.base,
            """
            CREATE MATERIALIZED VIEW mv1 DISTRIBUTED BY HASH(k) REFRESH ASYNC START("2024-01-01 10:00:00")
            EVERY(INTERVAL 1 DAY) PROPERTIES ("replication_num" = "1", "partition_refresh_number" = "2")
            AS SELECT k, sum(v) AS total FROM t GROUP BY k
            """,
        ], show: "MATERIALIZED VIEW", name: "mv1")
        // java.util.HashMap buckets (capacity 16): replicated_storage 2, partition_refresh_number 3,
        // replication_num 11; storage_medium is appended after the map.
        #expect(text == """
            CREATE MATERIALIZED VIEW `mv1` (`k`, `total`)
            DISTRIBUTED BY HASH(`k`)
            REFRESH ASYNC START("2024-01-01 10:00:00") EVERY(INTERVAL 1 DAY)
            PROPERTIES (
            "replicated_storage" = "true",
            "partition_refresh_number" = "2",
            "replication_num" = "1",
            "storage_medium" = "HDD"
            )
            AS SELECT k, sum(v) AS total FROM t GROUP BY k;
            """)
    }

    /// The printer and the writable catalog that calls it never reach for the project's normalizer or canonical
    /// printer (comments may name them): the oracle stays independent of what it checks.
    @Test func printerDoesNotUseTheNormalizerOrTheCanonicalPrinter() throws {
        let sources = RepositoryPaths.root.appendingPathComponent("Sources/StarRocksSimulator")
        let printer = sources.appendingPathComponent("Printer")
        let files = try FileManager.default.contentsOfDirectory(at: printer, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" } + [sources.appendingPathComponent("Catalog/WritableCatalog.swift")]
        #expect(files.count > 5)
        for file in files {
            let code = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            for line in code where line.contains("Normalize") || line.contains("CanonicalDDL") {
                Issue.record("\(file.lastPathComponent) uses the normalizer or canonical printer: \(line)")
            }
        }
    }
}
