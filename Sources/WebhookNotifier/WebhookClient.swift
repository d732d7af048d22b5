import Dispatch
import Foundation

/// Posts payloads to a chat webhook with libcurl: connect and total timeouts, TLS verification always on, bounded
/// retries with exponential backoff on network errors, 5xx and 429 (honouring `Retry-After`), never on other 4xx.
/// Blocking libcurl calls run on a dedicated dispatch queue, never on the Swift concurrency pool.
public struct WebhookClient: Sendable {
    /// Timeouts and retry policy.
    public struct Configuration: Sendable, Equatable {
        /// Seconds to establish the connection (TCP + TLS).
        public var connectTimeout: Double
        /// Seconds for a whole attempt, answer included.
        public var totalTimeout: Double
        /// Attempts and delays between them.
        public var retry: RetryPolicy
        /// The `User-Agent` header sent.
        public var userAgent: String

        /// Defaults: 10 s to connect, 30 s per attempt, three attempts with 1 s / 2 s backoff.

        public init(connectTimeout: Double = 10, totalTimeout: Double = 30, retry: RetryPolicy = RetryPolicy(),
                    userAgent: String = "starrocks-drift") {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.retry = retry
            self.userAgent = userAgent
        }
    }

    /// Waits the given number of seconds between attempts; injectable so tests stay fast.
    public typealias Sleeper = @Sendable (Double) async -> Void

    /// The default sleeper: `Task.sleep`.
    public static let taskSleep: Sleeper = { seconds in
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }

    /// The queue blocking libcurl calls run on (not the cooperative pool).
    private static let curlQueue = DispatchQueue(label: "starrocks-drift.webhook.curl", attributes: .concurrent)

    /// Timeouts and retry policy used by `post`.
    public var configuration: Configuration
    private let sleep: Sleeper

    /// A client; `sleep` waits between attempts (tests pass a recorder so they do not wait).
    public init(configuration: Configuration = Configuration(), sleep: @escaping Sleeper = WebhookClient.taskSleep) {
        self.configuration = configuration
        self.sleep = sleep
    }

    /// POSTs `body` to `url`, retrying per `configuration.retry`; throws `WebhookError` (never containing the URL).
    public func post(url: WebhookURL, body: Data, contentType: String) async throws -> DeliveryResult {
        // Refused before any connection: a plain-http URL to another host would send the token in clear text.
        if let refusal = url.refusal { throw refusal }
        if let reason = CurlTransport.prepare() { throw WebhookError.transportUnavailable(reason) }
        let transport = CurlTransport(connectTimeout: configuration.connectTimeout,
                                      totalTimeout: configuration.totalTimeout, userAgent: configuration.userAgent)
        let policy = configuration.retry
        var attempt = 0
        while true {
            attempt += 1
            let result = await Self.run { transport.post(url: url, body: body, contentType: contentType) }
            let failure: DeliveryFailure
            var retryAfter: Double?
            switch result {
            case .answered(let status, _) where (200...299).contains(status):
                return DeliveryResult(attempts: attempt, status: status)
            case .answered(let status, let after):
                guard RetryPolicy.isRetryable(status: status) else {
                    throw WebhookError.rejected(status: status, attempts: attempt)
                }
                failure = .http(status: status)
                retryAfter = after
            case .failed(let reason):
                failure = reason
            }
            guard attempt < policy.maxAttempts else {
                throw WebhookError.exhausted(attempts: attempt, lastFailure: failure)
            }
            await sleep(policy.delay(afterAttempt: attempt, retryAfter: retryAfter))
        }
    }

    /// POSTs a built payload.
    public func post(url: WebhookURL, payload: WebhookPayload) async throws -> DeliveryResult {
        try await post(url: url, body: payload.body, contentType: payload.contentType)
    }

    /// Runs `work` on the curl queue and resumes the caller with its result.
    private static func run(_ work: @escaping @Sendable () -> AttemptResult) async -> AttemptResult {
        await withCheckedContinuation { continuation in
            curlQueue.async { continuation.resume(returning: work()) }
        }
    }
}
