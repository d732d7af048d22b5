import Foundation
import MigrationHistory

/// The DDL the `starrocks` SQLAlchemy dialect compiles for a team's models.
public struct ModelsDDL: Hashable, Sendable {
    /// One compiled object.
    public struct Object: Hashable, Sendable, Decodable {
        /// `TABLE`, `VIEW` or `MATERIALIZED_VIEW`.
        public var kind: String
        /// The model's schema (database), `nil` for the default one.
        public var schema: String?
        /// The object's name.
        public var name: String
        /// The `CREATE ...` statement, without the final semicolon.
        public var ddl: String
    }

    /// Python, SQLAlchemy and `starrocks` versions that compiled it.
    public var versions: [String: String]
    /// Tables first, then views, then materialized views.
    public var objects: [Object]

    /// Every statement, each ended by a semicolon: a `.sql` text that replays to the models' schema.
    public var sql: String {
        objects.map { "\($0.ddl);\n" }.joined(separator: "\n")
    }
}

/// Runs the models provider (scripts/python/models_provider.py, carried by the binary) with the team's interpreter.
/// It imports `MODULE:ATTR` and prints the DDL the `starrocks` dialect compiles; nothing connects to a database.
public struct ModelsProvider: Sendable {
    /// The Python interpreter (`--python`): a path, or a name looked up on `PATH`.
    public var python: String
    /// Secrets the team's module could print (it runs with the process environment, passwords included): its
    /// errors are scrubbed of them before they reach a message.
    public var redactor: Redactor

    /// A provider run with `python` (default `python3`), its errors scrubbed by `redactor`.
    public init(python: String = "python3", redactor: Redactor = Redactor()) {
        self.python = python
        self.redactor = redactor
    }

    /// The compiled DDL of `reference`; a failure (interpreter missing, module not importable, attribute not a
    /// MetaData, dialect missing or too old) throws with the Python error's last line and what to install.
    public func ddl(for reference: ModelsReference) throws -> ModelsDDL {
        let run = try ProcessRun.run(executable: python,
                                     arguments: ["-c", ModelsProviderScript.source, reference.module, reference.attribute],
                                     what: "the models provider (--python \(python))",
                                     hint: "install Python 3 with SQLAlchemy 2 and the starrocks package, or pass --python PATH")
        let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard let data = line.data(using: .utf8),
              let reply = try? JSONDecoder().decode(Reply.self, from: data) else {
            let detail = Self.lastLine(run.stderr).map { ": \($0)" } ?? ""
            throw DriftCheckError.usage(redactor.scrub("models:\(reference): the models provider failed (exit \(run.status))\(detail); "
                + "check that --python \(python) is Python 3 with SQLAlchemy 2 and the starrocks package"))
        }
        if let error = reply.error {
            throw DriftCheckError.usage(redactor.scrub("models:\(reference): \(error.message); \(error.hint)"))
        }
        return ModelsDDL(versions: reply.versions ?? [:], objects: reply.objects ?? [])
    }

    /// The models' DDL as a one-revision history (the revision is named after the reference).
    static func history(_ ddl: ModelsDDL, reference: ModelsReference) throws -> MigrationHistory {
        let file = "models:\(reference)"
        do {
            return try MigrationHistory(revisions: [Revision(id: "models", parents: [], message: "models \(reference)",
                                                             file: file, sql: ddl.sql, firstLine: 1)],
                                        source: .plainSQL(file: file))
        } catch {
            throw DriftCheckError.input(side: "--models", path: "\(reference)", reason: "\(error)")
        }
    }

    static func lastLine(_ text: String) -> String? {
        text.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private struct Reply: Decodable {
        var versions: [String: String]?
        var objects: [ModelsDDL.Object]?
        var error: Failure?
    }

    private struct Failure: Decodable {
        var kind: String
        var message: String
        var hint: String
    }
}
