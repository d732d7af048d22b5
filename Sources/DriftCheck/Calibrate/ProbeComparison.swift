import SchemaDiff
import SchemaModel

/// The offline model against the server, probe by probe: the probes' statements replayed (expected) and their
/// SHOW CREATE texts read back (actual), through the same replay, normalizer and differ `check` uses.
struct ProbeComparison {
    /// The probe database.
    let database: String
    /// Probe → (statement sent, SHOW CREATE text), for the probes the server accepted.
    let printed: [String: (input: String, text: String)]
    /// The probe set, in creation order.
    let probes: [Probe]

    /// The accepted probes, in creation order.
    var accepted: [Probe] { probes.filter { printed[$0.name] != nil } }

    /// Both catalogs; a text the model cannot read throws the replay's error, whose file names the probe.
    func catalogs() throws -> (expected: Catalog, actual: Catalog) {
        var expected = Catalog()
        var actual = Catalog()
        expected.ensureDatabase(database)
        actual.ensureDatabase(database)
        for probe in accepted {
            let (input, text) = printed[probe.name]!
            try expected.apply(sql: input, file: "probe \(probe.name)", defaultDatabase: database)
            try actual.apply(sql: text, file: "SHOW CREATE of probe \(probe.name)", defaultDatabase: database)
        }
        return (expected, actual)
    }

    /// Feeds each table and MV probe's written and printed properties to `learner`.
    func learn(expected: Catalog, actual: Catalog, into learner: inout ProfileLearner) {
        guard let left = expected.databases[database], let right = actual.databases[database] else { return }
        for probe in accepted {
            switch probe.kind {
            case .table:
                guard let written = left.tables[probe.name], let shown = right.tables[probe.name] else { continue }
                learner.learn(kind: .table, model: written.key?.model, written: written.properties,
                              printed: shown.properties)
            case .materializedView:
                guard let written = left.materializedViews[probe.name], let shown = right.materializedViews[probe.name]
                else { continue }
                learner.learn(kind: .materializedView, model: nil, written: written.properties,
                              printed: shown.properties)
            case .view:
                continue
            }
        }
    }

    /// The probes where the differ, given `profile`, still finds a difference above info or cannot compare.
    func disagreements(expected: Catalog, actual: Catalog, profile: ServerProfile) -> [Disagreement] {
        let comparison = diff(expected: expected, actual: actual,
                              options: DiffOptions(databases: [database], profile: profile))
        var out: [Disagreement] = []
        for probe in accepted {
            let path = "\(database).\(probe.name)"
            func mine(_ object: String) -> Bool { object == path || object.hasPrefix(path + ".") }
            var differences = comparison.findings.filter { mine($0.object) && $0.severity > .info }
                .map { finding in
                    "\(finding.kind.rawValue): \(finding.message)"
                        + ((finding.expected != nil || finding.actual != nil)
                            ? " (model: \(finding.expected ?? "none"), server: \(finding.actual ?? "none"))" : "")
                }
            differences += comparison.notCompared.filter { mine($0.object) }.map { "not compared: \($0.reason)" }
            guard !differences.isEmpty else { continue }
            let dependencies = probe.dependencies.compactMap { printed[$0]?.input }
            out.append(Disagreement(probe: probe, input: printed[probe.name]!.input, dependencies: dependencies,
                                    printed: printed[probe.name]!.text, differences: differences))
        }
        return out
    }
}
