import StarRocksDDL

/// Spelling helpers shared by the canonical printer: identifiers, string literals (both StarRocksDDL's `SQLQuoting`,
/// the project's one quoting helper), property lists.
enum SQLText {
    /// A backticked identifier: `` `name` `` (a backtick inside is doubled).
    static func identifier(_ name: String) -> String { SQLQuoting.backticked(name) }

    /// A comma-separated list of backticked identifiers: `` `a`, `b` ``.
    static func identifiers(_ names: [String]) -> String { SQLQuoting.backtickedList(names) }

    /// A double-quoted string literal with `\` and `"` escaped by a backslash.
    static func doubleQuoted(_ value: String) -> String { SQLQuoting.doubleQuoted(value) }

    /// A single-quoted string literal with `\` and `'` escaped by a backslash.
    static func singleQuoted(_ value: String) -> String { SQLQuoting.singleQuoted(value) }

    /// `"k1" = "v1", "k2" = "v2"` in key order, for the given separator.
    static func propertyList(_ properties: [String: String], separator: String) -> String {
        properties.keys.sorted().map { "\(doubleQuoted($0)) = \(doubleQuoted(properties[$0]!))" }
            .joined(separator: separator)
    }

    /// `PROPERTIES (\n"k" = "v",\n...\n)`; empty when there are no properties.
    static func propertiesBlock(_ properties: [String: String]) -> String {
        guard !properties.isEmpty else { return "" }
        return "PROPERTIES (\n" + propertyList(properties, separator: ",\n") + "\n)"
    }

    /// A partition-bound or START/END value: `MAXVALUE` bare, everything else double-quoted.
    static func boundValue(_ value: String) -> String {
        doubleQuoted(value)
    }

    /// A partition or index name: bare when it is a plain word, backticked otherwise.
    static func objectName(_ name: String) -> String {
        isPlainWord(name) ? name : identifier(name)
    }

    /// `true` for `[A-Za-z_][A-Za-z0-9_]*`.
    static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII)
        else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic
            || ("0"..."9").contains($0)) }
    }

    /// An expression held as canonical text: a plain column name is backticked, anything else is printed as is.
    static func expression(_ text: String) -> String {
        isPlainWord(text) ? identifier(text) : text
    }
}
