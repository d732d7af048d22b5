/// Prints syntax trees as canonical, re-parseable StarRocks DDL.
///
/// The layout follows `SHOW CREATE TABLE`: backticked identifiers, double-quoted literals, one column per line,
/// one clause per line, and a trailing `;`. Parsing the printed text gives back an equal `Statement`.
public enum SyntaxPrinter {
    /// The canonical text of `statement`, ending in `;`.
    public static func print(_ statement: Statement) -> String {
        var printer = StatementPrinter()
        printer.statement(statement)
        return printer.output + ";"
    }
}

/// Accumulates printed text.
struct StatementPrinter {
    var output = ""

    mutating func statement(_ statement: Statement) {
        switch statement {
        case .noSchemaEffect(let other):
            output += other.text
        default:
            output += "-- not printed yet"
        }
    }
}
