/// Session and server variables a simulated FE reports (`SELECT @@x`, `SHOW VARIABLES`).
enum SystemVariables {
    /// What the handshake and `@@version` report: StarRocks FEs announce a MySQL 8.0.33-compatible server.
    static let mysqlServerVersion = "8.0.33"

    /// Variable name (lower-case) → value.
    static func values(state: SimulatorState, database: String?) -> [String: String] {
        [
            "version": mysqlServerVersion,
            "version_comment": "starrocks-sim (a StarRocks FE simulator for tests and demos; not StarRocks) "
                + "simulating StarRocks version \(state.serverVersion)",
            "run_mode": state.runMode,
            "autocommit": "1",
            "auto_increment_increment": "1",
            "character_set_client": "utf8",
            "character_set_connection": "utf8",
            "character_set_results": "utf8",
            "character_set_server": "utf8",
            "collation_connection": "utf8_general_ci",
            "collation_database": "utf8_general_ci",
            "collation_server": "utf8_general_ci",
            "init_connect": "",
            "interactive_timeout": "3600",
            "language": "/starrocks/share/english/",
            "license": "Apache License 2.0",
            "lower_case_table_names": "0",
            "max_allowed_packet": "33554432",
            "net_buffer_length": "16384",
            "net_write_timeout": "60",
            "query_cache_size": "1048576",
            "query_cache_type": "0",
            "query_timeout": "300",
            "sql_mode": "ONLY_FULL_GROUP_BY",
            "sql_select_limit": "9223372036854775807",
            "system_time_zone": "UTC",
            "time_zone": "UTC",
            "transaction_isolation": "REPEATABLE-READ",
            "tx_isolation": "REPEATABLE-READ",
            "tx_read_only": "0",
            "transaction_read_only": "0",
            "wait_timeout": "28800",
            "default_replication_num": String(state.defaultReplicationNum),
        ]
    }
}
