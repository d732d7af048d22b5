// StarRocksSimulator: a StarRocks FE *simulator* (not StarRocks) for tests, demos and benchmarks. It speaks the
// MySQL protocol on loopback (protocol 41, mysql_native_password, text result sets, no TLS) and answers the read-only
// statements starrocks-drift sends from a catalog of verbatim `SHOW CREATE` output, with StarRocks-shaped result sets
// and errors. By default it never applies a write: writes are rejected and logged. With `writable` options it
// applies DDL to an in-memory catalog (`WritableCatalog`) for `upgrade` tests. Entry points: `SimulatorCatalog`,
// `Simulator`.
