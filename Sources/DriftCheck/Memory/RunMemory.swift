import DriftReport

/// Run-to-run memory for `check`: finds each environment's previous report (`--previous`, else its
/// `notify.previous`), reads each file once, and marks the document's findings new / open / resolved. A previous
/// report that is missing, unreadable, of another `format_version` or without the environment is a warning in the
/// report, never a failure.
struct RunMemory {
    /// `--previous`; wins over every environment's `notify.previous`.
    var previousPath: String?

    /// The environment's previous report path and where it came from, or nil when it has none.
    func source(for environment: EnvironmentConfig) -> (path: String, origin: String)? {
        if let previousPath { return (previousPath, "--previous") }
        if let path = environment.notify.previous { return (path, "notify.previous in \(environment.file)") }
        return nil
    }

    /// `document` with memory on every environment that has a previous report, and `previous_reports` filled.
    /// Reads files (the only I/O here); the matching itself is `FindingMatcher`.
    func apply(to document: DriftReportDocument, environments: [EnvironmentConfig]) -> DriftReportDocument {
        var result = document
        var order: [String] = []
        var loads: [String: Result<PreviousReport, PreviousReport.Unusable>] = [:]
        var warnings: [String: [String]] = [:]
        var users: [String: Set<String>] = [:]
        for (index, environment) in result.environments.enumerated() {
            guard let config = environments.first(where: { $0.name == environment.name }),
                  let source = source(for: config) else { continue }
            if loads[source.path] == nil {
                order.append(source.path)
                let load = PreviousReport.load(path: source.path, origin: source.origin)
                loads[source.path] = load
                if case .failure(let problem) = load { warnings[source.path, default: []].append(problem.description) }
            }
            users[source.path, default: []].insert(environment.name)
            let previous = try? loads[source.path]?.get()
            let (memory, warning) = FindingMatcher.remember(environment, previous: previous, now: document.generatedAt)
            result.environments[index].memory = memory
            if let warning { warnings[source.path, default: []].append(warning) }
        }
        result.previousReports = order.map { path in
            let previous = try? loads[path]?.get()
            var list = warnings[path] ?? []
            if let previous {
                let dropped = previous.environmentNames.filter { !(users[path] ?? []).contains($0) }
                if !dropped.isEmpty {
                    list.append("the previous report \(previous.file) also lists \(dropped.joined(separator: ", ")), "
                        + "not checked in this run: their findings are not carried into this report")
                }
            }
            return PreviousReportInfo(path: path, generatedAt: previous?.generatedAt, warnings: list)
        }
        return result
    }
}
