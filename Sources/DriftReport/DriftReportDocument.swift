// DriftReport: renders check results as Markdown, JSON (format_version 1, see schema/drift-report.schema.json) and
// JUnit XML. Pure functions of their input: no I/O, no clocks (the caller passes `generatedAt`).
import SchemaDiff

/// The whole report: what `drift-report.json` contains.
public struct DriftReportDocument: Hashable, Sendable, Codable {
    public var formatVersion: Int
    /// ISO-8601 UTC timestamp.
    public var generatedAt: String
    public var headRevision: String?
    public var summary: Summary
    public var environments: [EnvironmentResult]
    /// Webhook posts that failed (already redacted: never a URL). Set after posting; the reports are then rewritten.
    public var notificationErrors: [String]

    public init(generatedAt: String, headRevision: String?, environments: [EnvironmentResult],
                notificationErrors: [String] = []) {
        self.formatVersion = 1
        self.generatedAt = generatedAt
        self.headRevision = headRevision
        self.environments = environments
        self.summary = Summary(environments: environments)
        self.notificationErrors = notificationErrors
    }

    /// Decodes a report; `notification_errors` may be absent (reports written before it existed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        generatedAt = try container.decode(String.self, forKey: .generatedAt)
        headRevision = try container.decodeIfPresent(String.self, forKey: .headRevision)
        summary = try container.decode(Summary.self, forKey: .summary)
        environments = try container.decode([EnvironmentResult].self, forKey: .environments)
        notificationErrors = try container.decodeIfPresent([String].self, forKey: .notificationErrors) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case generatedAt = "generated_at"
        case headRevision = "head_revision"
        case summary, environments
        case notificationErrors = "notification_errors"
    }
}

/// Counts over all environments.
public struct Summary: Hashable, Sendable, Codable {
    public var environments: Int
    public var drifted: Int
    public var unreachable: Int
    public var findings: Int

    public init(environments: [EnvironmentResult]) {
        self.environments = environments.count
        self.drifted = environments.filter { $0.status == .drift }.count
        self.unreachable = environments.filter { $0.status == .unreachable || $0.status == .error }.count
        self.findings = environments.reduce(0) { $0 + $1.findings.count }
    }
}

/// The verdict for one environment.
public enum EnvironmentStatus: String, Hashable, Sendable, Codable {
    case clean, drift, unreachable, error
}

/// One environment's result.
public struct EnvironmentResult: Hashable, Sendable, Codable {
    public var name: String
    public var status: EnvironmentStatus
    /// The revision recorded in the environment's version table, if read.
    public var revision: String?
    public var revisionsBehind: Int?
    /// Revisions between `revision` and the head, oldest first.
    public var pendingRevisions: [String]
    /// Why the environment could not be checked (status unreachable/error); never contains secrets.
    public var error: String?
    public var serverVersion: String?
    public var findings: [Finding]
    public var notCompared: [NotCompared]
    /// Objects compared, statements sent and wall time, for the progress line and the report.
    public var objectsCompared: Int
    public var statementsSent: Int
    public var durationSeconds: Double
    /// Names (`db.object`) of the objects compared, sorted; lets JUnit show a passing testcase per clean object.
    /// `nil` when the caller did not record them.
    public var comparedObjects: [String]?

    public init(name: String, status: EnvironmentStatus, revision: String? = nil, revisionsBehind: Int? = nil,
                pendingRevisions: [String] = [], error: String? = nil, serverVersion: String? = nil,
                findings: [Finding] = [], notCompared: [NotCompared] = [], objectsCompared: Int = 0,
                statementsSent: Int = 0, durationSeconds: Double = 0, comparedObjects: [String]? = nil) {
        self.name = name
        self.status = status
        self.revision = revision
        self.revisionsBehind = revisionsBehind
        self.pendingRevisions = pendingRevisions
        self.error = error
        self.serverVersion = serverVersion
        self.findings = findings
        self.notCompared = notCompared
        self.objectsCompared = objectsCompared
        self.statementsSent = statementsSent
        self.durationSeconds = durationSeconds
        self.comparedObjects = comparedObjects
    }

    enum CodingKeys: String, CodingKey {
        case name, status, revision, error, findings
        case revisionsBehind = "revisions_behind"
        case pendingRevisions = "pending_revisions"
        case serverVersion = "server_version"
        case notCompared = "not_compared"
        case objectsCompared = "objects_compared"
        case statementsSent = "statements_sent"
        case durationSeconds = "duration_seconds"
        case comparedObjects = "compared_objects"
    }
}
