/// A connection URL from an environment file: `starrocks://user@host[:port][/[catalog.]database]`.
///
/// `mysql://` is accepted as a synonym (same syntax, same default port 9030), because some teams already keep
/// MySQL-style URLs. A password in the URL is refused: it would end up in git; use `password_env` instead.
/// User and database may be percent-encoded; an IPv6 host is written in brackets (`[::1]`).
public struct StarRocksURL: Sendable, Hashable, CustomStringConvertible {
    /// URL schemes accepted, in the order they are documented.
    public static let schemes = ["starrocks", "mysql"]

    /// The user to log in as.
    public var user: String
    /// Host name or IP address (without brackets).
    public var host: String
    /// The FE query port (9030 when the URL names none).
    public var port: Int
    /// The catalog from `catalog.database`, or `nil`.
    public var catalog: String?
    /// The database, or `nil` when the URL names none.
    public var database: String?

    /// Parses `text`; throws `ClientError.invalidURL`, whose message never contains a password.
    public init(parsing text: String) throws {
        let shown = Self.redactingPassword(text)
        func invalid(_ reason: String) -> ClientError { .invalidURL(url: shown, reason: reason) }

        guard let schemeEnd = text.range(of: "://") else {
            throw invalid("expected starrocks://user@host:port/[catalog.]database")
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard Self.schemes.contains(scheme) else {
            throw invalid("unsupported scheme '\(scheme)'; use starrocks://")
        }
        var rest = text[schemeEnd.upperBound...]
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            throw invalid("query parameters and fragments are not supported ('\(rest[query...].prefix(1))…'); "
                + "put options in the environment file")
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        guard let at = rest.lastIndex(of: "@") else {
            throw invalid("the user is missing; write starrocks://user@host:port/database")
        }
        let userInfo = rest[..<at]
        let hostPort = rest[rest.index(after: at)...]
        if userInfo.contains(":") {
            throw invalid("a password must not be written in the url; put it in an environment variable and name "
                + "that variable with password_env")
        }
        guard let user = Self.percentDecoded(userInfo), !user.isEmpty else {
            throw invalid("the user is missing or badly percent-encoded")
        }
        self.user = user

        var hostText = hostPort
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw invalid("unclosed '[' in the host") }
            hostText = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("unexpected text after the host") }
                portText = after.dropFirst()
            }
        } else if let colon = hostPort.firstIndex(of: ":") {
            hostText = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        }
        guard !hostText.isEmpty else { throw invalid("the host is missing") }
        self.host = String(hostText)
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw invalid("the port '\(portText)' is not a number from 1 to 65535")
            }
            self.port = port
        } else {
            self.port = ConnectionOptions.defaultPort
        }

        guard let decodedPath = Self.percentDecoded(path) else { throw invalid("the database is badly percent-encoded") }
        if decodedPath.isEmpty {
            catalog = nil
            database = nil
        } else {
            let parts = decodedPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2, !parts.contains(where: \.isEmpty), !decodedPath.contains("/") else {
                throw invalid("expected /database or /catalog.database after the host")
            }
            catalog = parts.count == 2 ? parts[0] : nil
            database = parts.last
        }
    }

    /// The URL in canonical form (`starrocks://user@host:port/[catalog.]database`).
    public var description: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let path = database.map { db in "/" + (catalog.map { "\($0)." } ?? "") + db } ?? ""
        return "starrocks://\(user)@\(hostText):\(port)\(path)"
    }

    /// Connection options for this URL with the given password and environment name; the rest keep their defaults.
    public func connectionOptions(password: Secret?, environment: String?) -> ConnectionOptions {
        ConnectionOptions(host: host, port: port, user: user, password: password, catalog: catalog,
                          database: database, environment: environment)
    }

    /// `text` with anything between `://user:` and `@` replaced by `***`, for messages.
    static func redactingPassword(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let afterScheme = text[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    private static func percentDecoded(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let high = utf8.index(after: index)
                guard high != utf8.endIndex else { return nil }
                let low = utf8.index(after: high)
                guard low != utf8.endIndex, let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self),
                                                                  radix: 16) else { return nil }
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
