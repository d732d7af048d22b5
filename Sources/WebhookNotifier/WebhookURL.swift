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
