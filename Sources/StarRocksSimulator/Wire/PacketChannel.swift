#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client socket framed into MySQL packets: a 3-byte length, a sequence id, then the payload.
final class PacketChannel {
    /// The largest payload one frame carries; longer payloads continue in the next frame.
    static let maxFramePayload = 0xFF_FFFF

    #if os(Linux)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif

    private let descriptor: Int32
    /// The sequence id the next written packet carries.
    var sequence: UInt8 = 0

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Reads one whole packet (joining continuation frames) and sets `sequence` to follow it; `nil` when the peer
    /// closed the connection or it failed.
    func read() -> [UInt8]? {
        var payload: [UInt8] = []
        while true {
            guard let header = readExactly(4) else { return nil }
            let length = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16
            sequence = header[3] &+ 1
            guard let part = readExactly(length) else { return nil }
            payload += part
            if length < Self.maxFramePayload { return payload }
        }
    }

    /// Writes `payload` as one packet (split into frames when long); returns false when the socket failed.
    @discardableResult
    func write(_ payload: [UInt8]) -> Bool {
        var frames: [UInt8] = []
        var start = 0
        repeat {
            let length = min(Self.maxFramePayload, payload.count - start)
            frames += [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), sequence]
            frames += payload[start..<start + length]
            sequence &+= 1
            start += length
            if length < Self.maxFramePayload { break }
        } while true
        return writeAll(frames)
    }

    /// Writes several packets in one system call (a result set).
    @discardableResult
    func write(packets: [[UInt8]]) -> Bool {
        var buffer: [UInt8] = []
        for payload in packets {
            var start = 0
            repeat {
                let length = min(Self.maxFramePayload, payload.count - start)
                buffer += [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), sequence]
                buffer += payload[start..<start + length]
                sequence &+= 1
                start += length
                if length < Self.maxFramePayload { break }
            } while true
        }
        return writeAll(buffer)
    }

    private func readExactly(_ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                recv(descriptor, raw.baseAddress! + filled, count - filled, 0)
            }
            if n > 0 {
                filled += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return nil
            }
        }
        return buffer
    }

    private func writeAll(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress! + sent, bytes.count - sent, Self.sendFlags)
            }
            if n > 0 {
                sent += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
