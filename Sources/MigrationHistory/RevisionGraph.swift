/// Checks a list of revisions as a graph and orders it (internal to `MigrationHistory.init`).
enum RevisionGraph {
    /// The outcome of a check: the replay order, the head and the external bases.
    struct Checked {
        var ordered: [Revision]
        var head: String
        var bases: Set<String>
    }

    /// Rejects an empty list, duplicate ids, missing parents, cycles and several heads, in that order.
    static func check(_ revisions: [Revision], allowExternalParents: Bool,
                      path: String) throws(HistoryError) -> Checked {
        guard !revisions.isEmpty else { throw .emptyHistory(path: path) }
        var byID: [String: Int] = [:]
        for (offset, revision) in revisions.enumerated() {
            if let earlier = byID[revision.id] {
                throw .duplicateRevision(id: revision.id, files: [revisions[earlier].file, revision.file])
            }
            byID[revision.id] = offset
        }
        var bases: Set<String> = []
        for revision in revisions {
            for parent in revision.parents + revision.dependsOn where byID[parent] == nil {
                guard allowExternalParents else {
                    throw .missingParent(revision: revision.id, parent: parent, file: revision.file)
                }
                bases.insert(parent)
            }
        }
        let ordered = try topologicalOrder(revisions, byID: byID)
        let referenced = Set(revisions.flatMap(\.parents))
        let heads = ordered.filter { !referenced.contains($0.id) }
        guard heads.count == 1 else {
            throw .severalHeads(heads: heads.map(\.id), files: heads.map(\.file))
        }
        return Checked(ordered: ordered, head: heads[0].id, bases: bases)
    }

    /// Kahn's algorithm; among ready revisions the one earliest in source order goes first.
    private static func topologicalOrder(_ revisions: [Revision],
                                         byID: [String: Int]) throws(HistoryError) -> [Revision] {
        var waiting = [Int](repeating: 0, count: revisions.count)
        var children = [[Int]](repeating: [], count: revisions.count)
        for (offset, revision) in revisions.enumerated() {
            for parent in Set(revision.parents + revision.dependsOn) {
                guard let parentOffset = byID[parent] else { continue }
                waiting[offset] += 1
                children[parentOffset].append(offset)
            }
        }
        var ready = revisions.indices.filter { waiting[$0] == 0 }
        var order: [Revision] = []
        while !ready.isEmpty {
            let pick = ready.min()!
            ready.removeAll { $0 == pick }
            order.append(revisions[pick])
            for child in children[pick] {
                waiting[child] -= 1
                if waiting[child] == 0 { ready.append(child) }
            }
        }
        if order.count < revisions.count {
            let stuck = revisions.indices.filter { waiting[$0] > 0 }
            let cycle = findCycle(revisions, among: Set(stuck), byID: byID)
            throw .cycle(revisions: cycle.map { revisions[$0].id },
                         files: Array(Set(cycle.map { revisions[$0].file })).sorted())
        }
        return order
    }

    /// One cycle among the revisions Kahn could not order, as offsets, closed (first == last).
    private static func findCycle(_ revisions: [Revision], among stuck: Set<Int>, byID: [String: Int]) -> [Int] {
        guard let start = stuck.min() else { return [] }
        var trail: [Int] = []
        var positions: [Int: Int] = [:]
        var current = start
        while positions[current] == nil {
            positions[current] = trail.count
            trail.append(current)
            let next = (revisions[current].parents + revisions[current].dependsOn)
                .compactMap { byID[$0] }.first { stuck.contains($0) }
            guard let next else { return trail }
            current = next
        }
        // Parent links walk backwards in time; reverse so the cycle reads parent -> child.
        return Array((trail[positions[current]!...] + [current]).reversed())
    }
}
