import Findings

/// `check --models`: the SQLAlchemy models compared with the migrations' head, offline. Its findings are
/// `model_not_migrated` (a model changed and no revision makes the change); the report shows them in their own
/// section and they gate like drift.
public struct ModelsResult: Hashable, Sendable {
    /// `MODULE:ATTR`.
    public var source: String
    /// `clean`, `drift` (a finding at or above the gate) or `error` (the models could not be read).
    public var status: EnvironmentStatus
    /// Why the models could not be read (status `error`).
    public var error: String?
    /// Python, SQLAlchemy and `starrocks` versions that compiled the models.
    public var versions: [String: String]
    /// Objects compared.
    public var objectsCompared: Int
    /// One `model_not_migrated` per difference.
    public var findings: [Finding]
    /// Objects that could not be compared faithfully, with the reason.
    public var notCompared: [NotCompared]

    /// A result; `status` `error` goes with an `error` message.
    public init(source: String, status: EnvironmentStatus, error: String? = nil, versions: [String: String] = [:],
                objectsCompared: Int = 0, findings: [Finding] = [], notCompared: [NotCompared] = []) {
        self.source = source
        self.status = status
        self.error = error
        self.versions = versions
        self.objectsCompared = objectsCompared
        self.findings = findings
        self.notCompared = notCompared
    }
}
