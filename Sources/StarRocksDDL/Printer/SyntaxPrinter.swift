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

/// Accumulates the printed text of one statement.
struct StatementPrinter {
    var output = ""

    mutating func statement(_ statement: Statement) {
        switch statement {
        case .createTable(let table): createTable(table)
        case .createView(let view): createView(view)
        case .createMaterializedView(let view): createMaterializedView(view)
        case .alterTable(let alter): alterTable(alter)
        case .alterView(let alter): alterView(alter)
        case .alterMaterializedView(let alter): alterMaterializedView(alter)
        case .drop(let drop):
            output += "DROP \(drop.kind.rawValue) " + (drop.ifExists ? "IF EXISTS " : "") + name(drop.name)
                + (drop.force ? " FORCE" : "")
        case .createIndex(let create):
            output += "CREATE INDEX \(id(create.index.name)) ON \(name(create.table)) "
            output += "(" + ids(create.index.columns) + ")" + indexTail(create.index)
        case .dropIndex(let drop):
            output += "DROP INDEX \(id(drop.name)) ON \(name(drop.table))"
        case .createDatabase(let create):
            output += "CREATE DATABASE " + (create.ifNotExists ? "IF NOT EXISTS " : "")
                + databaseName(create.catalog, create.name)
            if !create.properties.isEmpty { output += " PROPERTIES " + inlineProperties(create.properties) }
        case .dropDatabase(let drop):
            output += "DROP DATABASE " + (drop.ifExists ? "IF EXISTS " : "") + databaseName(drop.catalog, drop.name)
                + (drop.force ? " FORCE" : "")
        case .use(let use):
            output += "USE " + databaseName(use.catalog, use.database)
        case .noSchemaEffect(let other):
            output += other.text
        }
    }

    // MARK: - Spelling helpers

    /// A backticked identifier.
    func id(_ name: String) -> String { SQLQuoting.backticked(name) }

    /// The name bare when it is a plain word (`OLAP`), else backticked.
    func bareOrQuoted(_ name: String) -> String {
        let plain = !name.isEmpty && name.utf8.allSatisfy { Lexer.isIdentifierPart($0) && $0 < 0x80 }
            && !(name.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? true)
        return plain ? name : id(name)
    }

    /// Backticked identifiers joined by `", "`.
    func ids(_ names: [String]) -> String { names.map(SQLQuoting.backticked).joined(separator: ", ") }

    /// A double-quoted string.
    func quoted(_ value: String) -> String { SQLQuoting.doubleQuoted(value) }

    /// A qualified name, each part backticked.
    func name(_ name: QualifiedNameClause) -> String {
        [name.catalog, name.database, name.name].compactMap { $0 }.map(SQLQuoting.backticked).joined(separator: ".")
    }

    func databaseName(_ catalog: String?, _ name: String) -> String {
        (catalog.map { id($0) + "." } ?? "") + id(name)
    }

    /// `("k" = "v", ...)` on one line.
    func inlineProperties(_ properties: [PropertyClause]) -> String {
        "(" + properties.map { quoted($0.key) + " = " + quoted($0.value) }.joined(separator: ", ") + ")"
    }

    /// `PROPERTIES (` then one `"k" = "v"` per line, then `)`.
    func propertiesBlock(_ properties: [PropertyClause]) -> String {
        "PROPERTIES (\n" + properties.map { quoted($0.key) + " = " + quoted($0.value) }.joined(separator: ",\n") + "\n)"
    }

    /// ` USING TYPE("k" = "v") COMMENT "c"` for an index.
    func indexTail(_ index: IndexDefinitionClause) -> String {
        var out = ""
        if let type = index.type {
            out += " USING " + type
            if !index.properties.isEmpty { out += inlineProperties(index.properties) }
        }
        if let comment = index.comment { out += " COMMENT " + quoted(comment) }
        return out
    }

    /// `INDEX name (cols) USING ...`.
    func indexDefinition(_ index: IndexDefinitionClause) -> String {
        "INDEX \(id(index.name)) (" + ids(index.columns) + ")" + indexTail(index)
    }

    /// `DISTRIBUTED BY HASH(...) BUCKETS n` or `DISTRIBUTED BY RANDOM BUCKETS n`.
    func distribution(_ clause: DistributedByClause) -> String {
        var out = "DISTRIBUTED BY "
        switch clause.method {
        case .hash(let columns): out += "HASH(" + ids(columns) + ")"
        case .random: out += "RANDOM"
        }
        if let buckets = clause.buckets { out += " BUCKETS \(buckets)" }
        return out
    }

    /// `REFRESH [moment] [kind] [START("..")] [EVERY(INTERVAL n UNIT)]`.
    func refresh(_ clause: RefreshClause) -> String {
        var parts = ["REFRESH"]
        if let moment = clause.moment { parts.append(moment.rawValue) }
        if let kind = clause.kind { parts.append(kind.rawValue) }
        if let start = clause.start { parts.append("START(" + quoted(start) + ")") }
        if let every = clause.every { parts.append("EVERY(" + interval(every) + ")") }
        return parts.joined(separator: " ")
    }

    /// `INTERVAL n UNIT` or `n`.
    func interval(_ clause: IntervalClause) -> String {
        clause.unit.map { "INTERVAL \(clause.count) \($0)" } ?? String(clause.count)
    }
}
