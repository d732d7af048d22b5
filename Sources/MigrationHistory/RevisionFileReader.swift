/// Reads one revision file: the `-- revision:` / `-- down_revision:` / `-- message:` header and the DDL below it.
///
/// ```sql
/// -- revision: 3f2a9c1b
/// -- down_revision: 1a2b3c4d        (empty or "none" for the first; "a, b" for a merge revision)
/// -- message: add marketing attribution columns
/// ALTER TABLE events ADD COLUMN utm_source VARCHAR(100);
/// ```
/// Other `--` comment lines in the header are free text. The header ends at the first line that is neither blank
/// nor a `--` comment; the body starts on the line after the last header key, so replay errors keep file lines.
public enum RevisionFileReader {
    /// The header keys, lower-case.
    static let revisionKey = "revision"
    static let parentKey = "down_revision"
    static let messageKey = "message"
    static let knownKeys: Set<String> = [revisionKey, parentKey, messageKey]
    /// The `down_revision` values that mean "no parent".
    static let rootMarkers: Set<String> = ["", "none", "null", "base"]

    /// The revision in `text`, read from `file` (the name used in errors).
    public static func read(_ text: String, file: String) throws(HistoryError) -> Revision {
        let lines = text.sourceLines()
        var values: [String: (value: String, line: Int)] = [:]
        var lastKeyLine = 0
        for (offset, raw) in lines.enumerated() {
            let lineNumber = offset + 1
            let line = raw.trimmingBlanks()
            if line.isEmpty { continue }
            guard line.hasPrefix("--") else { break }
            let content = line.dropFirst(2).trimmingBlanks()
            let keyEnd = content.firstIndex { !($0.isLetter || $0 == "_" || $0 == "-") } ?? content.endIndex
            let key = content[..<keyEnd].lowercased().replacingDashes()
            guard knownKeys.contains(key) else { continue }
            let rest = content[keyEnd...].trimmingBlanks()
            guard rest.hasPrefix(":") else {
                throw .malformedHeader(file: file, line: lineNumber,
                                       reason: "expected `-- \(key): <value>` (a colon after \(key))")
            }
            if values[key] != nil {
                throw .malformedHeader(file: file, line: lineNumber, reason: "\(key) is given twice; keep one line")
            }
            values[key] = (String(rest.dropFirst().trimmingBlanks()), lineNumber)
            lastKeyLine = lineNumber
        }
        guard let revision = values[revisionKey] else { throw .missingRevisionHeader(file: file) }
        guard isValidID(revision.value) else {
            throw .malformedHeader(file: file, line: revision.line,
                                   reason: "revision id \"\(revision.value)\" must be one word "
                                       + "(letters, digits, _ or -)")
        }
        guard let parentLine = values[parentKey] else {
            throw .malformedHeader(file: file, line: revision.line,
                                   reason: "missing `-- down_revision:` line; write `-- down_revision: none` for the "
                                       + "first revision or the parent's id")
        }
        let parents = try parseParents(parentLine.value, file: file, line: parentLine.line)
        let body = lines.dropFirst(lastKeyLine).joined(separator: "\n")
        return Revision(id: revision.value, parents: parents, message: values[messageKey]?.value ?? "", file: file,
                        sql: body, firstLine: lastKeyLine + 1)
    }

    /// `none` / empty → no parent; `a, b` → a merge of a and b.
    static func parseParents(_ value: String, file: String, line: Int) throws(HistoryError) -> [String] {
        if rootMarkers.contains(value.lowercased()) { return [] }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingBlanks()) }
        for part in parts where !isValidID(part) {
            throw .malformedHeader(file: file, line: line,
                                   reason: "down_revision \"\(value)\" must be `none`, one id, or ids "
                                       + "separated by commas")
        }
        if Set(parts).count != parts.count {
            throw .malformedHeader(file: file, line: line, reason: "down_revision names the same parent twice")
        }
        return parts
    }

    /// Whether `id` is a usable revision id.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// Whether `text` starts with a `-- revision:` header (used to tell revision files from plain DDL).
    static func hasHeader(_ text: String) -> Bool {
        for raw in text.sourceLines() {
            let line = raw.trimmingBlanks()
            if line.isEmpty { continue }
            guard line.hasPrefix("--") else { return false }
            if line.dropFirst(2).trimmingBlanks().lowercased().hasPrefix(revisionKey) { return true }
        }
        return false
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingBlanks() -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !blank($0) }) else { return Substring() }
        let last = lastIndex(where: { !blank($0) })!
        return Substring(self[first...last])
    }
}

extension StringProtocol {
    /// The text's lines, split at `\n` and `\r\n` (Swift treats `\r\n` as one Character), empty lines kept.
    func sourceLines() -> [SubSequence] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}

extension String {
    /// `down-revision` → `down_revision`.
    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
