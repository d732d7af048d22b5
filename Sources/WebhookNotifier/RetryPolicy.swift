/// How often and how patiently to post: bounded attempts, exponential backoff, `Retry-After` honoured up to a cap.
public struct RetryPolicy: Sendable, Equatable {
    /// Total requests at most (the first one included); at least 1.
    public var maxAttempts: Int
    /// Delay before the second attempt, in seconds; doubled for each further attempt.
    public var initialBackoff: Double
    /// Upper bound for one backoff delay, in seconds.
    public var maxBackoff: Double
    /// Upper bound for a server's `Retry-After`, in seconds.
    public var maxRetryAfter: Double

    /// Values are clamped: at least one attempt, no negative delays.
    public init(maxAttempts: Int = 3, initialBackoff: Double = 1, maxBackoff: Double = 30, maxRetryAfter: Double = 60) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = max(0, initialBackoff)
        self.maxBackoff = max(0, maxBackoff)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based): the server's `Retry-After` (capped) when it
    /// sent one, otherwise `initialBackoff * 2^(attempt-1)` capped at `maxBackoff`.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter, retryAfter >= 0 { return min(retryAfter, maxRetryAfter) }
        let exponent = min(max(attempt - 1, 0), 30)
        return min(initialBackoff * Double(1 << exponent), maxBackoff)
    }

    /// Whether an HTTP status is worth another attempt: 5xx and 429. Other 4xx (and 3xx) never are.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }
}
