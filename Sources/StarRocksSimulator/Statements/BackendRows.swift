/// `SHOW BACKENDS` / `SHOW PROC '/backends'`: one row per simulated backend, `Alive` true for the first
/// `backendsAlive`. Column titles follow a 3.3 FE (the exact list varies by version; select by name).
enum BackendRows {
    static let columns = [
        "BackendId", "IP", "HeartbeatPort", "BePort", "HttpPort", "BrpcPort", "LastStartTime", "LastHeartbeat", "Alive",
        "SystemDecommissioned", "ClusterDecommissioned", "TabletNum", "DataUsedCapacity", "AvailCapacity",
        "TotalCapacity", "UsedPct", "MaxDiskUsedPct", "ErrMsg", "Version", "Status", "DataTotalCapacity", "DataUsedPct",
        "CpuCores", "NumRunningQueries", "MemUsedPct", "CpuUsedPct", "Location",
    ]

    static func resultSet(_ state: SimulatorState) -> SimulatedResultSet {
        let rows: [[String?]] = (0..<max(0, state.backendsTotal)).map { index in
            let alive = index < state.backendsAlive
            return [
                String(10_001 + index), "127.0.0.\(index + 2)", "9050", "9060", "8040", "8060",
                InformationSchemaRows.fixedTime, InformationSchemaRows.fixedTime, alive ? "true" : "false", "false",
                "false", "0", "0.000 B", "1.000 TB", "1.000 TB", "0.00 %", "0.00 %",
                alive ? "" : "java.net.ConnectException: Connection refused", state.serverVersion,
                "{\"lastSuccessReportTabletsTime\":\"\(InformationSchemaRows.fixedTime)\"}", "1.000 TB", "0.00 %", "8",
                "0", "0.00 %", "0.0 %", "",
            ]
        }
        return SimulatedResultSet(columns: columns, rows: rows)
    }
}
