import DriftReport
import Findings
import Foundation
import MigrationLint

/// How `lint` prints its findings.
public enum LintFormat: String, Sendable, CaseIterable {
    /// `file:line:column: severity: message [rule]` lines and a summary line.
    case text
    /// One JSON object: the findings with rule, severity, file, line, column, message and fix.
    case json
    /// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
    case sarif
}

/// Renders lint findings as JSON or SARIF 2.1.0: pure functions of the findings.
public enum LintRendering {
    static let sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// `lint --format json`.
    static func json(_ findings: [LintFinding], revisions: Int, relativeTo base: String) -> String {
        let items: [JSONValue] = findings.map { finding in
            .object([
                JSONMember("rule", .string(finding.rule.rawValue)),
                JSONMember("severity", .string(finding.severity.rawValue)),
                JSONMember("file", .string(relativePath(finding.location.file, to: base))),
                JSONMember("line", .int(finding.location.line)),
                JSONMember("column", .int(finding.location.column)),
                JSONMember("revision", .string(finding.revision)),
                JSONMember("object", .string(finding.object)),
                JSONMember("message", .string(finding.message)),
                JSONMember("fix", .string(finding.fix)),
            ])
        }
        return JSONValue.object([
            JSONMember("format_version", .int(1)),
            JSONMember("revisions", .int(revisions)),
            JSONMember("summary", .object([
                JSONMember("errors", .int(findings.filter { $0.severity == .error }.count)),
                JSONMember("warnings", .int(findings.filter { $0.severity == .warning }.count)),
            ])),
            JSONMember("findings", .array(items)),
        ]).rendered() + "\n"
    }

    /// `lint --format sarif`: one run, every rule described, one result per finding with its artifact and region.
    static func sarif(_ findings: [LintFinding], relativeTo base: String) -> String {
        let rules: [JSONValue] = LintRule.allCases.map { rule in
            .object([
                JSONMember("id", .string(rule.rawValue)),
                JSONMember("name", .string(ruleName(rule))),
                JSONMember("shortDescription", .object([JSONMember("text", .string(rule.summary))])),
                JSONMember("fullDescription", .object([JSONMember("text", .string(rule.summary))])),
                JSONMember("defaultConfiguration", .object([JSONMember("level", .string(level(rule.severity)))])),
                JSONMember("helpUri", .string("https://github.com/starrocks-drift/starrocks-drift#lint")),
            ])
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: LintRule.allCases.enumerated().map { ($1, $0) })
        let results: [JSONValue] = findings.map { finding in
            .object([
                JSONMember("ruleId", .string(finding.rule.rawValue)),
                JSONMember("ruleIndex", .int(ruleIndex[finding.rule] ?? 0)),
                JSONMember("level", .string(level(finding.severity))),
                JSONMember("message", .object([JSONMember("text", .string("\(finding.message) (revision \(finding.revision)); fix: \(finding.fix)"))])),
                JSONMember("locations", .array([.object([
                    JSONMember("physicalLocation", .object([
                        JSONMember("artifactLocation", .object([
                            JSONMember("uri", .string(uri(relativePath(finding.location.file, to: base)))),
                        ])),
                        JSONMember("region", .object([
                            JSONMember("startLine", .int(max(1, finding.location.line))),
                            JSONMember("startColumn", .int(max(1, finding.location.column))),
                        ])),
                    ])),
                ])])),
            ])
        }
        return JSONValue.object([
            JSONMember("$schema", .string(sarifSchema)),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([.object([
                JSONMember("tool", .object([JSONMember("driver", .object([
                    JSONMember("name", .string("starrocks-drift")),
                    JSONMember("version", .string(DriftCheckVersion.current)),
                    JSONMember("informationUri", .string("https://github.com/starrocks-drift/starrocks-drift")),
                    JSONMember("rules", .array(rules)),
                ]))])),
                JSONMember("results", .array(results)),
            ])])),
        ]).rendered() + "\n"
    }

    /// `::error file=...,line=...,col=...,title=...::message` (or `::warning`) for GitHub Actions.
    static func annotation(severity: Severity, file: String?, line: Int?, column: Int?, title: String,
                           message: String) -> String {
        let command = severity == .error ? "error" : (severity == .warning ? "warning" : "notice")
        var properties: [String] = []
        if let file { properties.append("file=\(escapeProperty(file))") }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        properties.append("title=\(escapeProperty(title))")
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// Whether GitHub workflow annotations should be printed (`GITHUB_ACTIONS=true` in `variables`).
    public static func annotationsWanted(_ variables: [String: String]) -> Bool {
        variables["GITHUB_ACTIONS"] == "true"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        default: return "note"
        }
    }

    /// `one-schema-change-per-table` → `OneSchemaChangePerTable`.
    static func ruleName(_ rule: LintRule) -> String {
        rule.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `path` relative to `base` when it lies under it (repository-relative paths for code scanning).
    static func relativePath(_ path: String, to base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let prefix = URL(fileURLWithPath: base).standardizedFileURL.path + "/"
        return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
    }

    /// A relative or absolute path as a SARIF artifact URI.
    static func uri(_ path: String) -> String {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
