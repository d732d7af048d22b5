import StarRocksDDL

/// Why a migration history could not be read, ordered or replayed (the CLI exits 2 on any of them).
public enum HistoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// No revision at all.
    case emptyHistory(path: String)
    /// A header line that cannot be understood.
    case malformedHeader(file: String, line: Int, reason: String)
    /// A revision file without `-- revision:`.
    case missingRevisionHeader(file: String)
    /// Two files declare the same revision id.
    case duplicateRevision(id: String, files: [String])
    /// A revision names a parent that no file declares.
    case missingParent(revision: String, parent: String, file: String)
    /// Revisions that (transitively) follow themselves.
    case cycle(revisions: [String], files: [String])
    /// More than one revision that nothing points to.
    case severalHeads(heads: [String], files: [String])
    /// A revision id that is not in the history.
    case unknownRevision(id: String)
    /// A `${name}` placeholder with no value in the environment's `variables`.
    case unknownPlaceholder(name: String, file: String, line: Int, column: Int, environment: String?, lineText: String)
    /// Alembic input (offline SQL or `versions/*.py`) that cannot be read as a history.
    case malformedAlembic(file: String, line: Int, reason: String)
    /// The history has a graph but no DDL (an Alembic `versions/` directory alone).
    case noDDL(path: String)
    /// A revision on the replay path whose DDL is unknown (Alembic `versions/` without offline SQL for it).
    case revisionWithoutDDL(revision: String, file: String)
    /// A statement of a revision failed to replay; `message` is the parser's or model's located error.
    case replayFailed(revision: String, file: String, message: String)

    /// The lower-case, actionable message naming the files (and line) involved.
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the migration history: \(reason)"
        case let .emptyHistory(path):
            return "\(path): the migration history has no revisions; add a .sql file with a `-- revision:` header"
        case let .malformedHeader(file, line, reason):
            return "\(file):\(line): malformed revision header: \(reason)"
        case let .missingRevisionHeader(file):
            return "\(file):1: missing `-- revision: <id>` header; start the file with `-- revision:`, "
                + "`-- down_revision:` and `-- message:` lines"
        case let .duplicateRevision(id, files):
            return "duplicate revision id \(id) in \(files.joined(separator: " and ")); give each revision its own id"
        case let .missingParent(revision, parent, file):
            return "\(file): revision \(revision) names down_revision \(parent), which no migration file declares; "
                + "fix the down_revision or add the missing file"
        case let .cycle(revisions, files):
            return "the revision graph has a cycle (\(revisions.joined(separator: " -> "))) in "
                + "\(files.joined(separator: ", ")); fix the down_revision lines so history runs one way"
        case let .severalHeads(heads, files):
            return "the history has \(heads.count) heads (\(heads.joined(separator: ", "))) in "
                + "\(files.joined(separator: ", ")); add a merge revision with `-- down_revision: "
                + "\(heads.joined(separator: ", "))`"
        case let .unknownRevision(id):
            return "revision \(id) is not in the migration history; check the id or merge the branch that has it"
        case let .unknownPlaceholder(name, file, line, column, environment, lineText):
            let whose = environment.map { "environment \($0)" } ?? "no environment (pass --env)"
            let caret = SourceLocation.caret(under: column, in: lineText)
            return "\(file):\(line):\(column): unknown placeholder ${\(name)}: \(whose) has no variable "
                + "\"\(name)\"; add it under `variables:` in the environment file\n\(lineText)\n\(caret)"
        case let .malformedAlembic(file, line, reason):
            return "\(file):\(line): \(reason)"
        case let .noDDL(path):
            return "\(path): an Alembic versions/ directory has the revision graph but no DDL; generate it with "
                + "`alembic upgrade head --sql > upgrade.sql` and pass that file as --migrations"
        case let .revisionWithoutDDL(revision, file):
            return "\(file): revision \(revision) has no DDL to replay; generate the offline SQL from the base with "
                + "`alembic upgrade head --sql > upgrade.sql` and pass that file"
        case let .replayFailed(revision, _, message):
            return "\(message)\n(in revision \(revision))"
        }
    }
}
