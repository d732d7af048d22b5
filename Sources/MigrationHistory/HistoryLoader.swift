import Foundation

/// Reading a history from disk: the one place this module does file I/O.
extension MigrationHistory {
    /// Loads the history at `path`, choosing the reader by what is there:
    /// a directory of `.sql` revision files with headers; a directory of Alembic `versions/*.py` (or one holding a
    /// `versions/` folder), combined with the DDL of the one offline SQL file next to it when there is one; a `.sql`
    /// file of Alembic offline SQL; or a `.sql` file of plain DDL (one revision).
    public static func load(path: String,
                            versionTable: String = AlembicOfflineSQLReader.defaultVersionTable) throws(HistoryError)
        -> MigrationHistory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or directory; pass --migrations with the right path")
        }
        if !isDirectory.boolValue {
            return try loadSQLFile(path: path, versionTable: versionTable)
        }
        let sqlFiles = try listFiles(in: path, suffix: ".sql")
        var files: [(file: String, text: String)] = []
        for file in sqlFiles { files.append((file, try readText(file))) }
        let versions = try alembicVersionsDirectory(path)
        if files.count == 1, !RevisionFileReader.hasHeader(files[0].text),
           AlembicOfflineSQLReader.isAlembicOfflineSQL(files[0].text, versionTable: versionTable) {
            // An Alembic project folder: versions/ for the graph, one offline SQL file for the DDL.
            let ddl = try AlembicOfflineSQLReader.read(files[0].text, file: files[0].file, versionTable: versionTable)
            guard let versions else { return ddl }
            return try loadAlembicVersions(directory: versions).takingDDL(from: ddl)
        }
        if !files.isEmpty {
            return try parse(files: files, source: .revisionFiles(directory: path))
        }
        if let versions {
            return try loadAlembicVersions(directory: versions)
        }
        throw .emptyHistory(path: path)
    }

    /// Loads an Alembic `versions/` graph and takes each revision's DDL from the offline SQL in `offlineSQL`.
    public static func load(alembicVersions directory: String, offlineSQL file: String,
                            versionTable: String = AlembicOfflineSQLReader.defaultVersionTable) throws(HistoryError)
        -> MigrationHistory {
        let graph = try loadAlembicVersions(directory: alembicVersionsDirectory(directory) ?? directory)
        let text = try readText(file)
        let ddl = try AlembicOfflineSQLReader.read(text, file: file, versionTable: versionTable)
        return try graph.takingDDL(from: ddl)
    }

    /// A history from in-memory revision files (`file` names are used in errors; order only breaks ties).
    public static func parse(files: [(file: String, text: String)],
                             source: HistorySource = .inMemory) throws(HistoryError) -> MigrationHistory {
        var revisions: [Revision] = []
        for entry in files.sorted(by: { $0.file < $1.file }) {
            revisions.append(try RevisionFileReader.read(entry.text, file: entry.file))
        }
        guard !revisions.isEmpty else { throw .emptyHistory(path: source.displayPath) }
        return try MigrationHistory(revisions: revisions, source: source)
    }

    /// A single `.sql` file: Alembic offline SQL when it has the markers, else one revision of plain DDL.
    static func loadSQLFile(path: String, versionTable: String) throws(HistoryError) -> MigrationHistory {
        let text = try readText(path)
        if AlembicOfflineSQLReader.isAlembicOfflineSQL(text, versionTable: versionTable) {
            return try AlembicOfflineSQLReader.read(text, file: path, versionTable: versionTable)
        }
        if RevisionFileReader.hasHeader(text) {
            return try MigrationHistory(revisions: [RevisionFileReader.read(text, file: path)],
                                        source: .revisionFiles(directory: path))
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try MigrationHistory(revisions: [Revision(id: name, parents: [], message: "plain DDL", file: path,
                                                         sql: text, firstLine: 1)],
                                    source: .plainSQL(file: path))
    }

    /// The graph of an Alembic `versions/` directory (no DDL).
    static func loadAlembicVersions(directory: String) throws(HistoryError) -> MigrationHistory {
        let files = try listFiles(in: directory, suffix: ".py").filter { !$0.hasSuffix("/__init__.py") }
        var revisions: [Revision] = []
        for file in files {
            revisions.append(try AlembicVersionsReader.readRevision(try readText(file), file: file))
        }
        guard !revisions.isEmpty else { throw .emptyHistory(path: directory) }
        return try MigrationHistory(revisions: revisions, source: .alembicVersions(directory: directory),
                                    revisionsWithoutDDL: Set(revisions.map(\.id)))
    }

    /// `path/versions` when that holds `*.py` revision files, else `path` itself when it does; else nil. An Alembic
    /// script folder (`env.py`, `script.py.mako`, `versions/`) so gives its `versions/`, never its own `env.py`.
    static func alembicVersionsDirectory(_ path: String) throws(HistoryError) -> String? {
        let nested = (path as NSString).appendingPathComponent("versions")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: nested, isDirectory: &isDirectory), isDirectory.boolValue,
           try !listFiles(in: nested, suffix: ".py").isEmpty {
            return nested
        }
        if try !listFiles(in: path, suffix: ".py").isEmpty { return path }
        return nil
    }

    /// Regular files directly in `directory` whose names end in `suffix`, sorted, as paths.
    static func listFiles(in directory: String, suffix: String) throws(HistoryError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(path: directory, reason: "cannot list the directory (\(error.localizedDescription))")
        }
        return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// The UTF-8 text of `path`.
    static func readText(_ path: String) throws(HistoryError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file; check it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "the file is not valid UTF-8; save it as UTF-8")
        }
        return text
    }
}
