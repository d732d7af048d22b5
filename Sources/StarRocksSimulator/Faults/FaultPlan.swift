import Foundation

/// The faults a writable simulator injects on purpose, each matched by a regular expression on the statement text
/// and each firing a bounded number of times, so that a client's re-run meets a healthy server with the state the
/// fault left behind (nothing here ever loses the catalog or the jobs):
/// - lose reply: the statement is applied, then the connection is closed without an answer (the client sees MySQL
///   error 2013 and cannot know whether it ran);
/// - restart: the statement is applied and answered, then every connection is closed and new ones are refused for a
///   while (an FE restart or a leader change), after which the same catalog and jobs are served;
/// - cancel job: the job the statement starts ends CANCELLED with StarRocks' task-failure message;
/// - slow job: the job the statement starts runs longer than the others (a job that outlives a client's timeout).
/// Thread-safe.
final class FaultPlan: @unchecked Sendable {
    /// One kind of fault: what it matches and how many more times it fires (`nil`: every time).
    private struct Trigger {
        var pattern: NSRegularExpression
        var left: Int?

        /// Whether `sql` matches; counts the firing.
        mutating func fire(_ sql: String) -> Bool {
            guard left.map({ $0 > 0 }) ?? true,
                  pattern.firstMatch(in: sql, range: NSRange(sql.startIndex..., in: sql)) != nil else { return false }
            left = left.map { $0 - 1 }
            return true
        }
    }

    private let lock = NSLock()
    private var loseReply: Trigger?
    private var restart: Trigger?
    private var cancel: Trigger?
    private var slow: Trigger?
    /// How long connections are refused after a restart fault.
    let downMilliseconds: Int
    /// How long a slow job runs.
    let slowJobMilliseconds: Int

    /// Compiles the options' patterns; a bad pattern is an error naming its flag.
    init(_ options: SimulatorOptions) throws(SimulatorStartError) {
        loseReply = try Self.trigger(options.loseReplyPattern, count: options.loseReplyCount, flag: "--lose-reply")
        restart = try Self.trigger(options.restartPattern, count: options.restartCount, flag: "--restart-at")
        cancel = try Self.trigger(options.cancelJobPattern, count: options.cancelJobCount, flag: "--cancel-job")
        slow = try Self.trigger(options.slowJobPattern, count: options.slowJobCount, flag: "--slow-job")
        downMilliseconds = options.downMilliseconds
        slowJobMilliseconds = options.slowJobMilliseconds
    }

    private static func trigger(_ pattern: String?, count: Int?, flag: String) throws(SimulatorStartError) -> Trigger? {
        guard let pattern else { return nil }
        do {
            return Trigger(pattern: try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]), left: count)
        } catch {
            throw SimulatorStartError("\(flag) pattern `\(pattern)` is not a valid regular expression; fix it")
        }
    }

    /// Whether the reply to `sql` is lost (the statement is applied first).
    func losesReply(_ sql: String) -> Bool { fire(\.loseReply, sql) }

    /// Whether the server restarts after answering `sql`.
    func restartsAfter(_ sql: String) -> Bool { fire(\.restart, sql) }

    /// Whether the job `sql` starts ends CANCELLED.
    func cancelsJob(_ sql: String) -> Bool { fire(\.cancel, sql) }

    /// How long the job `sql` starts runs: `slowJobMilliseconds` for a slow-job match, else `normal`.
    func jobMilliseconds(_ sql: String, normal: Int) -> Int { fire(\.slow, sql) ? slowJobMilliseconds : normal }

    private func fire(_ path: ReferenceWritableKeyPath<FaultPlan, Trigger?>, _ sql: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard var trigger = self[keyPath: path] else { return false }
        let fired = trigger.fire(sql)
        self[keyPath: path] = trigger
        return fired
    }
}
