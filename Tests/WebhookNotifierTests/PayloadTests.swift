import DriftReport
import Foundation
import Testing
@testable import WebhookNotifier

@Suite struct PayloadTests {
    static let cases: [(String, DriftReportDocument)] = [
        ("drift", SampleReports.drift), ("clean", SampleReports.clean), ("memory", SampleReports.memory),
    ]

    @Test(arguments: WebhookStyle.allCases) func payloadsMatchGoldens(style: WebhookStyle) {
        for (name, document) in Self.cases {
            let payload = WebhookPayload.build(style: style, document: document, reportURL: SampleReports.reportURL)
            Golden.check(payload.text, against: "\(name).\(style.rawValue).json.golden")
            #expect(payload.contentType == "application/json; charset=utf-8")
            #expect((try? JSONSerialization.jsonObject(with: payload.body)) != nil, "\(style) payload is not JSON")
        }
    }

    @Test func genericPayloadIsTheJSONReport() {
        let payload = WebhookPayload.build(style: .generic, document: SampleReports.drift)
        #expect(payload.text == JSONReport.render(SampleReports.drift))
    }

    @Test func slackRespectsItsLimitsAndPointsToTheFullReport() throws {
        let payload = WebhookPayload.build(style: .slack, document: SampleReports.huge, reportURL: SampleReports.reportURL)
        let object = try #require(try JSONSerialization.jsonObject(with: payload.body) as? [String: Any])
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.count <= SlackPayload.maxBlocks)
        #expect(blocks.count == SlackPayload.maxBlocks, "a huge report should use the whole block budget")
        for block in blocks {
            if let text = (block["text"] as? [String: Any])?["text"] as? String {
                let limit = block["type"] as? String == "header" ? SlackPayload.maxHeaderText : SlackPayload.maxSectionText
                #expect(text.count <= limit, "\(block["type"] ?? "?") text has \(text.count) characters")
            }
        }
        let last = try #require((blocks.last?["text"] as? [String: Any])?["text"] as? String)
        #expect(last.contains("more findings not shown"))
        #expect(last.contains("<\(SampleReports.reportURL)|full report>"))
        let fallback = try #require(object["text"] as? String)
        #expect(fallback.count <= SlackPayload.maxSectionText)
    }

    @Test func slackWithoutURLStillSaysWhereTheRestIs() throws {
        let payload = WebhookPayload.build(style: .slack, document: SampleReports.huge)
        #expect(payload.text.contains("see drift-report.md in the CI run for everything"))
    }

    @Test func slackEscapesItsControlCharacters() {
        let text = WebhookPayload.build(style: .slack, document: SampleReports.drift).text
        #expect(text.contains("replication_num &lt;is&gt; 1 &amp; not 3"))
        #expect(!text.contains("<is>"))
        // Backticks inside a value cannot be escaped in Slack: they become a look-alike inside the code span.
        #expect(text.contains("actual `ˋhand_addedˋ INT NULL`"))
    }

    @Test func teamsIsAnAdaptiveCardMessage() throws {
        let payload = WebhookPayload.build(style: .teams, document: SampleReports.huge, reportURL: SampleReports.reportURL)
        let object = try #require(try JSONSerialization.jsonObject(with: payload.body) as? [String: Any])
        #expect(object["type"] as? String == "message")
        let attachment = try #require((object["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let content = try #require(attachment["content"] as? [String: Any])
        #expect(content["type"] as? String == "AdaptiveCard")
        let actions = try #require(content["actions"] as? [[String: Any]])
        #expect(actions.first?["url"] as? String == SampleReports.reportURL)
        #expect(payload.text.contains("930 more findings not shown"))
        #expect(payload.body.count < 28_000, "Teams rejects messages over ~28 KB; got \(payload.body.count) bytes")
    }

    @Test(arguments: [WebhookStyle.slack, .teams]) func chatLeadsWithWhatChanged(style: WebhookStyle) throws {
        let text = WebhookPayload.build(style: style, document: SampleReports.memory).text
        let headline = "1 new drift on prod, 1 resolved on dev; dev drift → clean; 1 still open, oldest since 2026-11-02"
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let lead = style == .slack ? object["text"] as? String : object["summary"] as? String
        #expect(lead?.hasPrefix("StarRocks drift: " + headline) == true, "\(lead ?? "nil")")
        #expect(text.contains("open since 2026-11-02"))
        #expect(text.contains("RESOLVED") || text.contains("[resolved]"))
        #expect(text.contains("NEW"))
    }
}
