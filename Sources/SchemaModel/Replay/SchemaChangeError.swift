/// Why StarRocks would reject a change to the model (a duplicate column, a missing object, a key column dropped).
///
/// Model-level operations throw it; `Catalog.apply` wraps it into a `ReplayError` that adds file, line and column.
public struct SchemaChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Lower-case message saying what is wrong and what to do.
    public var message: String
    /// The name the error is about (a column, partition or object), so a caret can point at it; `nil` points at
    /// the statement.
    public var subject: String?
    /// For a multi-clause ALTER, the 0-based index of the clause that failed (the caret searches from there).
    var clauseIndex: Int?

    /// Creates an error about `subject`.
    public init(_ message: String, subject: String? = nil) {
        self.message = message
        self.subject = subject
    }

    /// The message.
    public var description: String { message }
}

/// Where `ADD COLUMN` / `MODIFY COLUMN` places a column: `FIRST` or `AFTER col`.
public enum ColumnPosition: Hashable, Sendable {
    case first
    case after(String)
}
