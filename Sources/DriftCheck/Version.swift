/// The tool's version, printed by `--version` and sent as the webhook User-Agent.
public enum DriftCheckVersion {
    public static let current = "0.1.0"
}
