// WebhookNotifier: builds chat payloads (Slack, Teams, generic JSON) from a drift report and posts them with libcurl
// (timeouts, retry with backoff, TLS verification always on). The only importer of CCurl. It never prints, and the
// webhook URL (a secret) never appears in its errors or descriptions.

/// A webhook URL. It carries a secret (the token in its path), so every textual form of it is redacted.
public struct WebhookURL: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The URL text; only the transport reads it.
    let value: String

    /// Wraps `value` (typically read from the variable named in `notify.webhook_url_env`).
    public init(_ value: String) {
        self.value = value.trimmingWhitespace()
    }

    /// Always `<redacted webhook URL>`.
    public var description: String { "<redacted webhook URL>" }
    /// Always `<redacted webhook URL>`.
    public var debugDescription: String { description }
    /// No children, so `dump` and string interpolation of containers cannot reveal the URL.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// The lower-cased scheme (`https`, `http`) or nil when the text has none.
    var scheme: String? {
        guard let colon = value.firstIndex(of: ":"), value[colon...].hasPrefix("://") else { return nil }
        return value[..<colon].lowercased()
    }

    /// The lower-cased host (without user info, port or IPv6 brackets), or nil when there is none.
    var host: String? {
        guard let scheme, let start = value.range(of: "://")?.upperBound, scheme.count > 0 else { return nil }
        var authority = value[start...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return authority[authority.index(after: authority.startIndex)..<close].lowercased()
        }
        let host = authority.prefix { $0 != ":" }
        return host.isEmpty ? nil : host.lowercased()
    }

    /// Whether the host is a loopback address: `localhost`, 127.0.0.0/8 or `::1` (local receivers and tests).
    public var isLoopback: Bool {
        guard let host else { return false }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII)
            && $0.allSatisfy(\.isNumber) && Int($0)! <= 255 }) else { return false }
        return octets[0] == "127"
    }

    /// Why the URL may not be posted to, or nil: only `https://`, or `http://` to a loopback address, since the URL
    /// carries the workspace token.
    public var refusal: WebhookError? {
        switch scheme {
        case "https": return host == nil ? .invalidURL : nil
        case "http": return isLoopback ? nil : .insecureURL
        default: return .invalidURL
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (secrets pasted into variables often end in one).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
