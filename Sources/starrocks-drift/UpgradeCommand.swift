import ArgumentParser
import DriftCheck
import Foundation

/// `upgrade`: applies pending revisions to an environment that opts in, as its writer user.
struct UpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Apply pending revisions to an environment (only with upgrade.allowed: true).",
        discussion: """
        Connects as the environment's upgrade.user (password from upgrade.password_env); every other subcommand stays
        read-only. Before writing anything it refuses (exit 2) when the history is bad, lint finds errors in the
        pending revisions, a statement asks for more replicas than the alive backends, the objects the revisions touch
        carry unexplained drift (unless --force), or the environment is not at a known revision.
        Statements run one at a time; after one that starts a schema-change job, the next statement on that table
        waits until SHOW ALTER TABLE COLUMN/ROLLUP shows it FINISHED (bounded by upgrade.job_timeout_s). Each
        revision is recorded in the version table (Alembic-compatible). A rejected statement stops the run and names
        the half-applied revision; running upgrade again resumes, skipping statements already on the server.
        Without --yes it asks on a terminal and refuses without one (CI).
        Exit codes: 0 at the target (or dry run), 1 stopped part-way, 2 refused or could not start.
        """)

    @OptionGroup var locations: LocationOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to upgrade.", valueName: "name"))
    var environment: String

    @Option(name: .customLong("to"), help: ArgumentHelp("Target revision (default: head).", valueName: "rev|head"))
    var target: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would run, with the job waits; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Do not ask for confirmation (needed without a terminal, e.g. in CI).")
    var yes = false

    @Flag(name: .long, help: "Apply even when the objects the revisions touch carry unexplained drift.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Also write the JSON summary to this file.", valueName: "path"))
    var json: String?

    @Flag(name: .shortAndLong, help: "Print nothing on stderr except errors.")
    var quiet = false

    func run() async throws {
        do {
            let config = try EnvironmentLookup.find(environment, in: locations.environments)
            let interactive = isatty(STDIN_FILENO) == 1
            if !dryRun && !yes && !interactive && config.upgrade?.allowed == true {
                throw DriftCheckError.usage("upgrade writes to \(config.name): without a terminal to ask on (CI), pass --yes")
            }
            let assumeYes = yes
            let request = UpgradeRequest(
                environment: config, migrationsPath: locations.migrations, target: target, dryRun: dryRun,
                force: force, confirm: { plan in assumeYes || Self.ask(plan, environment: config.name) },
                progress: quiet ? .silent : .standardError)
            let result = await UpgradeRunner.run(request)
            print(result.text(), terminator: "")
            if let json {
                do {
                    try result.json().write(toFile: json, atomically: true, encoding: .utf8)
                } catch {
                    throw DriftCheckError.cannotWrite(path: json, reason: "the JSON summary: \(error.localizedDescription)")
                }
            }
            try finish(result.outcome)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }

    /// Shows the plan on stderr and asks on the terminal; only `y` or `yes` goes ahead.
    static func ask(_ plan: String, environment: String) -> Bool {
        FileHandle.standardError.write(Data((plan + "apply these revisions to \(environment)? [y/N] ").utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
