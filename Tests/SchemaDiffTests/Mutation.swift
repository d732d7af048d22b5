import Findings
import Foundation
import SchemaModel

/// One text-level edit of a case's SHOW CREATE output and the finding it must cause.
struct Mutation: CustomStringConvertible {
    /// What was changed, for failure messages.
    let label: String
    /// The mutated SHOW CREATE text.
    let text: String
    /// The finding kind the differ must report.
    let kind: FindingKind
    /// The object path the finding must name (compared case-insensitively).
    let object: String

    var description: String { "\(label) → \(kind.rawValue) at \(object)" }
}

/// A column definition line of SHOW CREATE TABLE output: `` `name` type ... ``.
struct ColumnLine {
    let index: Int
    let name: String
    /// The type text as printed (`decimal(10, 0)`, `ARRAY<int(11)>`).
    let type: String
    let line: String

    /// Parses a line that starts with two spaces and a backticked name.
    init?(index: Int, line: String) {
        guard line.hasPrefix("  `") else { return nil }
        let afterTick = line.dropFirst(3)
        guard let close = afterTick.firstIndex(of: "`") else { return nil }
        name = String(afterTick[..<close])
        var rest = afterTick[afterTick.index(after: close)...].drop { $0 == " " }
        var depth = 0
        var type = ""
        while let character = rest.first {
            if character == "(" || character == "<" { depth += 1 }
            if character == ")" || character == ">" { depth -= 1 }
            if character == " " && depth == 0 { break }
            type.append(character)
            rest = rest.dropFirst()
        }
        guard !type.isEmpty else { return nil }
        self.index = index
        self.type = type
        self.line = line
    }
}

/// Type edits that change a column's normalized type.
enum TypeMutation {
    static func mutate(_ type: String) -> String? {
        let lower = type.lowercased()
        let fixed: [String: String] = [
            "int(11)": "bigint(20)", "bigint(20)": "int(11)", "tinyint(4)": "smallint(6)", "smallint(6)": "int(11)",
            "largeint(40)": "bigint(20)", "date": "datetime", "datetime": "date", "double": "float", "float": "double",
            "boolean": "tinyint(4)",
        ]
        if let replacement = fixed[lower] { return replacement }
        for prefix in ["varchar(", "char("] where lower.hasPrefix(prefix) {
            if let length = Int(lower.dropFirst(prefix.count).dropLast()) { return "\(prefix)\(length + 1))" }
        }
        if lower.hasPrefix("decimal") {
            guard let open = lower.firstIndex(of: "("), let comma = lower.firstIndex(of: ",") else { return nil }
            guard let precision = Int(lower[lower.index(after: open)..<comma].trimmingCharacters(in: .whitespaces)),
                  let scale = Int(lower[lower.index(after: comma)...].dropLast().trimmingCharacters(in: .whitespaces))
            else { return nil }
            return "decimal(\(precision + 1), \(scale))"
        }
        return nil
    }
}
