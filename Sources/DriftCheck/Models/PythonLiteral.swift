/// Python source literals for the files the tool writes (Alembic revisions, SQLAlchemy models).
enum PythonLiteral {
    /// A double-quoted Python string literal (escapes for backslash, quote and newline).
    static func string(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// A string of several lines as adjacent literals, one line each, in parentheses (indented for an argument).
    static func lines(_ text: String) -> String {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return string(text) }
        let literals = parts.enumerated().map { string($0.element + ($0.offset < parts.count - 1 ? "\n" : "")) }
        return "(\n" + literals.map { "        " + $0 }.joined(separator: "\n") + "\n    )"
    }

    /// `{"k": "v", ...}` with keys sorted.
    static func dictionary(_ values: [String: String]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { "\(string($0.key)): \(string($0.value))" }
            .joined(separator: ", ") + "}"
    }
}

/// The `starrocks` dialect's Python type for a StarRocks type (`varchar(100)` → `VARCHAR(length=100)`), the one
/// mapping behind the Alembic revisions and the SQLAlchemy models the tool writes; nil for a type it does not map.
enum DialectTypes {
    /// Integer display widths (`int(11)`) carry no meaning in StarRocks 3.x and are dropped.
    static let integers: [String: String] = [
        "tinyint": "TINYINT()", "smallint": "SMALLINT()", "int": "INTEGER()", "integer": "INTEGER()",
        "bigint": "BIGINT()", "largeint": "LARGEINT()",
    ]

    /// Types without arguments.
    static let plain: [String: String] = [
        "boolean": "BOOLEAN()", "float": "FLOAT()", "double": "DOUBLE()", "date": "DATE()",
        "datetime": "DATETIME()", "json": "JSON()", "string": "STRING()", "bitmap": "BITMAP()", "hll": "HLL()",
        "percentile": "PERCENTILE()",
    ]

    /// A scalar type: lower- or upper-case name and its numeric arguments.
    static func scalar(_ name: String, _ arguments: [Int]) -> String? {
        let lower = name.lowercased()
        if let integer = integers[lower] { return integer }
        if arguments.isEmpty, let plain = plain[lower] { return plain }
        switch (lower, arguments.count) {
        case ("varchar", 1): return "VARCHAR(length=\(arguments[0]))"
        case ("char", 1): return "CHAR(length=\(arguments[0]))"
        case ("decimal", 2): return "DECIMAL(precision=\(arguments[0]), scale=\(arguments[1]))"
        default: return nil
        }
    }
}
