import DriftReport
import Foundation
import Testing
@testable import WebhookNotifier

/// Records requested delays instead of sleeping.
final class RecordingSleeper: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []
    var delays: [Double] { lock.lock(); defer { lock.unlock() }; return recorded }
    func record(_ seconds: Double) { lock.lock(); recorded.append(seconds); lock.unlock() }
    var sleeper: WebhookClient.Sleeper {
        { [self] seconds in record(seconds) }
    }
}

@Suite(.serialized) struct WebhookClientTests {
    static let secretPath = "/services/T0001/B0002/s3cr3tT0k3nXYZ"
    static let secret = "s3cr3tT0k3nXYZ"
    static let body = Data("{\"text\":\"hello\"}".utf8)

    static func client(attempts: Int = 3, total: Double = 5, sleeper: RecordingSleeper) -> WebhookClient {
        WebhookClient(configuration: .init(connectTimeout: 2, totalTimeout: total,
                                           retry: RetryPolicy(maxAttempts: attempts, initialBackoff: 1, maxBackoff: 8,
                                                              maxRetryAfter: 5)),
                      sleep: sleeper.sleeper)
    }

    /// Every textual form of an error, to check the secret never shows.
    static func texts(of error: any Error) -> [String] {
        [String(describing: error), "\(error)", String(reflecting: error), error.localizedDescription]
    }

    @Test func retriesServerErrorsThenDeliversOnce() async throws {
        let receiver = try LocalHTTPReceiver(script: [.status(500), .status(500), .status(200)])
        defer { receiver.stop() }
        let sleeper = RecordingSleeper()
        let result = try await Self.client(sleeper: sleeper)
            .post(url: WebhookURL(receiver.url(path: Self.secretPath)), body: Self.body, contentType: "application/json")
        #expect(result == DeliveryResult(attempts: 3, status: 200))
        #expect(receiver.requests.count == 3)
        #expect(receiver.requests.allSatisfy { $0.body == Self.body && $0.method == "POST" && $0.path == Self.secretPath })
        #expect(sleeper.delays == [1, 2], "exponential backoff: 1 s then 2 s")
    }

