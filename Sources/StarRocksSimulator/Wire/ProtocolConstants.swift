/// MySQL client/server protocol facts the simulator speaks (protocol 41, text protocol only).
enum ProtocolConstants {
    static let protocolVersion: UInt8 = 10
    /// utf8_general_ci, the collation StarRocks reports.
    static let characterSet: UInt8 = 33
    static let authPlugin = "mysql_native_password"

    // Capability flags.
    static let clientLongPassword: UInt32 = 0x1
    static let clientFoundRows: UInt32 = 0x2
    static let clientLongFlag: UInt32 = 0x4
    static let clientConnectWithDB: UInt32 = 0x8
    static let clientProtocol41: UInt32 = 0x200
    static let clientSSL: UInt32 = 0x800
    static let clientTransactions: UInt32 = 0x2000
    static let clientSecureConnection: UInt32 = 0x8000
    static let clientPluginAuth: UInt32 = 0x8_0000
    static let clientConnectAttrs: UInt32 = 0x10_0000
    static let clientPluginAuthLengthEncoded: UInt32 = 0x20_0000

    /// What the simulator advertises: no CLIENT_SSL (TLS is not supported), no CLIENT_DEPRECATE_EOF (it sends EOF
    /// packets), no multi-statements.
    static let serverCapabilities: UInt32 = clientLongPassword | clientFoundRows | clientLongFlag | clientConnectWithDB
        | clientProtocol41 | clientTransactions | clientSecureConnection | clientPluginAuth | clientConnectAttrs
        | clientPluginAuthLengthEncoded

    /// SERVER_STATUS_AUTOCOMMIT.
    static let statusAutocommit: UInt16 = 0x2

    // Commands.
    static let commandQuit: UInt8 = 0x01
    static let commandInitDB: UInt8 = 0x02
    static let commandQuery: UInt8 = 0x03
    static let commandFieldList: UInt8 = 0x04
    static let commandPing: UInt8 = 0x0E
    static let commandSetOption: UInt8 = 0x1B
    static let commandResetConnection: UInt8 = 0x1F

    // Column types.
    static let typeVarString: UInt8 = 0xFD
    static let typeLongLong: UInt8 = 0x08
}
