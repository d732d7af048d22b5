import SchemaModel
import StarRocksDDL

/// The statements LiveSchema sends: every one is a read (SELECT or SHOW). Per server: 2; per database: 5 (the
/// objects, the MVs, and the COLUMN, ROLLUP and OPTIMIZE job lists);
/// per table or view: 1 (MVs need none: their DDL is in information_schema.materialized_views); the version table:
/// 1.
enum LiveQueries {
    static let serverVersion = "SELECT current_version()"
    static let backends = "SHOW BACKENDS"

    static func fullTables(_ database: String) -> String { "SHOW FULL TABLES FROM \(quoted(database))" }

    static func materializedViews(_ database: String) -> String {
        "SELECT TABLE_NAME, REFRESH_TYPE, IS_ACTIVE, INACTIVE_REASON, LAST_REFRESH_STATE, LAST_REFRESH_ERROR_MESSAGE, "
            + "MATERIALIZED_VIEW_DEFINITION FROM information_schema.materialized_views WHERE TABLE_SCHEMA = "
            + literal(database)
    }

    /// `SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE FROM db`: one job list per kind.
    static func alterJobs(_ database: String, kind: SchemaChangeJobKind) -> String {
        "SHOW ALTER TABLE \(kind.rawValue) FROM \(quoted(database))"
    }

    static func showCreateTable(_ database: String, _ name: String) -> String {
        "SHOW CREATE TABLE \(quoted(database)).\(quoted(name))"
    }

    static func showCreateView(_ database: String, _ name: String) -> String {
        "SHOW CREATE VIEW \(quoted(database)).\(quoted(name))"
    }

    static func versionTable(_ database: String, _ table: String) -> String {
        "SELECT * FROM \(quoted(database)).\(quoted(table))"
    }

    /// The column an Alembic version table keeps its revision in.
    static let versionColumn = "version_num"
    /// `SHOW FULL TABLES` type of tables (`VIEW` covers views and async MVs).
    static let baseTableType = "BASE TABLE"
    /// `REFRESH_TYPE` of synchronous MVs (rollups), which are not catalog objects.
    static let rollupRefreshType = "ROLLUP"

    /// A backticked identifier.
    static func quoted(_ name: String) -> String { SQLQuoting.backticked(name) }

    /// A single-quoted string literal.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

/// The StarRocks 3.x GRANT statements that make each part readable.
enum LiveGrants {
    static func objects(_ database: String, grantee: String) -> String {
        "GRANT SELECT ON ALL TABLES IN DATABASE \(LiveQueries.quoted(database)) TO \(grantee); "
            + "GRANT SELECT ON ALL VIEWS IN DATABASE \(LiveQueries.quoted(database)) TO \(grantee); "
            + "GRANT SELECT ON ALL MATERIALIZED VIEWS IN DATABASE \(LiveQueries.quoted(database)) TO \(grantee)"
    }

    static func table(_ database: String, _ table: String, grantee: String) -> String {
        "GRANT SELECT ON TABLE \(LiveQueries.quoted(database)).\(LiveQueries.quoted(table)) TO \(grantee)"
    }

    static func view(_ database: String, _ view: String, grantee: String) -> String {
        "GRANT SELECT ON VIEW \(LiveQueries.quoted(database)).\(LiveQueries.quoted(view)) TO \(grantee)"
    }

    static func system(grantee: String) -> String { "GRANT OPERATE ON SYSTEM TO \(grantee)" }
}
