/// Reads the output of `alembic upgrade head --sql` (or `A:head --sql`) as a revision history.
///
/// ```sql
/// CREATE TABLE alembic_version (...) PRIMARY KEY (id) PROPERTIES("replication_num"="1");
/// -- Running upgrade  -> 0001
/// CREATE TABLE events (...);
/// INSERT INTO alembic_version (version_num) VALUES ('0001');
/// -- Running upgrade 0003a, 0003b -> 0004
/// UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003b';
/// ```
/// Revisions come from the `-- Running upgrade A -> B` comments (or, without them, from the version-table
/// statements). The version-table statements are bookkeeping: they are blanked out of the revision DDL (line
/// numbers kept) and the table's CREATE is kept aside with its PROPERTIES.
public enum AlembicOfflineSQLReader {
    /// Alembic's default version table.
    public static let defaultVersionTable = "alembic_version"
    /// The comment Alembic writes before each revision's statements.
    static let upgradeMarker = "-- Running upgrade"
    /// The comment Alembic writes before each downgrade step.
    static let downgradeMarker = "-- Running downgrade"

    /// Whether `text` looks like Alembic offline SQL (a marker comment or a version-table INSERT/UPDATE).
    public static func isAlembicOfflineSQL(_ text: String, versionTable: String = defaultVersionTable) -> Bool {
        if text.contains(upgradeMarker) || text.contains(downgradeMarker) { return true }
        return SQLTextScanner.statements(text).contains { statement in
            guard let kind = bookkeeping(statement.text, versionTable: versionTable) else { return false }
            return kind != .create
        }
    }

