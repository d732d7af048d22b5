/// Spelling helpers for printed SQL: backticked identifiers and quoted string literals.
public enum SQLQuoting {
    /// `` `name` `` with inner backticks doubled.
    public static func backticked(_ name: String) -> String {
        if !name.utf8.contains(UInt8(ascii: "`")) { return "`" + name + "`" }
        var out = "`"
        for character in name {
            if character == "`" { out += "``" } else { out.append(character) }
        }
        return out + "`"
    }

    /// `` `db`.`name` ``.
    public static func qualified(_ database: String, _ name: String) -> String {
        backticked(database) + "." + backticked(name)
    }

    /// `` `a`, `b` ``.
    public static func backtickedList(_ names: [String]) -> String {
        names.map(backticked).joined(separator: ", ")
    }

    /// A double-quoted literal, escaping `\`, `"` and control characters with a backslash.
    public static func doubleQuoted(_ value: String) -> String { "\"" + escaped(value, quote: "\"") + "\"" }

    /// A single-quoted literal, escaping `\`, `'` and control characters with a backslash.
    public static func singleQuoted(_ value: String) -> String { "'" + escaped(value, quote: "'") + "'" }

    private static func escaped(_ value: String, quote: Unicode.Scalar) -> String {
        let needs = value.unicodeScalars.contains { $0 == "\\" || $0 == quote || $0 == "\n" || $0 == "\r"
            || $0 == "\t" || $0 == "\0" }
        guard needs else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case quote: out += "\\" + String(quote)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
