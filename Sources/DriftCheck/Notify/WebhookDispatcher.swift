import DriftReport
import Foundation
import WebhookNotifier

/// Posts check results to chat. Returns problems instead of throwing: the reports are already written, so a failed
/// post loses nothing, and it must not change the check's outcome.
public protocol Notifying: Sendable {
    /// Posts `document`; webhook URLs come from the variables in `variables` that the environments name.
    func notify(_ document: DriftReportDocument, environments: [EnvironmentConfig], redactor: Redactor,
                variables: [String: String], progress: Progress) async -> [String]
}

/// Groups environments by webhook (URL variable and style), applies each environment's `notify.when` (see
/// `NotifyPolicy`), and posts one message per webhook with the environments it covers.
public struct WebhookDispatcher: Notifying {
    public var client: WebhookClient
    /// A link to the full report (the CI run), included when chat messages are truncated.
    public var reportURL: String?

    public init(client: WebhookClient = WebhookClient(), reportURL: String? = nil) {
        self.client = client
        self.reportURL = reportURL
    }

    public func notify(_ document: DriftReportDocument, environments: [EnvironmentConfig], redactor: Redactor,
                       variables: [String: String], progress: Progress) async -> [String] {
        var groups: [String: (style: NotifySettings.Style, names: [String])] = [:]
        var order: [String] = []
        var errors: [String] = []
        let reportURL = self.reportURL ?? Self.ciRunURL(variables)
        for environment in environments {
            guard let variable = environment.notify.webhookURLEnv, environment.notify.when != .never else { continue }
            guard let result = document.environments.first(where: { $0.name == environment.name }) else { continue }
            guard NotifyPolicy.shouldPost(environment.notify.when, result) else {
                if environment.notify.when == .changed && result.memory != nil {
                    progress("\(environment.name): nothing new or resolved and no status change since the previous run; not posted (notify.when: changed)")
                }
                continue
            }
            guard variables[variable]?.isEmpty == false else {
                errors.append("webhook not posted for \(environment.name): environment variable \(variable) (notify.webhook_url_env) is not set")
                continue
            }
            let key = "\(variable)|\(environment.notify.style.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: (environment.notify.style, [])].names.append(environment.name)
        }
        for key in order {
            guard let group = groups[key] else { continue }
            let variable = String(key.split(separator: "|")[0])
            let url = WebhookURL(variables[variable] ?? "")
            var subset = document
            subset.environments = document.environments.filter { group.names.contains($0.name) }
            subset.summary = Summary(environments: subset.environments)
            let style = WebhookStyle(rawValue: group.style.rawValue) ?? .generic
            let payload = WebhookPayload.build(style: style, document: subset, reportURL: reportURL)
            do {
                let delivery = try await client.post(url: url, payload: payload)
                progress("posted \(style.rawValue) message for \(group.names.joined(separator: ", ")) (HTTP \(delivery.status), \(delivery.attempts) attempt(s))")
            } catch {
                errors.append(redactor.scrub("webhook post for \(group.names.joined(separator: ", ")) failed: \(error)"))
            }
        }
        return errors
    }

    /// The CI run's URL when running in GitHub Actions or GitLab CI (from their variables in `env`).
    public static func ciRunURL(_ env: [String: String]) -> String? {
        if let server = env["GITHUB_SERVER_URL"], let repo = env["GITHUB_REPOSITORY"], let run = env["GITHUB_RUN_ID"] {
            return "\(server)/\(repo)/actions/runs/\(run)"
        }
        return env["CI_JOB_URL"]
    }
}
