import CMariaDB
import Foundation

/// One dedicated thread that runs blocking libmariadb calls one after another, so they never occupy a thread of the
/// Swift concurrency pool. The thread calls `mysql_thread_init` when it starts and `mysql_thread_end` when it stops.
final class BlockingWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false

    /// Starts the thread, named `name` (visible in debuggers and crash reports).
    init(name: String) {
        MariaDBLibrary.initializeOnce()
        let thread = Thread { [self] in self.loop() }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Runs `body` on the worker thread and returns its result to the awaiting task.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let accepted = enqueue { continuation.resume(with: Result { try body() }) }
            if !accepted { continuation.resume(throwing: ClientError.closed(environment: nil)) }
        }
    }

    /// Queues `job`; returns false when the worker is already stopping.
    @discardableResult
    func enqueue(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Lets queued jobs finish, then ends the thread. `last` runs on the thread after every other job.
    func stop(after last: @escaping @Sendable () -> Void = {}) {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return }
        jobs.append(last)
        stopping = true
        condition.signal()
    }

    private func loop() {
        mysql_thread_init()
        defer { mysql_thread_end() }
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}

/// Process-wide libmariadb initialization (`mysql_library_init`, spelled `mysql_server_init` in the C API).
enum MariaDBLibrary {
    private static let initialized: Bool = {
        mysql_server_init(0, nil, nil) == 0
    }()

    /// Initializes the library the first time it is called; later calls do nothing.
    static func initializeOnce() {
        _ = initialized
    }
}
