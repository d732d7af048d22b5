import StarRocksClient

/// Removes secret values (passwords, webhook URLs) from any text before it is printed, logged or written.
///
/// Secrets should never reach a message in the first place; this is the second line of defence for text that
/// comes from elsewhere (server error messages, library errors).
public struct Redactor: Sendable {
    private var secrets: [Secret]

    public init(secrets: [String] = []) {
        self.secrets = secrets.map(Secret.init)
    }

    /// Adds a secret to scrub, of any length (secrets shorter than `Secret.minimumLength` are refused when loaded).
    public mutating func add(_ secret: Secret?) {
        guard let secret, !secret.isEmpty else { return }
        secrets.append(secret)
    }

    /// Adds a secret held as text (a webhook URL read from its variable).
    public mutating func add(_ secret: String?) {
        add(secret.map(Secret.init))
    }

    /// `text` with every secret replaced by `***` (one pass; other text is left exactly as it was).
    public func scrub(_ text: String) -> String {
        Secret.scrub(text, secrets: secrets)
    }
}
