/// A logical view.
///
/// ```sql
/// CREATE VIEW v (c1 COMMENT "x", c2) COMMENT "..." SECURITY INVOKER AS SELECT ...
/// ```
public struct View: Hashable, Sendable {
    /// The view's name (unqualified).
    public var name: String
    /// The declared (or server-derived) column list; empty when none was given.
    public var columns: [ViewColumn]
    /// View comment; empty when none.
    public var comment: String
    /// `SECURITY NONE | INVOKER` when printed.
    public var security: String?
    /// The query, as tokens.
    public var query: QueryText

    /// Creates a view.
    public init(name: String, columns: [ViewColumn] = [], comment: String = "", security: String? = nil,
                query: QueryText) {
        self.name = name
        self.columns = columns
        self.comment = comment
        self.security = security
        self.query = query
    }
}

/// A column of a view's or MV's column list.
public struct ViewColumn: Hashable, Sendable {
    /// The column's name.
    public var name: String
    /// Column comment; empty when none.
    public var comment: String
    /// Creates a view column.
    public init(name: String, comment: String = "") {
        self.name = name
        self.comment = comment
    }
}

/// A query body kept as a token stream, so normalization can work on tokens rather than strings.
public struct QueryText: Hashable, Sendable, CustomStringConvertible {
    /// One lexical token of a query.
    public struct Token: Hashable, Sendable {
        /// What kind of token this is.
        public enum Kind: Hashable, Sendable {
            /// A bare word: keyword or unquoted identifier.
            case word
            /// A backticked identifier (text without backticks).
            case quotedIdentifier
            /// A string literal (text without quotes, escapes resolved).
            case string
            case number
            /// Punctuation and operators: `(`, `,`, `.`, `>=`, ...
            case symbol
        }
        /// The token's kind.
        public var kind: Kind
        /// The token's text (quotes and backticks stripped).
        public var text: String
        /// Creates a token.
        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// The query's tokens in source order.
    public var tokens: [Token]

    /// Creates a query from tokens.
    public init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// The canonical text of the query: tokens joined by single spaces except around `(`, `)`, `,`, `.` and after a
    /// function name; strings single-quoted, quoted identifiers backticked (the parser's own rendering).
    public var description: String { ViewPrinter.query(self) }
}
