/// A plain-text picture of a history for the `history` subcommand (the caller prints it).
///
/// ```text
/// 0001   (root)  initial
/// 0002   <- 0001  add utm_source
/// 0004   <- 0003a, 0003b  (merge)  (head)  merge heads
/// ```
extension MigrationHistory {
    /// One line per revision in replay order: id, parents, merge/root/head marks and message.
    public var graphText: String {
        let width = revisions.map(\.id.count).max() ?? 0
        return revisions.map { revision in
            var line = revision.id.padding(to: width)
            line += revision.parents.isEmpty ? "  (root)" : "  <- " + revision.parents.joined(separator: ", ")
            if revision.isMerge { line += "  (merge)" }
            if revision.id == head { line += "  (head)" }
            if revisionsWithoutDDL.contains(revision.id) { line += "  (no DDL)" }
            if !revision.message.isEmpty { line += "  " + revision.message }
            return line
        }.joined(separator: "\n")
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