    @Test func clientErrorIsNotRetried() async throws {
        let receiver = try LocalHTTPReceiver(script: [.status(400), .status(200)])
        defer { receiver.stop() }
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: WebhookError.self) {
            try await Self.client(sleeper: sleeper)
                .post(url: WebhookURL(receiver.url(path: Self.secretPath)), body: Self.body, contentType: "application/json")
        }
        #expect(error == .rejected(status: 400, attempts: 1))
        #expect(receiver.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
        #expect(error.map { "\($0)" } == "webhook post failed after 1 attempt: HTTP 400 (not retried; check the webhook URL and the payload style)")
    }

    @Test func tooManyRequestsHonoursRetryAfterAndReallyWaits() async throws {
        let receiver = try LocalHTTPReceiver(script: [.status(429, headers: ["Retry-After": "1"]), .status(200)])
        defer { receiver.stop() }
        let client = WebhookClient(configuration: .init(connectTimeout: 2, totalTimeout: 5,
                                                        retry: RetryPolicy(maxAttempts: 3, initialBackoff: 0.01)))
        let result = try await client.post(url: WebhookURL(receiver.url(path: Self.secretPath)), body: Self.body,
                                           contentType: "application/json")
        #expect(result == DeliveryResult(attempts: 2, status: 200))
        let requests = receiver.requests
        try #require(requests.count == 2)
        let gap = requests[1].receivedAt.timeIntervalSince(requests[0].receivedAt)
        #expect(gap >= 0.9, "the retry came \(gap) s after the 429, Retry-After said 1 s")
    }

    @Test func retryAfterIsCapped() async throws {
        let receiver = try LocalHTTPReceiver(script: [.status(503, headers: ["Retry-After": "3600"]), .status(204)])
        defer { receiver.stop() }
        let sleeper = RecordingSleeper()
        let result = try await Self.client(sleeper: sleeper)
            .post(url: WebhookURL(receiver.url(path: Self.secretPath)), body: Self.body, contentType: "application/json")
        #expect(result == DeliveryResult(attempts: 2, status: 204))
        #expect(sleeper.delays == [5], "Retry-After 3600 is capped at maxRetryAfter 5")
    }

    @Test func silentServerTimesOutWithinTheBound() async throws {
        let receiver = try LocalHTTPReceiver(script: [.hang])
        defer { receiver.stop() }
        let sleeper = RecordingSleeper()
        let started = Date()
        let error = await #expect(throws: WebhookError.self) {
            try await Self.client(attempts: 2, total: 0.5, sleeper: sleeper)
                .post(url: WebhookURL(receiver.url(path: Self.secretPath)), body: Self.body, contentType: "application/json")
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(error == .exhausted(attempts: 2, lastFailure: .timeout(seconds: 0.5)))
        // Not a speed goal: the bound only proves the timeout ends a silent server's wait (without it the test would
        // hang for curl's default minutes); generous so a loaded CI machine running the suite in parallel passes.
        #expect(elapsed < 20, "two 0.5 s attempts took \(elapsed) s: the timeout did not end the wait")
        #expect(receiver.requests.count == 2)
    }

    @Test func connectionRefusedIsRetriedThenFails() async throws {
        let port = try LocalHTTPReceiver.closedPort()
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: WebhookError.self) {
            try await Self.client(sleeper: sleeper)
                .post(url: WebhookURL("http://127.0.0.1:\(port)\(Self.secretPath)"), body: Self.body,
                      contentType: "application/json")
        }
        guard case .exhausted(let attempts, .network(let code, _))? = error else {
            Issue.record("expected a network failure after retries, got \(String(describing: error))")
            return
        }
        #expect(attempts == 3)
        #expect(code == 7, "CURLE_COULDNT_CONNECT")
        #expect(sleeper.delays == [1, 2])
    }

    @Test func theURLNeverAppearsInAnyError() async throws {
        let receiver500 = try LocalHTTPReceiver(script: [.status(500)])
        let receiver404 = try LocalHTTPReceiver(script: [.status(404)])
        let receiverHang = try LocalHTTPReceiver(script: [.hang])
        defer { receiver500.stop(); receiver404.stop(); receiverHang.stop() }
        let refused = try LocalHTTPReceiver.closedPort()
        let urls = [receiver500.url(path: Self.secretPath), receiver404.url(path: Self.secretPath),
                    receiverHang.url(path: Self.secretPath), "http://127.0.0.1:\(refused)\(Self.secretPath)",
                    "ftp://example.com\(Self.secretPath)", "not a url \(Self.secret)",
                    "https://\(Self.secret).invalid\(Self.secretPath)"]
        for url in urls {
            do {
                _ = try await Self.client(attempts: 2, total: 0.5, sleeper: RecordingSleeper())
                    .post(url: WebhookURL(url), body: Self.body, contentType: "application/json")
                Issue.record("posting to a failing receiver succeeded")
            } catch {
                for text in Self.texts(of: error) {
                    #expect(!text.contains(Self.secret), "error text reveals the webhook URL: \(text)")
                    #expect(!text.contains("127.0.0.1"), "error text reveals the webhook host: \(text)")
                }
            }
        }
        let url = WebhookURL("https://hooks.example.com\(Self.secretPath)")
        var dumped = ""
        dump(url, to: &dumped)
        for text in ["\(url)", String(reflecting: url), dumped, "\([url])"] {
            #expect(!text.contains(Self.secret), "WebhookURL text reveals the secret: \(text)")
        }
    }

    @Test(arguments: WebhookStyle.allCases) func builtPayloadsArriveIntact(style: WebhookStyle) async throws {
        let receiver = try LocalHTTPReceiver(script: [.status(200)])
        defer { receiver.stop() }
        let payload = WebhookPayload.build(style: style, document: SampleReports.drift, reportURL: SampleReports.reportURL)
        let result = try await Self.client(sleeper: RecordingSleeper())
            .post(url: WebhookURL(receiver.url(path: Self.secretPath)), payload: payload)
        #expect(result.attempts == 1)
        let request = try #require(receiver.requests.first)
        #expect(request.body == payload.body)
        #expect(request.headers["content-type"] == payload.contentType)
    }

    @Test func httpsToAPlainServerFailsTheTLSHandshake() async throws {
        let receiver = try LocalHTTPReceiver(script: [.status(200)])
        defer { receiver.stop() }
        let error = await #expect(throws: WebhookError.self) {
            try await Self.client(attempts: 1, total: 2, sleeper: RecordingSleeper())
                .post(url: WebhookURL("https://127.0.0.1:\(receiver.port)\(Self.secretPath)"), body: Self.body,
                      contentType: "application/json")
        }
        guard case .exhausted(1, .network(let code, _))? = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(code == 35, "CURLE_SSL_CONNECT_ERROR")
    }

    @Test func invalidSchemeSendsNothing() async throws {
        let error = await #expect(throws: WebhookError.self) {
            try await Self.client(sleeper: RecordingSleeper())
                .post(url: WebhookURL("file:///etc/passwd"), body: Self.body, contentType: "application/json")
        }
        #expect(error == .invalidURL)
    }

    @Test func plainHTTPToANonLoopbackHostIsRefusedBeforeAnyConnection() async throws {
        // `.invalid` never resolves, and the refusal comes before any name lookup or connection.
        for text in ["http://hooks.chat.invalid/services/T000/B000/Zq9TokenXy", "HTTP://user@10.0.0.1:80/x",
                     "http://127.0.0.1.evil.invalid/x", "http://[fe80::1]/x"] {
            let started = Date()
            let error = await #expect(throws: WebhookError.self) {
                try await Self.client(sleeper: RecordingSleeper())
                    .post(url: WebhookURL(text), body: Self.body, contentType: "application/json")
            }
            #expect(error == .insecureURL, "\(text)")
            #expect(Date().timeIntervalSince(started) < 0.5)
            #expect(!"\(error.map { "\($0)" } ?? "")".contains("Zq9TokenXy"))
        }
    }

    @Test func loopbackAndHTTPSAreAllowed() {
        for text in ["http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]:9/x", "http://127.1.2.3/x",
                     "https://hooks.slack.com/services/x"] {
            #expect(WebhookURL(text).refusal == nil, "\(text)")
        }
        #expect(WebhookURL("https:///nohost").refusal == .invalidURL)
    }
}

