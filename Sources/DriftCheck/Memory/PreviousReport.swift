import DriftReport
import Foundation

/// A previous `drift-report.json`, read for what run-to-run memory needs and nothing more: each environment's status,
/// findings (id, kind, object, first seen) and carried-over findings. Kinds, severities and statuses stay text, so a
/// report from a newer version of the same `format_version` (with kinds this one does not know) is still read.
struct PreviousReport: Sendable, Hashable {
    /// One environment as the previous run saw it.
    struct Environment: Sendable, Hashable {
        /// `nil` when the status is one this version does not know.
        var status: EnvironmentStatus?
        /// Its findings, `first_seen` filled (with the report's `generated_at` when the report predates the field)
        /// and `last_seen` the report's `generated_at`.
        var findings: [TrackedFinding]
        /// The last known findings it carried while unreachable; `nil` when the report did not record them.
        var carriedOver: [TrackedFinding]?

        /// Whether the previous run could check the environment.
        var wasChecked: Bool { status == .clean || status == .drift }
    }

    /// The file read (inside the directory, when a directory was given).
    var file: String
    var generatedAt: String
    /// By environment name, and their names in report order.
    var environments: [String: Environment]
    var environmentNames: [String]

    /// Why a previous report cannot be used; its text names the file and says what happens instead.
    struct Unusable: Error, Sendable, Hashable, CustomStringConvertible {
        var description: String
    }

    /// Reads `path` (a `drift-report.json`, or a directory holding one). `origin` names where the path came from
    /// (`--previous`, `notify.previous in environments/prod.yaml`) for the messages. Never throws anything but
    /// `Unusable`, and never crashes on malformed input.
    static func load(path: String, origin: String) -> Result<PreviousReport, Unusable> {
        let consequence = "nothing is compared with an earlier run, so every finding counts as new and none as resolved"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Unusable(description: "previous report \(path) (\(origin)) does not exist: \(consequence). "
                + "Expected on the first run; later it means the job did not keep the last drift-report.json."))
        }
        let file = isDirectory.boolValue ? (path as NSString).appendingPathComponent(ReportWriter.jsonName) : path
        if isDirectory.boolValue && !FileManager.default.fileExists(atPath: file) {
            return .failure(Unusable(description: "previous report directory \(path) (\(origin)) holds no "
                + "\(ReportWriter.jsonName): \(consequence)"))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Unusable(description: "cannot read the previous report \(file) (\(origin)): \(consequence)"))
        }
        return parse(data, file: file, origin: origin, consequence: consequence)
    }

    static func parse(_ data: Data, file: String, origin: String,
                      consequence: String = "every finding counts as new") -> Result<PreviousReport, Unusable> {
        func unusable(_ reason: String) -> Result<PreviousReport, Unusable> {
            .failure(Unusable(description: "previous report \(file) (\(origin)) \(reason): \(consequence)"))
        }
        let version: VersionProbe
        do {
            version = try JSONDecoder().decode(VersionProbe.self, from: data)
        } catch {
            return unusable("is not a drift-report.json (\(Self.reason(error)))")
        }
        guard let formatVersion = version.formatVersion else {
            return unusable("has no format_version, so it is not a drift-report.json")
        }
        guard formatVersion == DriftReportDocument.currentFormatVersion else {
            return unusable("has format_version \(formatVersion); this starrocks-drift reads format_version "
                + "\(DriftReportDocument.currentFormatVersion)")
        }
        let decoded: FileShape
        do {
            decoded = try JSONDecoder().decode(FileShape.self, from: data)
        } catch {
            return unusable("could not be read as format_version \(formatVersion) (\(Self.reason(error)))")
        }
        var environments: [String: Environment] = [:]
        var names: [String] = []
        for environment in decoded.environments where environments[environment.name] == nil {
            names.append(environment.name)
            let computed = FindingIdentity.ids(environment: environment.name,
                                               keys: environment.findings.map { ($0.kind, $0.object) })
            let findings = zip(environment.findings, computed).map { finding, id in
                TrackedFinding(findingID: finding.findingID ?? id, kind: finding.kind, severity: finding.severity,
                               status: finding.status ?? "drift", object: finding.object, message: finding.message,
                               firstSeen: finding.firstSeen ?? decoded.generatedAt, lastSeen: decoded.generatedAt)
            }
            environments[environment.name] = Environment(status: EnvironmentStatus(rawValue: environment.status),
                                                         findings: findings, carriedOver: environment.carriedOver)
        }
        return .success(PreviousReport(file: file, generatedAt: decoded.generatedAt, environments: environments,
                                       environmentNames: names))
    }

    /// A decoding error in a sentence, with the key path where it failed.
    static func reason(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : " at " + keys.joined(separator: ".")
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context): return "missing key \(key.stringValue)\(path(context))"
        case DecodingError.typeMismatch(_, let context): return "wrong type\(path(context))"
        case DecodingError.valueNotFound(_, let context): return "unexpected null\(path(context))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value\(path(context))"
        default: return "\(error)"
        }
    }

    private struct VersionProbe: Decodable {
        var formatVersion: Int?
        enum CodingKeys: String, CodingKey { case formatVersion = "format_version" }
    }

    /// The parts of a format_version 1 report the memory reads.
    private struct FileShape: Decodable {
        var generatedAt: String
        var environments: [EnvironmentShape]
        enum CodingKeys: String, CodingKey {
            case environments
            case generatedAt = "generated_at"
        }
    }

    private struct EnvironmentShape: Decodable {
        var name: String
        var status: String
        var findings: [FindingShape]
        var carriedOver: [TrackedFinding]?
        enum CodingKeys: String, CodingKey {
            case name, status, findings
            case carriedOver = "carried_over"
        }
    }

    private struct FindingShape: Decodable {
        var findingID: String?
        var kind: String
        var severity: String
        var status: String?
        var object: String
        var message: String
        var firstSeen: String?
        enum CodingKeys: String, CodingKey {
            case kind, severity, status, object, message
            case findingID = "finding_id"
            case firstSeen = "first_seen"
        }
    }
}
