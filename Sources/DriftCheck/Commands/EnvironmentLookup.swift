/// Finds one environment by name for subcommands that take a single `--env`.
public enum EnvironmentLookup {
    /// The environment called `name` in `directory`; an unknown name lists the known ones.
    public static func find(_ name: String, in directory: String) throws -> EnvironmentConfig {
        let all: [EnvironmentConfig]
        all = try EnvironmentLoader.loadAll(directory: directory)
        guard let config = all.first(where: { $0.name == name }) else {
            throw DriftCheckError.unknownEnvironment(name: name, directory: directory, known: all.map(\.name))
        }
        return config
    }
}
