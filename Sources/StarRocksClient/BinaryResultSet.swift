/// A result set whose values are the exact bytes the server sent (`nil` is SQL NULL, distinct from empty), for
/// binary columns that are not UTF-8 text.
public struct BinaryResultSet: Hashable, Sendable {
    /// Column names, in the order of the result set.
    public var columns: [String]
    /// One array of cells per row; each cell is its bytes, or `nil` for NULL.
    public var rows: [[[UInt8]?]]

    /// A result set of `columns` and `rows`.
    public init(columns: [String], rows: [[[UInt8]?]]) {
        self.columns = columns
        self.rows = rows
    }
}
