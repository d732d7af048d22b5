/// Removes secret values (passwords, webhook URLs) from any text before it is printed, logged or written.
///
/// Secrets should never reach a message in the first place; this is the second line of defence for text that
/// comes from elsewhere (server error messages, library errors).
public struct Redactor: Sendable {
    private var secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// Adds a secret to scrub; values shorter than 4 characters are ignored (they would mangle ordinary text).
    public mutating func add(_ secret: String?) {
        guard let secret, secret.count >= 4 else { return }
        secrets.append(secret)
        secrets.sort { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `***`.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return result
    }
}