@Suite struct RetryPolicyTests {
    @Test func backoffDoublesAndIsCapped() {
        let policy = RetryPolicy(maxAttempts: 6, initialBackoff: 1, maxBackoff: 5, maxRetryAfter: 10)
        #expect((1...5).map { policy.delay(afterAttempt: $0, retryAfter: nil) } == [1, 2, 4, 5, 5])
        #expect(policy.delay(afterAttempt: 1, retryAfter: 7) == 7)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 70) == 10)
    }

    @Test func onlyServerErrorsAndTooManyRequestsAreRetried() {
        #expect(RetryPolicy.isRetryable(status: 500))
        #expect(RetryPolicy.isRetryable(status: 503))
        #expect(RetryPolicy.isRetryable(status: 429))
        #expect(!RetryPolicy.isRetryable(status: 400))
        #expect(!RetryPolicy.isRetryable(status: 404))
        #expect(!RetryPolicy.isRetryable(status: 301))
    }

    @Test func retryAfterHeaderIsParsedInSecondsOnly() {
        let headers = ResponseHeaders()
        headers.consume("HTTP/1.1 429 Too Many Requests\r\n")
        headers.consume("retry-after:  12 \r\n")
        #expect(headers.retryAfter == 12)
        headers.consume("HTTP/1.1 503 Unavailable\r\n")
        headers.consume("Retry-After: Wed, 21 Oct 2026 07:28:00 GMT\r\n")
        #expect(headers.retryAfter == nil)
    }
}
