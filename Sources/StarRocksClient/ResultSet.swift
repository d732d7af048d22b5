// StarRocksClient: the only module that imports CMariaDB. It connects over the MySQL protocol (StarRocks FE port 9030),
// refuses every statement that could change a server (see ReadOnlyGuard), and returns text result sets.
// It never parses schema text; LiveSchema does that.

/// A text result set: column names and rows of optional strings (`nil` is SQL NULL, distinct from "").
public struct ResultSet: Hashable, Sendable {
    /// Column names (aliases), in the order of the result set.
    public var columns: [String]
    /// One array of cells per row, decoded as UTF-8; `nil` is NULL.
    public var rows: [[String?]]

    /// A result set of `columns` and `rows`.
    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The index of the column called `name` (case-insensitive); select by name, never by position.
    public func columnIndex(_ name: String) -> Int? {
        let lower = name.lowercased()
        return columns.firstIndex { $0.lowercased() == lower }
    }

    /// The value of column `name` in row `row`, or `nil` when the column is absent or the value is NULL.
    public func value(_ row: Int, _ name: String) -> String? {
        guard let i = columnIndex(name), rows.indices.contains(row), rows[row].indices.contains(i) else { return nil }
        return rows[row][i]
    }
}

/// Something that runs read-only queries: a live connection, a pool, or a test double.
public protocol QueryRunning: Sendable {
    /// Runs one read-only statement and returns its result set (empty for statements without one).
    func query(_ sql: String) async throws -> ResultSet
}
