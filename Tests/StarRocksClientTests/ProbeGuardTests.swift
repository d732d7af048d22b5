import StarRocksClient
import Testing

@Suite("Probe guard decisions (calibrate writes only inside its probe database)")
struct ProbeGuardTests {
    static let scope = ProbeGuard.Scope(database: "_probe_1765000000_a1b2c3", prefix: "_probe")

    static let allowed: [String] = [
        "SELECT current_version()",
        "SHOW DATABASES",
        "SHOW CREATE TABLE `_probe_1765000000_a1b2c3`.`p_duplicate`",
        "ADMIN SHOW FRONTEND CONFIG LIKE 'run_mode'",
        "CREATE DATABASE `_probe_1765000000_a1b2c3`",
        "DROP DATABASE IF EXISTS `_probe_1765000000_a1b2c3` FORCE",
        "DROP DATABASE `_probe_1700000000_00ff00` FORCE",
        "CREATE TABLE `_probe_1765000000_a1b2c3`.`t` (`k` INT) DUPLICATE KEY(`k`) DISTRIBUTED BY HASH(`k`) BUCKETS 1",
        "CREATE VIEW `_probe_1765000000_a1b2c3`.`v` AS SELECT d.`k` FROM `_probe_1765000000_a1b2c3`.`t` d "
            + "JOIN `_probe_1765000000_a1b2c3`.`u` u ON d.`k` = u.`k`",
        "CREATE MATERIALIZED VIEW `_probe_1765000000_a1b2c3`.`mv` REFRESH DEFERRED MANUAL AS SELECT `k` FROM "
            + "(SELECT `k` FROM `_probe_1765000000_a1b2c3`.`t`) x",
        "CREATE TABLE `_probe_1765000000_a1b2c3`.`t` (`k` DATE) PARTITION BY date_trunc('day', `k`);",
        "CREATE VIEW `_probe_1765000000_a1b2c3`.`v` AS SELECT 1 FROM `_probe_1765000000_a1b2c3`.`a` x, "
            + "`_probe_1765000000_a1b2c3`.`b` AS y WHERE x.k = y.k",
    ]

    @Test(arguments: allowed)
    func allows(_ sql: String) {
        #expect(ProbeGuard.verdict(for: sql, scope: Self.scope) == .allowed)
    }

    static let refused: [String] = [
        "CREATE DATABASE `analytics`",
        "CREATE DATABASE _probe_1765000000_a1b2c3",
        "DROP DATABASE `analytics`",
        "DROP DATABASE `_probe_extra`",
        "DROP DATABASE `_probe_1765000000_a1b2c3x`",
        "DROP DATABASE `_probe_1765000000_a1b2c3` FORCE EXTRA",
        "DROP TABLE `_probe_1765000000_a1b2c3`.`t`",
        "CREATE TABLE `t` (`k` INT)",
        "CREATE TABLE analytics.t (`k` INT)",
        "CREATE TABLE `analytics`.`t` (`k` INT)",
        "CREATE TABLE `_probe_1765000000_a1b2c3`.`t` LIKE `analytics`.`events`",
        "CREATE TABLE `_probe_1765000000_a1b2c3`.`t` AS SELECT * FROM `analytics`.`events`",
        "CREATE VIEW `_probe_1765000000_a1b2c3`.`v` AS SELECT * FROM events",
        "CREATE VIEW `_probe_1765000000_a1b2c3`.`v` AS SELECT * FROM `_probe_1765000000_a1b2c3`.`t` JOIN other.t2",
        "CREATE VIEW `_probe_1765000000_a1b2c3`.`v` AS SELECT 1 FROM `_probe_1765000000_a1b2c3`.`a` x, analytics.events",
        "CREATE VIEW `_probe_1765000000_a1b2c3`.`v` AS SELECT 1 FROM `_probe_1765000000_a1b2c3`.`a`, `analytics`.`events` e",
        "CREATE EXTERNAL TABLE `_probe_1765000000_a1b2c3`.`t` (`k` INT)",
        "CREATE USER `_probe_1765000000_a1b2c3`",
        "ALTER TABLE `_probe_1765000000_a1b2c3`.`t` ADD COLUMN c INT",
        "INSERT INTO `_probe_1765000000_a1b2c3`.`t` VALUES (1)",
        "CREATE DATABASE `_probe_1765000000_a1b2c3`; DROP DATABASE `analytics`",
        "/*!50000 DROP DATABASE analytics */ CREATE DATABASE `_probe_1765000000_a1b2c3`",
        "GRANT ALL ON *.* TO drift_probe",
    ]

    @Test(arguments: refused)
    func refuses(_ sql: String) {
        guard case .refused = ProbeGuard.verdict(for: sql, scope: Self.scope) else {
            Issue.record("allowed: \(sql)")
            return
        }
        #expect(throws: ClientError.self) { try ProbeGuard.check(sql, scope: Self.scope, environment: "dev") }
    }

    @Test func probeDatabaseNamesAreRecognised() {
        #expect(Self.scope.isProbeDatabase("_probe_1700000000_abcdef"))
        #expect(!Self.scope.isProbeDatabase("_probe_abc_abcdef"))
        #expect(!Self.scope.isProbeDatabase("_probe_1700000000"))
        #expect(!Self.scope.isProbeDatabase("_probe_1700000000_xyz"))
        #expect(!Self.scope.isProbeDatabase("_probe2_1700000000_abcdef"))
    }

    @Test func refusalMessageNamesTheReasonNotTheLiterals() {
        do {
            try ProbeGuard.check("CREATE TABLE `analytics`.`t` (`k` INT) PROPERTIES ('secret' = 'hunter22')",
                                 scope: Self.scope, environment: "dev")
            Issue.record("not refused")
        } catch {
            let text = "\(error)"
            #expect(text.contains("outside its probe database"))
            #expect(!text.contains("hunter22"))
        }
    }
}
