/// Builds the payload of one MySQL protocol packet (little-endian integers, length-encoded values).
struct PacketBuilder {
    /// The payload bytes so far.
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    mutating func raw(_ value: String) { bytes.append(contentsOf: Array(value.utf8)) }

    /// A NUL-terminated string.
    mutating func nulTerminated(_ value: String) {
        raw(value)
        bytes.append(0)
    }

    /// A length-encoded integer.
    mutating func lengthEncoded(_ value: UInt64) {
        switch value {
        case ..<251: bytes.append(UInt8(value))
        case ..<0x1_0000:
            bytes.append(0xFC)
            uint16(UInt16(value))
        case ..<0x100_0000:
            bytes.append(0xFD)
            for shift in stride(from: 0, to: 24, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        default:
            bytes.append(0xFE)
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
    }

    /// A length-encoded string (binary-safe).
    mutating func lengthEncoded(_ value: String) {
        let utf8 = Array(value.utf8)
        lengthEncoded(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads the fields of a received packet payload.
struct PacketReader {
    private let bytes: [UInt8]
    /// The offset of the next unread byte.
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte was read.
    var atEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() -> UInt32? {
        guard let raw = take(4) else { return nil }
        return raw.enumerated().reduce(0) { $0 | UInt32($1.element) << UInt32($1.offset * 8) }
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Bytes up to the next NUL (which is consumed); `nil` when there is none.
    mutating func nulTerminated() -> [UInt8]? {
        guard let end = bytes[offset...].firstIndex(of: 0) else { return nil }
        defer { offset = end + 1 }
        return Array(bytes[offset..<end])
    }

    mutating func lengthEncodedInteger() -> UInt64? {
        guard let first = byte() else { return nil }
        let width: Int
        switch first {
        case ..<0xFB: return UInt64(first)
        case 0xFC: width = 2
        case 0xFD: width = 3
        case 0xFE: width = 8
        default: return nil
        }
        guard let raw = take(width) else { return nil }
        return raw.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
    }

    /// The rest of the payload.
    mutating func rest() -> [UInt8] {
        defer { offset = bytes.count }
        return offset < bytes.count ? Array(bytes[offset...]) : []
    }
}
