import ArgumentParser

/// `--environments` and `--migrations`, shared by every subcommand that reads them.
struct LocationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory of environment files (<name>.yaml).", valueName: "dir"))
    var environments: String = "environments"

    @Option(name: .long, help: ArgumentHelp(
        "Migration history: a directory of revision files, an Alembic versions/ directory, or a .sql file (Alembic offline SQL or plain DDL).",
        valueName: "path"))
    var migrations: String = "migrations"
}

/// `--verbose` / `--quiet`.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Also list skipped statements and progress details.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print nothing on stderr except errors (the same as --log-level error).")
    var quiet = false

    @OptionGroup var logging: LogOptions

    mutating func validate() throws {
        if quiet && logging.level == nil { Diagnostics.settings.level = .error }
    }
}
