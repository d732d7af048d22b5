import MigrationHistory
import SchemaModel

/// Writes the applied revision to the version table the way Alembic does, so Alembic and `check` read it back:
/// `INSERT` for the first revision of a branch, `UPDATE ... WHERE version_num = <parent>` after it, `DELETE` for the
/// other parents of a merge revision. The table is created when missing, in the `starrocks` dialect's form (an
/// `id BIGINT AUTO_INCREMENT` primary key): StarRocks cannot UPDATE a primary-key column, so a table whose key is
/// `version_num` itself gets `INSERT` + `DELETE` instead of `UPDATE`.
struct VersionRecorder: Sendable {
    /// `db.alembic_version`.
    let table: ObjectName
    /// Whether the table exists on the server.
    var exists: Bool
    /// Whether `version_num` is the primary key (no `id` column): UPDATE is not possible.
    var versionIsKey: Bool
    /// The rows as recorded now.
    var rows: [String]
    /// `replication_num` for a table created here.
    let replicas: Int

    /// The revision column (Alembic's name).
    static let column = "version_num"

    /// `CREATE TABLE` for a missing version table: the `starrocks` dialect's variant with an `id` column.
    var createStatement: String {
        """
        CREATE TABLE IF NOT EXISTS \(SQLName.qualified(table)) (
          `id` bigint NOT NULL AUTO_INCREMENT,
          `version_num` varchar(32) NOT NULL
        )
        PRIMARY KEY(`id`)
        DISTRIBUTED BY HASH(`id`)
        PROPERTIES ("replication_num" = "\(replicas)")
        """
    }

    /// The statements that record `revision` (with `parents`), and the rows afterwards.
    func statements(recording revision: Revision) -> (sql: [String], rows: [String]) {
        var sql: [String] = exists ? [] : [createStatement]
        let name = SQLName.qualified(table)
        let replaced = revision.parents.filter(rows.contains)
        let column = "\(SQLName.identifier(Self.column))"
        if let first = replaced.first, !versionIsKey || !exists {
            sql.append("UPDATE \(name) SET \(column) = \(SQLName.string(revision.id)) WHERE \(column) = \(SQLName.string(first))")
            sql += replaced.dropFirst().map { "DELETE FROM \(name) WHERE \(column) = \(SQLName.string($0))" }
        } else {
            sql.append("INSERT INTO \(name) (\(column)) VALUES (\(SQLName.string(revision.id)))")
            sql += replaced.map { "DELETE FROM \(name) WHERE \(column) = \(SQLName.string($0))" }
        }
        return (sql, rows.filter { !replaced.contains($0) } + [revision.id])
    }

    /// The statements that record `revision`, each with the rows it leaves (`nil` for the idempotent CREATE TABLE IF
    /// NOT EXISTS): after a lost reply the rows read back tell whether the statement took effect.
    func steps(recording revision: Revision) -> [(sql: String, rowsAfter: [String]?)] {
        let statements = self.statements(recording: revision).sql
        var rows = self.rows
        let replaced = revision.parents.filter(rows.contains)
        return statements.map { sql in
            if sql.hasPrefix("CREATE TABLE") { return (sql, nil) }
            if sql.hasPrefix("UPDATE"), let first = replaced.first {
                rows = rows.map { $0 == first ? revision.id : $0 }
            } else if sql.hasPrefix("INSERT") {
                rows.append(revision.id)
            } else if sql.hasPrefix("DELETE"), let gone = replaced.first(where: { sql.hasSuffix(SQLName.string($0)) }) {
                rows.removeAll { $0 == gone }
            }
            return (sql, rows)
        }
    }

    /// `SELECT version_num FROM db.table`: the rows recorded now.
    var selectStatement: String {
        "SELECT \(SQLName.identifier(Self.column)) FROM \(SQLName.qualified(table))"
    }
}
