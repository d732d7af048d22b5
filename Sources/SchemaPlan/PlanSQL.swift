import Foundation
import SchemaModel
import StarRocksDDL

/// Spelling helpers for plan statements (the definitions themselves come from `CanonicalDDL`; quoting is
/// StarRocksDDL's `SQLQuoting`, the project's one quoting helper).
enum PlanSQL {
    /// A canonical statement with the object's own name qualified by its database wherever the statement names it
    /// (`CREATE TABLE `t``, and the `ALTER TABLE `t`` lines that follow a CREATE TABLE).
    static func qualifying(_ statement: String, database: String, name: String) -> String {
        let bare = SQLQuoting.backticked(name)
        var text = statement
        for prefix in ["CREATE TABLE ", "CREATE VIEW ", "CREATE MATERIALIZED VIEW ", "ALTER TABLE "] {
            text = text.replacingAll(prefix + bare, with: prefix + SQLQuoting.qualified(database, name))
        }
        return text
    }

    /// The statements of a canonical text (one per line group ending in `;` at a line end).
    static func statements(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            current += current.isEmpty ? String(line) : "\n" + line
            if line.hasSuffix(";") {
                out.append(current)
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(current) }
        return out
    }
}

extension String {
    /// This text with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

