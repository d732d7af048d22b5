// DriftCheck: the pipeline behind every starrocks-drift subcommand. Loads environment configs and the migration
// history, builds the expected state (replay) and the actual state (a server), diffs them, classifies findings
// (pending vs drift, operations), renders and writes the reports, and notifies. It returns an `Outcome`; it never
// exits the process (only the executable maps an Outcome to an exit code).
