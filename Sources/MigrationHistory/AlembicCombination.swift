/// Combining an Alembic `versions/` graph with the DDL of an offline SQL file.
extension MigrationHistory {
    /// This graph with each revision's DDL taken from `ddl` (revisions missing from it keep no DDL).
    /// A revision of `ddl` that the graph lacks, or with other parents, is an error: the two are out of step.
    public func takingDDL(from ddl: MigrationHistory) throws(HistoryError) -> MigrationHistory {
        var merged: [Revision] = []
        for revision in revisions {
            guard let offline = ddl.revision(revision.id) else { merged.append(revision); continue }
            guard Set(offline.parents) == Set(revision.parents) else {
                throw .malformedAlembic(file: offline.file, line: offline.firstLine,
                                        reason: "revision \(revision.id) follows "
                                            + "\(offline.parents.joined(separator: ", ")) here but "
                                            + "\(revision.parents.joined(separator: ", ")) in \(revision.file); "
                                            + "regenerate the offline SQL from the same versions/ directory")
            }
            var combined = revision
            combined.sql = offline.sql
            combined.file = offline.file
            combined.firstLine = offline.firstLine
            merged.append(combined)
        }
        if let stray = ddl.revisions.first(where: { !contains($0.id) }) {
            throw .malformedAlembic(file: stray.file, line: stray.firstLine,
                                    reason: "revision \(stray.id) is not in the versions/ directory "
                                        + "\(source.displayPath); regenerate the offline SQL or add the file")
        }
        let directory: String
        if case let .alembicVersions(path) = source { directory = path } else { directory = source.displayPath }
        let file: String
        if case let .alembicOfflineSQL(path) = ddl.source { file = path } else { file = ddl.source.displayPath }
        return try MigrationHistory(revisions: merged,
                                    source: .alembicVersionsWithOfflineSQL(directory: directory, file: file),
                                    versionTable: ddl.versionTable,
                                    revisionsWithoutDDL: revisionsWithoutDDL.subtracting(ddl.revisions.map(\.id)))
    }
}
