import CMariaDB

/// Which authentication plugins libmariadb may run for a connection (MARIADB_OPT_RESTRICTED_AUTH), and the TLS guard
/// that makes `required` / `verify_ca` refuse before the login packet.
enum AuthenticationPolicy {
    /// Plugins that never put the password on the wire in clear text: a scramble, a signature or RSA encryption.
    static let passwordSafePlugins = ["mysql_native_password", "caching_sha2_password", "client_ed25519",
                                      "sha256_password"]
    /// The plugin that sends the password as is; allowed only on an encrypted session that opts in.
    static let clearTextPlugin = "mysql_clear_password"

    /// Registered once per process; `false` only if libmariadb refused the registration (then `required` falls back
    /// to the check after connecting).
    static let tlsGuardRegistered: Bool = {
        MariaDBLibrary.initializeOnce()
        guard let probe = mysql_init(nil) else { return false }
        defer { mysql_close(probe) }
        return drift_register_tls_guard(probe) == 0
    }()

    /// The allowed plugins for `options`: the password-safe ones, the TLS guard where TLS is mandatory, and
    /// `mysql_clear_password` only when TLS is mandatory and the environment opted in.
    static func allowedPlugins(_ options: ConnectionOptions) -> [String] {
        var plugins: [String] = []
        let encrypted = options.tls == .required || options.tls == .verifyCA
        if encrypted { plugins.append(DRIFT_TLS_GUARD_PLUGIN) }
        plugins += passwordSafePlugins
        if encrypted && options.allowCleartextPassword { plugins.append(clearTextPlugin) }
        return plugins
    }

    /// The message for a server that asked for a plugin outside the allowed list.
    static func refusedPluginMessage(_ options: ConnectionOptions) -> String {
        let hint = (options.tls == .required || options.tls == .verifyCA)
            ? "set connection.allow_cleartext_password: true if this server needs mysql_clear_password (e.g. LDAP)"
            : "mysql_clear_password is allowed only with connection.tls: required or verify_ca and allow_cleartext_password: true"
        return "the server asked for an authentication method that would send the password in clear text or is not "
            + "allowed (allowed: \(passwordSafePlugins.joined(separator: ", "))); the password was not sent; \(hint)"
    }
}
