// MigrationLint: offline checks of a migration history for pull-request gates (`starrocks-drift lint`). It parses
// every revision, replays it statement by statement into a Catalog (so rules can see the objects a statement acts
// on), and returns findings with file:line:column, rule, severity and fix. It never prints, exits or connects.

import MigrationHistory
import SchemaModel
import StarRocksDDL

/// The database unqualified names go to when the caller gives none.
public let lintDefaultDatabase = "default"

/// Lints every revision of `history` in replay order. Throws when a revision does not parse or replay
/// (`HistoryError.replayFailed` / `ReplayError` with the revision), since the history itself is then broken.
/// A history without DDL (an Alembic `versions/` graph alone) throws `HistoryError.noDDL` rather than passing.
public func lint(_ history: MigrationHistory, defaultDatabase: String = lintDefaultDatabase) throws -> [LintFinding] {
    guard history.source.hasDDL else { throw HistoryError.noDDL(path: history.source.displayName) }
    // An `alembic upgrade A:head --sql` file lacks A's schema: statements on objects it never created are checked
    // by the rules that need no catalog and otherwise let through.
    var walker = LintWalker(defaultDatabase: defaultDatabase, knowsWholeSchema: history.baseRevisions.isEmpty)
    for revision in history.orderedRevisions where !history.revisionsWithoutDDL.contains(revision.id) {
        try walker.visit(revision)
    }
    return walker.findings.sorted {
        ($0.location.file, $0.location.line, $0.location.column, $0.rule.rawValue)
            < ($1.location.file, $1.location.line, $1.location.column, $1.rule.rawValue)
    }
}

/// Walks revisions statement by statement, keeping the replayed catalog, and asks each rule about each statement.
struct LintWalker {
    /// The state before the statement being checked.
    private(set) var catalog = Catalog()
    private(set) var findings: [LintFinding] = []
    let defaultDatabase: String
    /// False for a history that starts after an unknown base: replay errors are then not the history's fault.
    let knowsWholeSchema: Bool

    init(defaultDatabase: String, knowsWholeSchema: Bool = true) {
        self.defaultDatabase = defaultDatabase
        self.knowsWholeSchema = knowsWholeSchema
    }

    /// Checks and applies every statement of `revision`.
    mutating func visit(_ revision: Revision) throws {
        let statements: [ParsedStatement]
        do {
            statements = try DDLParser.parse(revision.sql, file: revision.file, firstLine: revision.firstLine)
        } catch {
            throw HistoryError.replayFailed(revision: revision.id, file: revision.file, message: error.description)
        }
        var database = defaultDatabase
        catalog.ensureDatabaseExists(database)
        var schemaChanges = SchemaChangeTracker()
        for parsed in statements {
            let context = LintContext(parsed: parsed, revision: revision.id, database: database, catalog: catalog)
            findings += schemaChanges.check(context)
            findings += HardCodedSettingsRules.check(context)
            findings += InPlaceChangeRule.check(context)
            findings += DropUsedColumnRule.check(context)
            if case .noSchemaEffect = parsed.statement { continue }
            do {
                try catalog.apply(parsed, defaultDatabase: &database)
            } catch var error {
                guard knowsWholeSchema else { continue }
                error.revision = revision.id
                throw error
            }
        }
    }
}

/// What a rule sees: one statement, its revision, the current database and the catalog before the statement.
struct LintContext {
    let parsed: ParsedStatement
    let revision: String
    let database: String
    let catalog: Catalog

    /// `name` resolved against the current database.
    func resolve(_ name: QualifiedNameClause) -> ObjectName {
        ObjectName(database: name.database ?? database, name: name.name)
    }

    /// The table called `name` before this statement, if any.
    func table(_ name: ObjectName) -> Table? {
        catalog.databases[name.database]?.tables[name.name]
    }

    /// The location of the first code occurrence of `word` (case-insensitive) in the statement, else its start.
    func location(of word: String, after: String? = nil) -> SourceLocation {
        StatementText.location(of: word, after: after, in: parsed)
    }

    /// A finding of `rule` at `location`.
    func finding(_ rule: LintRule, at location: SourceLocation, object: CustomStringConvertible, message: String,
                 fix: String) -> LintFinding {
        LintFinding(rule: rule, location: location, revision: revision, object: object.description,
                    message: message, fix: fix)
    }
}

extension Catalog {
    /// Adds an empty database called `name` unless it exists (what `apply(sql:)` does before replaying).
    mutating func ensureDatabaseExists(_ name: String) {
        if databases[name] == nil { databases[name] = Database(name: name) }
    }
}
