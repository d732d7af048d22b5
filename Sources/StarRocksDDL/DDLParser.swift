/// Parses StarRocks DDL text into statements.
public enum DDLParser {
    /// Parses every statement in `source`; `firstLine` offsets line numbers when `source` is a slice of a file.
    public static func parse(_ source: String, file: String, firstLine: Int = 1) throws(DDLParseError) -> [ParsedStatement] {
        var parser = Parser(bytes: Array(source.utf8), file: file, firstLine: firstLine)
        return try parser.parseAll()
    }

    /// Same from raw bytes; non-UTF-8 input is a `DDLParseError` at the first bad byte.
    public static func parse(bytes: [UInt8], file: String, firstLine: Int = 1) throws(DDLParseError) -> [ParsedStatement] {
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            let resolver = LocationResolver(bytes: bytes, file: file, firstLine: firstLine)
            throw resolver.error(at: bad, "the file is not valid UTF-8 (bad byte 0x\(String(bytes[bad], radix: 16))); "
                + "save it as UTF-8")
        }
        var parser = Parser(bytes: bytes, file: file, firstLine: firstLine)
        return try parser.parseAll()
    }
}
