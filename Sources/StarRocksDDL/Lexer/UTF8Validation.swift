/// Finds the first byte that breaks UTF-8 well-formedness.
enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed sequence, or `nil` when `bytes` is valid UTF-8.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = 0
            let count = buffer.count
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var minimum: UInt8 = 0x80
                var maximum: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; minimum = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; maximum = 0x9F
                case 0xF0: length = 4; minimum = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; maximum = 0x8F
                default: return index
                }
                if index + length > count { return index }
                let second = buffer[index + 1]
                if second < minimum || second > maximum { return index }
                var offset = 2
                while offset < length {
                    if buffer[index + offset] & 0xC0 != 0x80 { return index }
                    offset += 1
                }
                index += length
            }
            return nil
        }
    }
}
