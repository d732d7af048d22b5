// StarRocksSimulator: a StarRocks FE *simulator* (not StarRocks) for tests, demos and benchmarks. It speaks the
// MySQL protocol on loopback (protocol 41, mysql_native_password, text result sets, no TLS) and answers the read-only
// statements starrocks-drift sends from a catalog of verbatim `SHOW CREATE` output, with StarRocks-shaped result sets
// and errors. It never applies a write: writes are rejected and logged. Entry points: `SimulatorCatalog`,
// `Simulator`.
