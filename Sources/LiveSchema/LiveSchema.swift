// LiveSchema: reads a server's actual schema over a read-only `QueryRunning` (a Connection or ConnectionPool) into
// the same `Catalog` model the migrations side produces, parsing every SHOW CREATE text with the same parser and
// lowering (`Catalog.load`). It also reads the operational state (version, version table, schema-change jobs,
// backends, MV health). It never sends a write, never prints, and turns missing privileges into "not checked" parts
// and unparseable objects into reported items instead of failing.
