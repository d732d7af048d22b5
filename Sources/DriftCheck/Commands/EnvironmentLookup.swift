/// Finds one environment by name for subcommands that take a single `--env`.
public enum EnvironmentLookup {
    /// The environment called `name` in `directory`; an unknown name lists the known ones.
    public static func find(_ name: String, in directory: String) throws -> EnvironmentConfig {
        let all: [EnvironmentConfig]
        do {
            all = try EnvironmentLoader.loadAll(directory: directory)
        } catch {
            throw DriftCheckError("\(error)")
        }
        guard let config = all.first(where: { $0.name == name }) else {
            throw DriftCheckError("unknown environment '\(name)' (--env); environments in \(directory): \(all.map(\.name).joined(separator: ", "))")
        }
        return config
    }
}
