/// Why a webhook post failed. Descriptions never contain the URL.
public enum WebhookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not an `https://` URL (or `http://` to a loopback address); nothing was sent.
    case invalidURL
    /// The URL is `http://` to a host that is not loopback: the token would cross the network in clear text, so
    /// nothing was sent (no connection was opened).
    case insecureURL
    /// libcurl could not be initialised; nothing was sent.
    case transportUnavailable(String)
    /// The receiver answered with a status that is never retried (a 4xx other than 429, or a 3xx redirect).
    case rejected(status: Int, attempts: Int)
    /// Every allowed attempt failed with a network error, 5xx or 429.
    case exhausted(attempts: Int, lastFailure: DeliveryFailure)

    /// Lower-case, says what to do, never contains the URL.
    public var description: String {
        switch self {
        case .invalidURL:
            return "webhook URL must start with https:// (http:// only to a loopback address); check the variable named in notify.webhook_url_env"
        case .insecureURL:
            return "webhook not posted: the URL is http:// to a host that is not loopback, and it carries the token; "
                + "use the https:// URL (http:// is allowed only to 127.0.0.1, ::1 or localhost); nothing was sent"
        case .transportUnavailable(let reason):
            return "webhook post failed: libcurl could not be initialised (\(reason))"
        case .rejected(let status, let attempts):
            return "webhook post failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): HTTP \(status) "
                + "(not retried; check the webhook URL and the payload style)"
        case .exhausted(let attempts, let lastFailure):
            return "webhook post failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(lastFailure)"
        }
    }
}

/// The outcome of one failed attempt, as told in errors.
public enum DeliveryFailure: Sendable, Equatable, CustomStringConvertible {
    /// The receiver answered with this HTTP status.
    case http(status: Int)
    /// No HTTP answer: libcurl's error code and its generic text (which never contains the URL).
    case network(code: Int, reason: String)
    /// The configured total timeout passed without a complete answer.
    case timeout(seconds: Double)

    /// "HTTP 500", "network error (curl 7): Couldn't connect to server", ...
    public var description: String {
        switch self {
        case .http(let status): return "HTTP \(status)"
        case .network(let code, let reason): return "network error (curl \(code)): \(reason)"
        case .timeout(let seconds): return "no answer within \(seconds) s (timeout)"
        }
    }
}

/// A successful delivery.
public struct DeliveryResult: Sendable, Equatable {
    /// How many requests were sent, including the successful one.
    public var attempts: Int
    /// The final HTTP status (2xx).
    public var status: Int

    /// A delivery that took `attempts` requests and ended with `status`.
    public init(attempts: Int, status: Int) {
        self.attempts = attempts
        self.status = status
    }
}
