import DriftReport
import Foundation

/// The chat flavour of a webhook (`notify.style`).
public enum WebhookStyle: String, Sendable, CaseIterable {
    /// Slack incoming webhook: `text` plus Block Kit `blocks`, within Slack's limits.
    case slack
    /// Microsoft Teams (Workflows / incoming webhook): a message with an Adaptive Card attachment.
    case teams
    /// The JSON report itself (`drift-report.json`), for custom receivers.
    case generic
}

/// A request body ready to post.
public struct WebhookPayload: Sendable, Equatable {
    /// The bytes to send.
    public var body: Data
    /// The `Content-Type` header value.
    public var contentType: String

    /// A payload of `body` with `contentType`.
    public init(body: Data, contentType: String) {
        self.body = body
        self.contentType = contentType
    }

    /// The body as text (payloads are UTF-8 JSON).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Builds the payload for `style`. `reportURL` (the CI run or the stored report) is linked where the chat message
    /// is truncated or summarised.
    public static func build(style: WebhookStyle, document: DriftReportDocument, reportURL: String? = nil) -> WebhookPayload {
        let json: String
        switch style {
        case .slack: json = SlackPayload.build(document, reportURL: reportURL).rendered(pretty: true) + "\n"
        case .teams: json = TeamsPayload.build(document, reportURL: reportURL).rendered(pretty: true) + "\n"
        case .generic: json = JSONReport.render(document)
        }
        return WebhookPayload(body: Data(json.utf8), contentType: "application/json; charset=utf-8")
    }
}
