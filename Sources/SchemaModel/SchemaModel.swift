// SchemaModel: the one schema model that both sides go through.
//
// A `Catalog` built by replaying migrations (the *expected* state) and a `Catalog` built from a server's
// `SHOW CREATE` output (the *actual* state) are the same kind of value, lowered from the same parser's syntax.
// The model records what the DDL said, faithfully (an `int(11)` stays `int(11)`); server quirks are folded away by
// the named rules in `Normalize/`, never here. This module never does I/O.
//
// - `Lowering/`: syntax (`StarRocksDDL`) → model, recording what was written.
// - `Replay/`: `Catalog.apply` / `Catalog.load` apply statements the way StarRocks does; `ReplayError` for what it
//   would reject.
// - `Canonical/`: `CanonicalDDL`, the one stable text form per object, and `roundTrips` (print → parse → lower).
