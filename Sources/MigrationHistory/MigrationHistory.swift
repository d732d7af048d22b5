// MigrationHistory: reads a migration history (revision files with headers, Alembic offline SQL, Alembic
// versions/*.py), checks its revision graph (one head, no cycle, no missing parent, no duplicate id), orders it,
// answers "what has an environment at revision X not applied yet", and replays it into the expected Catalog.
// It never prints and never talks to a server; file reading happens only in `load(path:)`.

/// A checked revision graph: every parent known (or a declared base), no cycle, exactly one head.
public struct MigrationHistory: Hashable, Sendable {
    /// Revisions in replay order: parents before children; ties keep source order (file order, then file name).
    public let revisions: [Revision]
    /// The one revision nothing points to.
    public let head: String
    /// Where the history was read from.
    public let source: HistorySource
    /// The version table the history creates for itself (Alembic offline SQL), if any.
    public let versionTable: VersionTableDefinition?
    /// Revisions named as parents but outside the history (the start of an `alembic upgrade A:head --sql`).
    public let baseRevisions: Set<String>
    /// Revisions whose DDL is not known (an Alembic `versions/` graph without offline SQL for them).
    public let revisionsWithoutDDL: Set<String>

    private let indexByID: [String: Int]

    /// Builds and checks the graph. `allowExternalParents` accepts parents outside the list as bases.
    public init(revisions unordered: [Revision], source: HistorySource, versionTable: VersionTableDefinition? = nil,
                allowExternalParents: Bool = false, revisionsWithoutDDL: Set<String> = []) throws(HistoryError) {
        let checked = try RevisionGraph.check(unordered, allowExternalParents: allowExternalParents,
                                              path: source.displayPath)
        self.revisions = checked.ordered
        self.head = checked.head
        self.baseRevisions = checked.bases
        self.source = source
        self.versionTable = versionTable
        self.revisionsWithoutDDL = revisionsWithoutDDL
        var index: [String: Int] = [:]
        for (offset, revision) in checked.ordered.enumerated() { index[revision.id] = offset }
        self.indexByID = index
    }

    /// Revisions in replay order (the same as `revisions`).
    public var orderedRevisions: [Revision] { revisions }

    /// Whether `id` is a revision of this history.
    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    /// Whether `id` is a revision of this history or one of its bases (the start of a partial offline SQL file):
    /// an environment at such a revision can be placed (`pending(from:)` works), unlike an unknown one.
    public func isKnown(_ id: String) -> Bool { contains(id) || baseRevisions.contains(id) }

    /// The revision called `id`.
    public func revision(_ id: String) -> Revision? { indexByID[id].map { revisions[$0] } }

    /// The merge revisions (two or more parents), in replay order.
    public var mergeRevisions: [Revision] { revisions.filter(\.isMerge) }

    /// `id` and all its ancestors inside the history.
    public func ancestorsIncluding(_ id: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = [id]
        while let next = stack.popLast() {
            guard let offset = indexByID[next], seen.insert(next).inserted else { continue }
            stack.append(contentsOf: revisions[offset].parents)
            stack.append(contentsOf: revisions[offset].dependsOn)
        }
        return seen
    }

    /// Whether `ancestor` comes strictly before `descendant` in the graph.
    public func isAncestor(_ ancestor: String, of descendant: String) -> Bool {
        ancestor != descendant && ancestorsIncluding(descendant).contains(ancestor)
    }

    /// The revisions from the root(s) to `id` (the ones a database at `id` has applied), in replay order.
    public func path(to id: String) throws(HistoryError) -> [Revision] {
        guard contains(id) else { throw .unknownRevision(id: id) }
        let wanted = ancestorsIncluding(id)
        return revisions.filter { wanted.contains($0.id) }
    }

    /// The revisions an environment at `revision` has not applied up to `target` (head by default), oldest first.
    /// `nil` means an empty database; a base revision means nothing of this history is applied yet.
    public func pending(from revision: String?, to target: String? = nil) throws(HistoryError) -> [Revision] {
        try pending(fromAll: revision.map { [$0] } ?? [], to: target)
    }

    /// Like `pending(from:to:)` for a version table with several rows (several applied branch heads).
    public func pending(fromAll applied: [String], to target: String? = nil) throws(HistoryError) -> [Revision] {
        let goal = target ?? head
        guard contains(goal) else { throw .unknownRevision(id: goal) }
        var done: Set<String> = []
        for id in applied {
            if baseRevisions.contains(id) { continue }
            guard contains(id) else { throw .unknownRevision(id: id) }
            done.formUnion(ancestorsIncluding(id))
        }
        let wanted = ancestorsIncluding(goal).subtracting(done)
        return revisions.filter { wanted.contains($0.id) }
    }
}

extension HistorySource {
    /// The path to name in errors.
    var displayPath: String {
        switch self {
        case let .revisionFiles(directory): return directory
        case let .alembicOfflineSQL(file): return file
        case let .alembicVersions(directory): return directory
        case let .alembicVersionsWithOfflineSQL(directory, _): return directory
        case let .plainSQL(file): return file
        case .inMemory: return "<memory>"
        }
    }
}
