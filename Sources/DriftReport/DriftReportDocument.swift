// DriftReport: renders check results as Markdown, JSON (format_version 1, see schema/drift-report.schema.json) and
// JUnit XML. Pure functions of their input: no I/O, no clocks (the caller passes `generatedAt`).
import Findings

/// The whole report: what `drift-report.json` contains. Written by `JSONReport` (fixed key order, explicit nulls),
/// read back with `Decodable`.
public struct DriftReportDocument: Hashable, Sendable, Decodable {
    public var formatVersion: Int
    /// ISO-8601 UTC timestamp.
    public var generatedAt: String
    public var headRevision: String?
    public var summary: Summary
    public var environments: [EnvironmentResult]
    /// Webhook posts that failed (already redacted: never a URL). Set after posting; the reports are then rewritten.
    public var notificationErrors: [String]
    /// The previous reports this run compared with (`--previous`, `notify.previous`); empty when it compared with none.
    public var previousReports: [PreviousReportInfo]
    /// `check --models`: the models compared with the head (not read back from a previous report).
    public var models: ModelsResult?

    /// The `format_version` this code writes and reads. Fields added since (`finding_id`, `first_seen`, `change`,
    /// `resolved`, `carried_over`, `previous_status`, `previous_reports`, `changes`) are additive: readers of version 1
    /// that ignore unknown keys keep working, and reports written before them are still read (they are optional in the
    /// JSON Schema). Renaming, removing or changing the meaning of a field bumps it.
    public static let currentFormatVersion = 1

    public init(generatedAt: String, headRevision: String?, environments: [EnvironmentResult],
                notificationErrors: [String] = [], previousReports: [PreviousReportInfo] = [], models: ModelsResult? = nil) {
        self.formatVersion = Self.currentFormatVersion
        self.generatedAt = generatedAt
        self.headRevision = headRevision
        self.environments = environments
        self.summary = Summary(environments: environments)
        self.notificationErrors = notificationErrors
        self.previousReports = previousReports
        self.models = models
    }

    /// Decodes a report; `notification_errors` and `previous_reports` may be absent (reports written before them).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        generatedAt = try container.decode(String.self, forKey: .generatedAt)
        headRevision = try container.decodeIfPresent(String.self, forKey: .headRevision)
        summary = try container.decode(Summary.self, forKey: .summary)
        environments = try container.decode([EnvironmentResult].self, forKey: .environments)
        notificationErrors = try container.decodeIfPresent([String].self, forKey: .notificationErrors) ?? []
        previousReports = try container.decodeIfPresent([PreviousReportInfo].self, forKey: .previousReports) ?? []
        models = nil
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case generatedAt = "generated_at"
        case headRevision = "head_revision"
        case summary, environments
        case notificationErrors = "notification_errors"
        case previousReports = "previous_reports"
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
public struct EnvironmentResult: Hashable, Sendable, Decodable {
    // Written by `JSONReport`; decoding (below) reads the memory fields spread over the environment and its findings.
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
    /// How the findings compare with the previous run; `nil` when the check ran without a previous report.
    public var memory: EnvironmentMemory?

    public init(name: String, status: EnvironmentStatus, revision: String? = nil, revisionsBehind: Int? = nil,
                pendingRevisions: [String] = [], error: String? = nil, serverVersion: String? = nil,
                findings: [Finding] = [], notCompared: [NotCompared] = [], objectsCompared: Int = 0,
                statementsSent: Int = 0, durationSeconds: Double = 0, comparedObjects: [String]? = nil,
                memory: EnvironmentMemory? = nil) {
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
        self.memory = memory
    }

    /// Each finding's `finding_id`, in order (see `FindingIdentity`).
    public var findingIDs: [String] { FindingIdentity.ids(environment: name, findings: findings) }

    /// The findings with their id and, when the run had a previous report, their history.
    public var trackedFindings: [(finding: Finding, id: String, history: FindingHistory?)] {
        zip(findings, findingIDs).map { ($0, $1, memory?.history[$1]) }
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
        case previousStatus = "previous_status"
        case resolved
        case carriedOver = "carried_over"
    }
}

extension EnvironmentResult {
    /// Decodes an environment; the memory fields (`previous_status`, `resolved`, `carried_over`, and `first_seen` /
    /// `change` on findings) may be absent: reports written without a previous report, or before these fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name),
                  status: try container.decode(EnvironmentStatus.self, forKey: .status),
                  revision: try container.decodeIfPresent(String.self, forKey: .revision),
                  revisionsBehind: try container.decodeIfPresent(Int.self, forKey: .revisionsBehind),
                  pendingRevisions: try container.decodeIfPresent([String].self, forKey: .pendingRevisions) ?? [],
                  error: try container.decodeIfPresent(String.self, forKey: .error),
                  serverVersion: try container.decodeIfPresent(String.self, forKey: .serverVersion),
                  findings: try container.decode([Finding].self, forKey: .findings),
                  notCompared: try container.decodeIfPresent([NotCompared].self, forKey: .notCompared) ?? [],
                  objectsCompared: try container.decodeIfPresent(Int.self, forKey: .objectsCompared) ?? 0,
                  statementsSent: try container.decodeIfPresent(Int.self, forKey: .statementsSent) ?? 0,
                  durationSeconds: try container.decodeIfPresent(Double.self, forKey: .durationSeconds) ?? 0,
                  comparedObjects: try container.decodeIfPresent([String].self, forKey: .comparedObjects))
        let resolved = try container.decodeIfPresent([TrackedFinding].self, forKey: .resolved)
        let carriedOver = try container.decodeIfPresent([TrackedFinding].self, forKey: .carriedOver)
        guard resolved != nil || carriedOver != nil else { return }
        let marks = try container.decode([HistoryMark].self, forKey: .findings)
        var history: [String: FindingHistory] = [:]
        for (id, mark) in zip(findingIDs, marks) {
            if let firstSeen = mark.firstSeen, let change = mark.change {
                history[id] = FindingHistory(firstSeen: firstSeen, change: change)
            }
        }
        memory = EnvironmentMemory(
            previousStatus: try container.decodeIfPresent(EnvironmentStatus.self, forKey: .previousStatus),
            history: history, resolved: resolved ?? [], carriedOver: carriedOver ?? [])
    }

    /// The memory part of a finding in the JSON.
    private struct HistoryMark: Decodable {
        var firstSeen: String?
        var change: FindingChange?
        enum CodingKeys: String, CodingKey {
            case firstSeen = "first_seen"
            case change
        }
    }
}
