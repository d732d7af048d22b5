import SchemaModel
import StarRocksDDL

/// A statement replay skipped because it has no schema effect (DML, SET, GRANT, ...), for `--verbose`.
public struct SkippedStatement: Hashable, Sendable {
    /// The revision it belongs to.
    public var revision: String
    /// The parsed statement, with its location.
    public var statement: ParsedStatement

    /// Creates a skipped-statement record.
    public init(revision: String, statement: ParsedStatement) {
        self.revision = revision
        self.statement = statement
    }
}

/// The expected state at a revision plus what replay skipped.
public struct ReplayResult: Hashable, Sendable {
    /// The expected schema.
    public var catalog: Catalog
    /// The revisions replayed, in order.
    public var revisions: [String]
    /// Statements with no schema effect, in replay order.
    public var skipped: [SkippedStatement]
}

extension MigrationHistory {
    /// The expected schema at `revision` (nil = head): every revision on its path replayed in order, with `${name}`
    /// placeholders taken from `variables` of `environment`.
    ///
    /// Throws `HistoryError` (unknown revision or placeholder, no DDL for a revision, a statement that does not
    /// parse — `replayFailed` naming file:line:column and revision) or `ReplayError` with `revision` set.
    public func expectedCatalog(at revision: String? = nil, variables: [String: String] = [:],
                                environment: String? = nil, defaultDatabase: String) throws -> Catalog {
        try replay(at: revision, variables: variables, environment: environment,
                   defaultDatabase: defaultDatabase).catalog
    }

    /// Like `expectedCatalog`, also returning the revisions replayed and the statements skipped.
    public func replay(at revision: String? = nil, variables: [String: String] = [:], environment: String? = nil,
                       defaultDatabase: String) throws -> ReplayResult {
        try replay(atAll: [revision ?? head], variables: variables, environment: environment,
                   defaultDatabase: defaultDatabase)
    }

    /// The expected state of a database whose version table has several rows (several applied branch heads):
    /// the union of their paths, replayed in order.
    public func replay(atAll applied: [String], variables: [String: String] = [:], environment: String? = nil,
                       defaultDatabase: String) throws -> ReplayResult {
        guard source.hasDDL else { throw HistoryError.noDDL(path: source.displayPath) }
        var wanted: Set<String> = []
        for id in applied {
            if baseRevisions.contains(id) {
                throw HistoryError.revisionWithoutDDL(revision: id, file: source.displayPath)
            }
            wanted.formUnion(try path(to: id).map(\.id))
        }
        var catalog = Catalog()
        var skipped: [SkippedStatement] = []
        let steps = revisions.filter { wanted.contains($0.id) }
        if let base = steps.lazy.flatMap(\.parents).first(where: baseRevisions.contains) {
            // An `alembic upgrade A:head --sql` file starts at A, whose schema it does not contain.
            throw HistoryError.revisionWithoutDDL(revision: base, file: source.displayPath)
        }
        for step in steps {
            if revisionsWithoutDDL.contains(step.id) {
                throw HistoryError.revisionWithoutDDL(revision: step.id, file: step.file)
            }
            let sql = try PlaceholderExpander.expand(step.sql, variables: variables, environment: environment,
                                                     file: step.file, firstLine: step.firstLine)
            do {
                let stepSkipped = try catalog.apply(sql: sql, file: step.file, firstLine: step.firstLine,
                                                    defaultDatabase: defaultDatabase)
                skipped += stepSkipped.map { SkippedStatement(revision: step.id, statement: $0) }
            } catch var error as ReplayError {
                error.revision = step.id
                throw error
            } catch let error as DDLParseError {
                throw HistoryError.replayFailed(revision: step.id, file: step.file, message: error.description)
            }
        }
        return ReplayResult(catalog: catalog, revisions: steps.map(\.id), skipped: skipped)
    }
}
