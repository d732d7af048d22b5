/// Replaces `${name}` placeholders in a revision's SQL with an environment's `variables`.
///
/// ```sql
/// PROPERTIES ("replication_num" = "${replication_num}")
/// ```
/// Placeholders inside comments are left alone; inside string literals and code they are replaced.
public enum PlaceholderExpander {
    /// `sql` with every placeholder replaced; an unknown one is an error naming file, line, column and environment.
    /// `firstLine` is the line of `file` on which `sql` starts.
    public static func expand(_ sql: String, variables: [String: String], environment: String?, file: String,
                              firstLine: Int) throws(HistoryError) -> String {
        guard sql.utf8.contains(UInt8(ascii: "$")) else { return sql }
        let bytes = Array(sql.utf8)
        var regions = [SQLTextScanner.Region](repeating: .code, count: bytes.count)
        SQLTextScanner.walk(bytes) { offset, _, region in regions[offset] = region }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var line = firstLine
        var lineStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
            guard byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                  regions[index] != .comment else {
                out.append(byte); index += 1; continue
            }
            var end = index + 2
            while end < bytes.count, bytes[end] != UInt8(ascii: "}"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let name = end < bytes.count && bytes[end] == UInt8(ascii: "}")
                ? String(decoding: bytes[(index + 2)..<end], as: UTF8.self) : nil
            guard let name, let value = variables[name] else {
                var lineEnd = index
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                throw .unknownPlaceholder(name: name ?? String(decoding: bytes[(index + 2)..<end], as: UTF8.self),
                                          file: file, line: line, column: column, environment: environment,
                                          lineText: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
            }
            out.append(contentsOf: value.utf8)
            index = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
