/// The comment older servers print for an object nobody commented: its table type's name.
///
/// Before 3.1, `Table.getComment()` (fe/fe-core/src/main/java/com/starrocks/catalog/Table.java, branch-2.5 and
/// branch-3.0) returned the table type's enum name when the comment was empty, and every SHOW CREATE printer used
/// it: `COMMENT "OLAP"` on a table, `COMMENT "VIEW"` on a view (`GlobalStateMgr.getDdlStmt`, the view branch),
/// `COMMENT "MATERIALIZED_VIEW"` on a materialized view. Shared-data objects carry their own type names
/// (`CLOUD_NATIVE`, called `LAKE` before 3.1; `CLOUD_NATIVE_MATERIALIZED_VIEW`, earlier `LAKE_MATERIALIZED_VIEW`).
/// Newer servers print no COMMENT for an empty comment. The type name alone is therefore the same as no comment; a
/// real comment that happens to equal a type name is indistinguishable from it and folds too.
extension Normalize {
    /// A table's comment with the type-name default folded to none: `"OLAP"` → `""`.
    public static func tableComment(_ comment: String) -> String {
        defaultTableTypeComments.contains(comment) ? "" : comment
    }

    /// A view's comment with the type-name default folded to none: `"VIEW"` → `""`.
    public static func viewComment(_ comment: String) -> String {
        defaultViewTypeComments.contains(comment) ? "" : comment
    }

    /// A materialized view's comment with the type-name default folded to none: `"MATERIALIZED_VIEW"` → `""`.
    public static func materializedViewComment(_ comment: String) -> String {
        defaultMaterializedViewTypeComments.contains(comment) ? "" : comment
    }

    /// Table type names older servers print as the default table comment.
    public static let defaultTableTypeComments: Set<String> = ["OLAP", "CLOUD_NATIVE", "LAKE"]

    /// Table type names older servers print as the default view comment.
    public static let defaultViewTypeComments: Set<String> = ["VIEW"]

    /// Table type names older servers print as the default materialized-view comment.
    public static let defaultMaterializedViewTypeComments: Set<String> = [
        "MATERIALIZED_VIEW", "CLOUD_NATIVE_MATERIALIZED_VIEW", "LAKE_MATERIALIZED_VIEW",
    ]
}
