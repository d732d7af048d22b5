import Findings

/// Renders `drift-report.junit.xml` so CI systems show drift as failed tests: one testsuite per environment, one
/// testcase per compared object (failed when it has findings at or above `failOn`), a skipped testcase per object
/// that was not compared, and an errored testcase for an environment that could not be checked.
public enum JUnitReport {
    /// Name of the testcase standing for the environment itself (unreachable, or nothing to compare).
    public static let environmentTestcase = "environment"

    /// The JUnit XML text of `document`, ending in a newline. Findings below `failOn` appear in `<system-out>`.
    public static func render(_ document: DriftReportDocument, failOn: Severity = .error) -> String {
        // `check --models` is one more suite, `models <MODULE:ATTR>`, with a testcase per object the models change.
        let environments = document.environments + (document.models.map { [suiteSource(for: $0)] } ?? [])
        let suites = environments.map { suite(for: $0, failOn: failOn) }
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        let time = environments.reduce(0.0) { max($0, $1.durationSeconds) }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<testsuites name=\"starrocks-drift\" tests=\"\(tests)\" failures=\"\(failures)\" "
            + "errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(number(time))\">")
        for (environment, suite) in zip(environments, suites) {
            lines.append(contentsOf: render(suite, environment: environment, timestamp: document.generatedAt,
                                            headRevision: document.headRevision))
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The models comparison in the shape of an environment's result: its findings, or its error.
    static func suiteSource(for models: ModelsResult) -> EnvironmentResult {
        EnvironmentResult(name: "models \(models.source)", status: models.status, error: models.error,
                          findings: models.findings, notCompared: models.notCompared,
                          objectsCompared: models.objectsCompared)
    }

    /// One testcase before rendering.
    struct Case {
        var name: String
        var failing: [Finding] = []
        var passing: [Finding] = []
        var skippedReason: String?
        var error: String?
        /// The environment status for an errored testcase (`unreachable` or `error`).
        var errorType = "error"
    }

    /// One testsuite before rendering.
    struct Suite {
        var cases: [Case]
        var failures: Int { cases.filter { !$0.failing.isEmpty }.count }
        var errors: Int { cases.filter { $0.error != nil }.count }
        var skipped: Int { cases.filter { $0.skippedReason != nil }.count }
    }

    static func suite(for environment: EnvironmentResult, failOn: Severity) -> Suite {
        if environment.status == .unreachable || environment.status == .error {
            return Suite(cases: [Case(name: environmentTestcase,
                                      error: environment.error ?? "environment could not be checked",
                                      errorType: environment.status.rawValue)])
        }
        var cases: [Case] = (environment.comparedObjects ?? []).map { Case(name: $0) }
        var index: [String: Int] = [:]
        for (position, item) in cases.enumerated() where index[item.name] == nil { index[item.name] = position }
        let compared = environment.comparedObjects ?? []
        for finding in environment.findings {
            let owner = owningObject(of: finding.object, among: compared)
            if index[owner] == nil {
                index[owner] = cases.count
                cases.append(Case(name: owner))
            }
            let position = index[owner]!
            if finding.severity >= failOn {
                cases[position].failing.append(finding)
            } else {
                cases[position].passing.append(finding)
            }
        }
        for item in environment.notCompared {
            cases.append(Case(name: item.object, skippedReason: item.reason))
        }
        if cases.isEmpty { cases.append(Case(name: environmentTestcase)) }
        return Suite(cases: cases)
    }

    /// The longest compared object that is `object` itself or a dotted prefix of it (`db.t` owns `db.t.c`);
    /// `object` itself when none is.
    static func owningObject(of object: String, among compared: [String]) -> String {
        var best: String?
        for candidate in compared where object == candidate || object.hasPrefix(candidate + ".") {
            if candidate.count > (best?.count ?? -1) { best = candidate }
        }
        return best ?? object
    }

    static func render(_ suite: Suite, environment: EnvironmentResult, timestamp: String,
                       headRevision: String?) -> [String] {
        let name = XMLText.escape(environment.name)
        var lines = ["  <testsuite name=\"\(name)\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" "
            + "errors=\"\(suite.errors)\" skipped=\"\(suite.skipped)\" time=\"\(number(environment.durationSeconds))\" "
            + "timestamp=\"\(XMLText.escape(timestamp))\">"]
        var properties: [(String, String)] = [("status", environment.status.rawValue)]
        if let revision = environment.revision { properties.append(("revision", revision)) }
        if let behind = environment.revisionsBehind { properties.append(("revisions_behind", String(behind))) }
        if let head = headRevision { properties.append(("head_revision", head)) }
        if let version = environment.serverVersion { properties.append(("server_version", version)) }
        lines.append("    <properties>")
        for (key, value) in properties {
            lines.append("      <property name=\"\(key)\" value=\"\(XMLText.escape(value))\"/>")
        }
        lines.append("    </properties>")
        for item in suite.cases {
            lines.append(contentsOf: render(item, classname: name))
        }
        lines.append("  </testsuite>")
        return lines
    }

    static func render(_ item: Case, classname: String) -> [String] {
        let open = "    <testcase classname=\"\(classname)\" name=\"\(XMLText.escape(item.name))\""
        if item.failing.isEmpty && item.passing.isEmpty && item.skippedReason == nil && item.error == nil {
            return [open + "/>"]
        }
        var lines = [open + ">"]
        if let error = item.error {
            let message = error.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            lines.append("      <error type=\"\(item.errorType)\" message=\"\(XMLText.escape(message))\">"
                + XMLText.content(error) + "</error>")
        }
        if let reason = item.skippedReason {
            lines.append("      <skipped message=\"\(XMLText.escape("not compared: " + reason))\"/>")
        }
        if !item.failing.isEmpty {
            let kinds = item.failing.map(\.kind.rawValue)
            let message = item.failing.count == 1
                ? item.failing[0].message
                : "\(item.failing.count) findings: " + kinds.joined(separator: ", ")
            lines.append("      <failure type=\"\(XMLText.escape(kinds[0]))\" message=\"\(XMLText.escape(message))\">"
                + XMLText.content(item.failing.map(describe).joined(separator: "\n\n")) + "</failure>")
        }
        if !item.passing.isEmpty {
            lines.append("      <system-out>" + XMLText.content(item.passing.map(describe).joined(separator: "\n\n"))
                + "</system-out>")
        }
        lines.append("    </testcase>")
        return lines
    }

    /// A finding as plain text lines: headline, expected, actual, fix.
    static func describe(_ finding: Finding) -> String {
        var lines = ["\(finding.severity.rawValue) \(finding.status.rawValue) \(finding.kind.rawValue) "
            + "\(finding.object)\(finding.transient ? " (possibly transient)" : ""): \(finding.message)"]
        lines.append("expected: " + (finding.expected ?? "(absent)"))
        lines.append("actual: " + (finding.actual ?? "(absent)"))
        if let sql = finding.fixSQL { lines.append("fix: " + sql) }
        if let note = finding.fixNote { lines.append("note: " + note) }
        return lines.joined(separator: "\n")
    }

    /// Seconds for the `time` attribute (shortest round-tripping form).
    static func number(_ value: Double) -> String {
        value.isFinite && value >= 0 ? value.description : "0"
    }
}
