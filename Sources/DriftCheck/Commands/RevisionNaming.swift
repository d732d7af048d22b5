import Foundation

/// New revision ids and file names in the history's own pattern: `0004_add_x.sql` after `0003_reporting.sql` when
/// ids and file names are numbered, otherwise a random 12-hex id and `<id>_<slug>.sql` (Alembic's pattern).
struct RevisionNaming {
    /// Existing revision ids.
    let ids: [String]
    /// Existing revision file names (`.sql`, or Alembic's `.py`) in the migrations directory.
    let fileNames: [String]

    /// The id after `previous` (the last id handed out, or the history's largest).
    func nextID(after previous: String? = nil) -> String {
        let all = ids + (previous.map { [$0] } ?? [])
        if !all.isEmpty, all.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            let width = all.map(\.count).max() ?? 4
            let next = (all.compactMap { Int($0) }.max() ?? 0) + 1
            return Self.padded(next, width: width)
        }
        if all.isEmpty { return "0001" }
        return String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(12))
    }

    /// The file name for a revision: the numbered prefix continues when the directory's files use one.
    func fileName(id: String, message: String, sequence: Int, fileExtension: String = "sql") -> String {
        let numbered = fileNames.compactMap { name -> (Int, Int)? in
            let digits = name.prefix { $0.isNumber }
            guard !digits.isEmpty, name.dropFirst(digits.count).first == "_", let value = Int(digits) else { return nil }
            return (value, digits.count)
        }
        let slug = Self.slug(message)
        if id.allSatisfy(\.isNumber) || numbered.isEmpty { return "\(id)_\(slug).\(fileExtension)" }
        let width = numbered.map(\.1).max()!
        return "\(Self.padded(numbered.map(\.0).max()! + sequence, width: width))_\(slug).\(fileExtension)"
    }

    /// `Add marketing columns!` → `add_marketing_columns`.
    static func slug(_ message: String) -> String {
        var out = ""
        for character in message.lowercased() {
            if character.isLetter && character.isASCII || character.isNumber && character.isASCII {
                out.append(character)
            } else if !out.hasSuffix("_") && !out.isEmpty {
                out.append("_")
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return String(out.prefix(40)).isEmpty ? "revision" : String(out.prefix(40))
    }

    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
