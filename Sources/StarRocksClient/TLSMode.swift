/// How a connection uses TLS, as written in an environment file's `tls:` key.
public enum TLSMode: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP; never negotiates TLS.
    case disabled
    /// TLS when the server offers it, plain TCP otherwise.
    case preferred
    /// TLS or no connection; the server certificate is not verified.
    case required
    /// TLS or no connection, and the server certificate must verify against `ca_file` (or the system CAs when unset).
    /// libmariadb 3.3 also checks that the certificate names the host.
    case verifyCA = "verify_ca"
}
