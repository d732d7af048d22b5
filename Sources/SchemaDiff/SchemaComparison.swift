// SchemaDiff: compares an expected Catalog (migrations) with an actual Catalog (a server) and returns typed findings.
// It never renders, prints or does I/O; DriftReport renders what it returns.
import Findings

/// What `diff(expected:actual:)` returns.
public struct SchemaComparison: Hashable, Sendable {
    public var findings: [Finding]
    public var notCompared: [NotCompared]
    /// How many objects were compared (for progress and reports).
    public var comparedObjects: Int

    public init(findings: [Finding] = [], notCompared: [NotCompared] = [], comparedObjects: Int = 0) {
        self.findings = findings
        self.notCompared = notCompared
        self.comparedObjects = comparedObjects
    }
}
