import Foundation
import SchemaModel

/// The `information_schema` tables the simulator serves, derived from the catalog files so that they agree with
/// `SHOW CREATE` (docs/starrocks-behaviour.md#information-schema): `materialized_views`, `tables_config`, `tables`,
/// `views`.
struct InformationSchemaRows {
    let index: CatalogIndex

    /// The schema name.
    static let schemaName = "information_schema"

    /// Column titles per table (3.3-era lists), including the client-facing ones (`columns`, `partitions_meta`).
    static let columns: [String: [String]] = baseColumns.merging(clientColumns) { base, _ in base }

    /// Column titles of the tables starrocks-drift reads.
    static let baseColumns: [String: [String]] = [
        "materialized_views": [
            "MATERIALIZED_VIEW_ID", "TABLE_SCHEMA", "TABLE_NAME", "REFRESH_TYPE", "IS_ACTIVE", "INACTIVE_REASON",
            "PARTITION_TYPE", "TASK_ID", "TASK_NAME", "LAST_REFRESH_START_TIME", "LAST_REFRESH_FINISHED_TIME",
            "LAST_REFRESH_DURATION", "LAST_REFRESH_STATE", "LAST_REFRESH_FORCE_REFRESH", "LAST_REFRESH_START_PARTITION",
            "LAST_REFRESH_END_PARTITION", "LAST_REFRESH_BASE_REFRESH_PARTITIONS", "LAST_REFRESH_MV_REFRESH_PARTITIONS",
            "LAST_REFRESH_ERROR_CODE", "LAST_REFRESH_ERROR_MESSAGE", "TABLE_ROWS", "MATERIALIZED_VIEW_DEFINITION",
            "EXTRA_MESSAGE", "QUERY_REWRITE_STATUS", "CREATOR", "LAST_REFRESH_PROCESS_TIME", "LAST_REFRESH_JOB_ID",
        ],
        "tables_config": [
            "TABLE_SCHEMA", "TABLE_NAME", "TABLE_ENGINE", "TABLE_MODEL", "PRIMARY_KEY", "PARTITION_KEY", "DISTRIBUTE_KEY",
            "DISTRIBUTE_TYPE", "DISTRIBUTE_BUCKET", "SORT_KEY", "PROPERTIES", "TABLE_ID",
        ],
        "tables": [
            "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE", "VERSION", "ROW_FORMAT", "TABLE_ROWS",
            "AVG_ROW_LENGTH", "DATA_LENGTH", "MAX_DATA_LENGTH", "INDEX_LENGTH", "DATA_FREE", "AUTO_INCREMENT",
            "CREATE_TIME", "UPDATE_TIME", "CHECK_TIME", "TABLE_COLLATION", "CHECKSUM", "CREATE_OPTIONS", "TABLE_COMMENT",
        ],
        "views": [
            "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION", "CHECK_OPTION", "IS_UPDATABLE", "DEFINER",
            "SECURITY_TYPE", "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION",
        ],
        "schemata": ["CATALOG_NAME", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME", "SQL_PATH"],
    ]

    /// A fixed time the simulator reports for creation and refresh times.
    static let fixedTime = "2026-01-01 00:00:00"

    /// All rows of `table`, restricted to `schemas` and object `names` when given (equality filters on
    /// TABLE_SCHEMA and TABLE_NAME, so a 10,000-table catalog is not materialised for every query).
    func rows(of table: String, schemas: Set<String>?, names: Set<String>? = nil) -> [[String?]]? {
        let databases = index.databaseNames.filter { schemas?.contains($0) ?? true }
        func objects(_ kind: ObjectKind?) -> [CatalogIndex.Object] {
            databases.flatMap { database in
                index.sortedNames[database]!.compactMap { name in
                    guard names?.contains(name) ?? true else { return nil }
                    let object = index.databases[database]![name]!
                    return kind == nil || object.kind == kind ? object : nil
                }
            }
        }
        switch table {
        case "materialized_views": return objects(.materializedView).map(materializedViewRow)
        case "tables_config": return objects(nil).filter { $0.kind != .view }.map(tablesConfigRow)
        case "tables": return objects(nil).map(tablesRow)
        case "views": return objects(.view).map(viewsRow)
        case "schemata": return databases.map { ["def", $0, "utf8", "utf8_general_ci", nil] }
        default: return clientRows(of: table, objects: objects(nil))
        }
    }

    private func materializedViewRow(_ object: CatalogIndex.Object) -> [String?] {
        let status = index.state.materializedViews.first {
            $0.name == object.name && ($0.database == nil || $0.database == object.database)
        } ?? SimulatedMaterializedViewStatus(name: object.name)
        var refreshType = "ASYNC", partitionType = "UNPARTITIONED"
        if case .materializedView(let view)? = index.model(of: object) {
            refreshType = view.refresh?.kind?.rawValue ?? "ASYNC"
            if !view.partitionBy.isEmpty { partitionType = "RANGE" }
        }
        let failed = status.lastRefreshState == "FAILED"
        return [
            String(object.id), object.database, object.name, refreshType, status.isActive ? "true" : "false",
            status.inactiveReason, partitionType, String(object.id + 8), "mv-\(object.id)",
            status.lastRefreshState == nil ? nil : Self.fixedTime, status.lastRefreshState == nil ? nil : Self.fixedTime,
            status.lastRefreshState == nil ? nil : "0.100", status.lastRefreshState, "false", nil, nil, "{}",
            "[\(object.name)]", failed ? "-1" : "0", status.lastRefreshErrorMessage, "0", object.text, "",
            status.isActive ? "VALID" : "INVALID", "'root'@'%'", status.lastRefreshState == nil ? nil : Self.fixedTime, "",
        ]
    }

    private func tablesConfigRow(_ object: CatalogIndex.Object) -> [String?] {
        func backticked(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }
        var model = "DUP_KEYS", keyColumns: [String] = [], partitionKey: [String] = []
        var distribution: Distribution?, orderBy: [String]?, properties: [String: String] = [:]
        switch index.model(of: object) {
        case .table(let table)?:
            model = Self.keysType(table.key?.model)
            keyColumns = table.key?.columns ?? Array(table.columns.prefix(1).map(\.name))
            switch table.partitioning {
            case .range(let range)?: partitionKey = range.expressions
            case .list(let list)?: partitionKey = list.columns
            case .expression(let expressions)?: partitionKey = expressions
            case nil: break
            }
            distribution = table.distribution
            orderBy = table.orderBy
            properties = table.properties
        case .materializedView(let view)?:
            keyColumns = Array(view.columns.prefix(1).map(\.name))
            partitionKey = view.partitionBy
            distribution = view.distribution
            orderBy = view.orderBy
            properties = view.properties
        default: break
        }
        var distributeKey = "", distributeType = "RANDOM"
        if case .hash(let columns)? = distribution?.method {
            distributeKey = backticked(columns)
            distributeType = "HASH"
        }
        return [
            object.database, object.name, object.kind == .materializedView ? "MATERIALIZED_VIEW" : "OLAP", model,
            backticked(keyColumns), backticked(partitionKey), distributeKey, distributeType,
            String(distribution?.buckets ?? 0), backticked(orderBy ?? keyColumns), Self.json(properties), String(object.id),
        ]
    }

    private func tablesRow(_ object: CatalogIndex.Object) -> [String?] {
        var comment = ""
        switch index.model(of: object) {
        case .table(let table)?: comment = table.comment
        case .view(let view)?: comment = view.comment
        case .materializedView(let view)?: comment = view.comment
        case nil: break
        }
        let isTable = object.kind == .table
        return [
            "def", object.database, object.name, isTable ? "BASE TABLE" : "VIEW", isTable || object.kind == .materializedView
                ? "StarRocks" : nil, nil, nil, "0", "0", "0", nil, nil, nil, nil, Self.fixedTime, nil, nil,
            "utf8_general_ci", nil, "", comment,
        ]
    }

    private func viewsRow(_ object: CatalogIndex.Object) -> [String?] {
        ["def", object.database, object.name, Self.queryBody(of: object.text), "NONE", "NO", "", "", "utf8",
         "utf8_general_ci"]
    }

    /// KeysType enum names, as TABLE_MODEL shows them.
    static func keysType(_ model: KeyModel?) -> String {
        switch model {
        case .aggregate?: "AGG_KEYS"
        case .unique?: "UNIQUE_KEYS"
        case .primary?: "PRIMARY_KEYS"
        case .duplicate?, nil: "DUP_KEYS"
        }
    }

    /// A JSON object of string properties, keys sorted.
    static func json(_ properties: [String: String]) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        return "{" + properties.keys.sorted().map { "\(quoted($0)):\(quoted(properties[$0]!))" }.joined(separator: ",") + "}"
    }

    /// The query after the header's top-level `AS` (the view's body), without a trailing `;`.
    static func queryBody(of text: String) -> String {
        let tokens = StatementTokenizer.tokens(text)
        var depth = 0
        for token in tokens {
            if token.kind == .symbol && token.text == "(" { depth += 1 }
            if token.kind == .symbol && token.text == ")" { depth -= 1 }
            if depth == 0 && token.isWord("AS") {
                var body = String(decoding: Array(text.utf8)[token.end...], as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                if body.hasSuffix(";") { body.removeLast() }
                return body
            }
        }
        return ""
    }
}
