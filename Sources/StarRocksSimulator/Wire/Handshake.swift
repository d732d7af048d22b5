/// The connection phase: the server greeting (HandshakeV10), the client's HandshakeResponse41 and the
/// `mysql_native_password` check.
struct Handshake {
    /// The 20-byte random challenge sent in the greeting.
    let salt: [UInt8]
    /// The server version string the greeting announces.
    let serverVersion: String
    let connectionID: UInt32

    init(serverVersion: String, connectionID: UInt32) {
        var generator = SystemRandomNumberGenerator()
        // Printable, non-NUL bytes, as MySQL servers send.
        salt = (0..<20).map { _ in UInt8.random(in: 0x21...0x7E, using: &generator) }
        self.serverVersion = serverVersion
        self.connectionID = connectionID
    }

    /// The server greeting packet.
    func greeting() -> [UInt8] {
        let capabilities = ProtocolConstants.serverCapabilities
        var packet = PacketBuilder()
        packet.byte(ProtocolConstants.protocolVersion)
        packet.nulTerminated(serverVersion)
        packet.uint32(connectionID)
        packet.raw(Array(salt[0..<8]))
        packet.byte(0)
        packet.uint16(UInt16(capabilities & 0xFFFF))
        packet.byte(ProtocolConstants.characterSet)
        packet.uint16(ProtocolConstants.statusAutocommit)
        packet.uint16(UInt16(capabilities >> 16))
        packet.byte(UInt8(salt.count + 1))
        packet.raw([UInt8](repeating: 0, count: 10))
        packet.raw(Array(salt[8...]))
        packet.byte(0)
        packet.nulTerminated(ProtocolConstants.authPlugin)
        return packet.bytes
    }

    /// The fields of a HandshakeResponse41 the simulator uses.
    struct Response {
        var capabilities: UInt32
        var user: String
        var authResponse: [UInt8]
        var database: String?
        var authPlugin: String?
        /// True when the client asked for TLS (an SSLRequest), which the simulator does not offer.
        var wantsTLS: Bool
    }

    /// Parses a HandshakeResponse41; `nil` when it is malformed or pre-4.1.
    static func parseResponse(_ payload: [UInt8]) -> Response? {
        var reader = PacketReader(payload)
        guard let capabilities = reader.uint32(), capabilities & ProtocolConstants.clientProtocol41 != 0,
              reader.take(4) != nil, reader.byte() != nil, reader.take(23) != nil else { return nil }
        if capabilities & ProtocolConstants.clientSSL != 0 && reader.atEnd {
            return Response(capabilities: capabilities, user: "", authResponse: [], database: nil, authPlugin: nil,
                            wantsTLS: true)
        }
        guard let userBytes = reader.nulTerminated() else { return nil }
        var auth: [UInt8] = []
        if capabilities & ProtocolConstants.clientPluginAuthLengthEncoded != 0 {
            guard let length = reader.lengthEncodedInteger(), let bytes = reader.take(Int(length)) else { return nil }
            auth = bytes
        } else if capabilities & ProtocolConstants.clientSecureConnection != 0 {
            guard let length = reader.byte(), let bytes = reader.take(Int(length)) else { return nil }
            auth = bytes
        } else {
            auth = reader.nulTerminated() ?? []
        }
        var database: String?
        if capabilities & ProtocolConstants.clientConnectWithDB != 0, let bytes = reader.nulTerminated() {
            database = bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
        var plugin: String?
        if capabilities & ProtocolConstants.clientPluginAuth != 0, let bytes = reader.nulTerminated() {
            plugin = String(decoding: bytes, as: UTF8.self)
        }
        return Response(capabilities: capabilities, user: String(decoding: userBytes, as: UTF8.self), authResponse: auth,
                        database: database, authPlugin: plugin, wantsTLS: false)
    }

    /// An AuthSwitchRequest asking the client to answer the same challenge with `mysql_native_password`.
    func authSwitchRequest() -> [UInt8] {
        var packet = PacketBuilder()
        packet.byte(0xFE)
        packet.nulTerminated(ProtocolConstants.authPlugin)
        packet.raw(salt)
        packet.byte(0)
        return packet.bytes
    }

    /// Whether `response` is the `mysql_native_password` scramble of `password` for this challenge:
    /// SHA1(password) XOR SHA1(salt + SHA1(SHA1(password))); an empty password expects an empty response.
    func verify(_ response: [UInt8], password: String) -> Bool {
        if password.isEmpty { return response.isEmpty }
        guard response.count == 20 else { return false }
        let stage1 = SHA1.digest(Array(password.utf8))
        let stage2 = SHA1.digest(stage1)
        let mask = SHA1.digest(salt + stage2)
        let expected = zip(stage1, mask).map { $0 ^ $1 }
        // Compare without an early exit.
        return zip(expected, response).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