    /// The history in `text`, read from `file`.
    public static func read(_ text: String, file: String,
                            versionTable: String = defaultVersionTable) throws(HistoryError) -> MigrationHistory {
        let lines = text.sourceLines()
        var markers: [(line: Int, parents: [String], id: String)] = []
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingBlanks()
            if line.hasPrefix(downgradeMarker) {
                throw .malformedAlembic(file: file, line: offset + 1,
                                        reason: "this offline SQL runs a downgrade; generate it with "
                                            + "`alembic upgrade head --sql` so it describes the history forwards")
            }
            guard line.hasPrefix(upgradeMarker) else { continue }
            markers.append(try parseMarker(line.dropFirst(upgradeMarker.count), file: file, line: offset + 1))
        }
        let statements = SQLTextScanner.statements(text)
        var blanked: [Range<Int>] = []
        var table: VersionTableDefinition?
        var versionEvents: [(line: Int, kind: Bookkeeping, literals: [String])] = []
        for statement in statements {
            guard let kind = bookkeeping(statement.text, versionTable: versionTable) else { continue }
            blanked.append(statement.range)
            if kind == .create, table == nil {
                table = VersionTableDefinition(name: versionTable, properties: properties(of: statement.text),
                                               file: file, line: statement.line, sql: statement.text)
            } else if kind != .create {
                versionEvents.append((statement.line, kind, stringLiterals(statement.text)))
            }
        }
        let cleaned = SQLTextScanner.blanking(text, ranges: blanked)
        let cleanedLines = cleaned.sourceLines()
        func body(from start: Int, to end: Int) -> String {
            cleanedLines[start..<min(end, cleanedLines.count)].joined(separator: "\n")
        }
        var revisions: [Revision] = []
        if !markers.isEmpty {
            for (index, marker) in markers.enumerated() {
                let start = index == 0 ? 0 : marker.line - 1
                let end = index + 1 < markers.count ? markers[index + 1].line - 1 : cleanedLines.count
                let stamped = versionEvents.filter { $0.line > marker.line && $0.line <= end }
                if let last = stamped.last(where: { $0.kind != .delete }), let set = last.literals.first,
                   set != marker.id {
                    throw .malformedAlembic(file: file, line: last.line,
                                            reason: "the version table is set to '\(set)' under the marker for "
                                                + "revision \(marker.id); regenerate the offline SQL with alembic")
                }
                revisions.append(Revision(id: marker.id, parents: marker.parents, file: file,
                                          sql: body(from: start, to: end), firstLine: start + 1))
            }
        } else {
            var start = 0
            var previous: String?
            var deleted: [String] = []
            for event in versionEvents {
                guard event.kind != .delete else { deleted.append(contentsOf: event.literals.prefix(1)); continue }
                guard let id = event.literals.first else {
                    throw .malformedAlembic(file: file, line: event.line,
                                            reason: "cannot read the revision id written to \(versionTable)")
                }
                var parents = event.kind == .update ? Array(event.literals.dropFirst().prefix(1))
                    : (previous.map { [$0] } ?? [])
                parents += deleted.filter { !parents.contains($0) }
                deleted = []
                revisions.append(Revision(id: id, parents: parents, file: file,
                                          sql: body(from: start, to: event.line), firstLine: start + 1))
                start = event.line
                previous = id
            }
        }
        guard !revisions.isEmpty else { throw .emptyHistory(path: file) }
        return try MigrationHistory(revisions: revisions, source: .alembicOfflineSQL(file: file),
                                    versionTable: table, allowExternalParents: true)
    }

    /// `  -> 0001`, `0001 -> 0002`, `0003a, 0003b -> 0004`.
    static func parseMarker(_ rest: Substring, file: String,
                            line: Int) throws(HistoryError) -> (line: Int, parents: [String], id: String) {
        let parts = rest.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].hasSuffix("-") else {
            throw .malformedAlembic(file: file, line: line, reason: "expected `-- Running upgrade A -> B`")
        }
        let id = String(parts[1].trimmingBlanks().split(separator: " ").first ?? "")
        let left = parts[0].dropLast().trimmingBlanks()
        let parents = left.isEmpty ? [] : left.split(separator: ",").map { String($0.trimmingBlanks()) }
        guard RevisionFileReader.isValidID(id), parents.allSatisfy(RevisionFileReader.isValidID) else {
            throw .malformedAlembic(file: file, line: line, reason: "expected `-- Running upgrade A -> B`")
        }
        return (line, parents, id)
    }

    /// What a version-table statement does.
    enum Bookkeeping { case create, insert, update, delete }

    /// The kind of bookkeeping `statement` is, or nil when it is not about the version table.
    static func bookkeeping(_ statement: String, versionTable: String) -> Bookkeeping? {
        let words = SQLTextScanner.leadingWords(String(statement.filter { $0 != "`" }), count: 6)
        func isVersionTable(_ word: String?) -> Bool {
            guard let word else { return false }
            return word.split(separator: ".").last.map(String.init) == versionTable.uppercased()
        }
        switch words.first {
        case "CREATE" where words.dropFirst().first == "TABLE":
            let name = words.count > 2 && words[2] == "IF" ? words.dropFirst(5).first : words.dropFirst(2).first
            return isVersionTable(name) ? .create : nil
        case "INSERT" where words.dropFirst().first == "INTO":
            return isVersionTable(words.dropFirst(2).first) ? .insert : nil
        case "UPDATE": return isVersionTable(words.dropFirst().first) ? .update : nil
        case "DELETE" where words.dropFirst().first == "FROM":
            return isVersionTable(words.dropFirst(2).first) ? .delete : nil
        default: return nil
        }
    }

    /// The single-quoted string literals of `statement`, in order.
    static func stringLiterals(_ statement: String) -> [String] {
        var literals: [String] = []
        var current: [UInt8]?
        SQLTextScanner.walk(Array(statement.utf8)) { _, byte, region in
            if region == .quoted, current == nil, byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                current = []; return
            }
            guard var text = current else { return }
            if region != .quoted {
                if let last = text.last, last == UInt8(ascii: "'") || last == UInt8(ascii: "\"") { text.removeLast() }
                literals.append(String(decoding: text, as: UTF8.self)); current = nil
                return
            }
            text.append(byte); current = text
        }
        if var text = current, !text.isEmpty {
            text.removeLast(); literals.append(String(decoding: text, as: UTF8.self))
        }
        return literals
    }

    /// `PROPERTIES("replication_num"="1", ...)` of a CREATE TABLE statement, as written.
    static func properties(of statement: String) -> [String: String] {
        let upper = Array(statement.uppercased().utf8)
        let keyword = Array("PROPERTIES".utf8)
        var found: Int?
        var index = 0
        var regions = [SQLTextScanner.Region](repeating: .code, count: upper.count)
        SQLTextScanner.walk(Array(statement.utf8)) { offset, _, region in regions[offset] = region }
        while index + keyword.count <= upper.count {
            if regions[index] == .code, upper[index..<(index + keyword.count)].elementsEqual(keyword) { found = index }
            index += 1
        }
        guard let found else { return [:] }
        let tail = String(decoding: Array(statement.utf8)[(found + keyword.count)...], as: UTF8.self)
        let values = stringLiterals(tail)
        var result: [String: String] = [:]
        var pair = 0
        while pair + 1 < values.count {
            result[values[pair]] = values[pair + 1]
            pair += 2
        }
        return result
    }
}
