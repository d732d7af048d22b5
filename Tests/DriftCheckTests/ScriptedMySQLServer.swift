import DriftTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A scripted MySQL-protocol server on 127.0.0.1 for one connection: it sends a greeting without the TLS capability
/// and records every byte the client sends, so a test can show what a misbehaving server receives.
final class ScriptedMySQLServer: @unchecked Sendable {
    /// What the server does after the greeting.
    enum Script {
        /// Waits for whatever the client sends (a client that needs TLS must send nothing and hang up).
        case greetingOnly
        /// Answers the login packet with an AuthSwitchRequest to `mysql_clear_password`, as a server with an LDAP
        /// user does, and records what comes back.
        case switchToClearPassword
    }

    let port: Int
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var packets: [[UInt8]] = []

    init(script: Script) throws {
        let (fd, port) = try LoopbackSocket.listen(backlog: 4)
        listener = fd
        self.port = port
        let thread = Thread { [self] in serve(script) }
        thread.start()
    }

    deinit { close(listener) }

    /// Every byte received on the connection, once the client hung up (or after `timeout` seconds).
    func received(timeout: Double = 10) -> [UInt8] {
        waitForHangUp(timeout)
        return lock.withLock { bytes }
    }

    private var finished = false

    private func waitForHangUp(_ timeout: Double) {
        if lock.withLock({ finished }) { return }
        if done.wait(timeout: .now() + timeout) == .success { lock.withLock { finished = true } }
    }

    /// The packets (payloads) received, in order.
    func receivedPackets(timeout: Double = 10) -> [[UInt8]] {
        waitForHangUp(timeout)
        return lock.withLock { packets }
    }

    private func serve(_ script: Script) {
        defer { done.signal() }
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        defer { close(client) }
        var timeout = timeval(tv_sec: 8, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        send(client, Self.packet(sequence: 0, Self.greeting()))
        var pending: [UInt8] = []
        var switched = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            lock.withLock { bytes += buffer[0..<count] }
            pending += buffer[0..<count]
            while pending.count >= 4 {
                let length = Int(pending[0]) | Int(pending[1]) << 8 | Int(pending[2]) << 16
                guard pending.count >= 4 + length else { break }
                let sequence = pending[3]
                let payload = Array(pending[4..<(4 + length)])
                pending.removeFirst(4 + length)
                lock.withLock { packets.append(payload) }
                if case .switchToClearPassword = script, !switched {
                    switched = true
                    send(client, Self.packet(sequence: sequence &+ 1, [0xFE] + Array("mysql_clear_password".utf8) + [0]))
                }
            }
        }
    }

    private func send(_ socket: Int32, _ data: [UInt8]) {
        _ = data.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// A HandshakeV10 greeting that offers protocol 4.1, secure connection and plugin auth, but not TLS.
    static func greeting() -> [UInt8] {
        let capabilities: UInt32 = 0x0000_0001 | 0x0000_0004 | 0x0000_0008 | 0x0000_0200 | 0x0000_2000
            | 0x0000_8000 | 0x0008_0000  // long password, long flag, connect with db, 4.1, transactions, secure, plugin auth
        var payload: [UInt8] = [10] + Array("5.1.0-scripted".utf8) + [0]
        payload += [7, 0, 0, 0] + Array("abcdefgh".utf8) + [0]
        payload += [UInt8(capabilities & 0xFF), UInt8((capabilities >> 8) & 0xFF), 33, 2, 0]
        payload += [UInt8((capabilities >> 16) & 0xFF), UInt8(capabilities >> 24), 21] + [UInt8](repeating: 0, count: 10)
        payload += Array("ijklmnopqrst".utf8) + [0] + Array("mysql_native_password".utf8) + [0]
        return payload
    }

    static func packet(sequence: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [UInt8(payload.count & 0xFF), UInt8((payload.count >> 8) & 0xFF), UInt8(payload.count >> 16), sequence] + payload
    }
}

