import StarRocksClient

/// A failure that stops a subcommand before it could check anything (exit 2). Errors of the libraries below
/// (`HistoryError`, `ConfigError`, `ReplayError`, ...) are not wrapped: they reach the executable as they are, with
/// their own file, line and column; this type holds only the failures the pipeline itself finds. Its text is safe
/// to print: it never contains a password or webhook URL.
public enum DriftCheckError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--env NAME` names no environment file in `directory`.
    case unknownEnvironment(name: String, directory: String, known: [String])
    /// `--revision REV` is not in the history.
    case unknownRevision(String, head: String)
    /// The variable a config key names is not set.
    case secretNotSet(environment: String, variable: String, key: String, file: String, user: String)
    /// The variable holds a password shorter than `Secret.minimumLength`.
    case secretTooShort(environment: String, variable: String, key: String, file: String, user: String)
    /// An environment's server could not be read (the reason is already scrubbed of secrets).
    case environmentUnreadable(environment: String, reason: String)
    /// A `--expected` / `--actual` input could not be loaded; `reason` is the loader's error text.
    case input(side: String, path: String, reason: String)
    /// A file or directory could not be written.
    case cannotWrite(path: String, reason: String)
    /// A file the command would create exists already.
    case fileExists(path: String, advice: String)
    /// The arguments cannot work together or need something the command cannot do here.
    case usage(String)

    /// The message the executable prints.
    public var description: String {
        switch self {
        case .unknownEnvironment(let name, let directory, let known):
            return "unknown environment '\(name)' (--env); environments in \(directory): \(known.joined(separator: ", "))"
        case .unknownRevision(let revision, let head):
            return "unknown revision '\(revision)' (--revision); the head is \(head); `starrocks-drift history` lists the revisions"
        case .secretNotSet(let environment, let variable, let key, let file, let user):
            return "\(environment): environment variable \(variable) (\(key) in \(file)) is not set; export it with the password of \(user)"
        case .secretTooShort(let environment, let variable, let key, let file, let user):
            return "\(environment): the password in \(variable) (\(key) in \(file)) is shorter than \(Secret.minimumLength) characters; use a longer password for \(user), or remove password_env for a user without a password"
        case .environmentUnreadable(let environment, let reason):
            return "\(environment): \(reason)"
        case .input(let side, let path, let reason):
            return "\(side) \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .fileExists(let path, let advice):
            return "\(path) exists already; \(advice)"
        case .usage(let message):
            return message
        }
    }
}
