/// Every kind of finding, with its JSON spelling. One case per thing a user can act on.
public enum FindingKind: String, Hashable, Sendable, Codable, CaseIterable {
    // Objects
    case missingTable = "missing_table"
    case unexpectedTable = "unexpected_table"
    case missingView = "missing_view"
    case unexpectedView = "unexpected_view"
    case missingMaterializedView = "missing_materialized_view"
    case unexpectedMaterializedView = "unexpected_materialized_view"
    case objectKind = "object_kind"
    case missingDatabase = "missing_database"
    // Columns
    case missingColumn = "missing_column"
    case unexpectedColumn = "unexpected_column"
    case columnType = "column_type"
    case columnNullability = "column_nullability"
    case columnDefault = "column_default"
    case columnComment = "column_comment"
    case columnPosition = "column_position"
    case columnAggregate = "column_aggregate"
    case columnAutoIncrement = "column_auto_increment"
    case columnGenerated = "column_generated"
    // Table structure
    case keyModel = "key_model"
    case keyColumns = "key_columns"
    case partitionMethod = "partition_method"
    case partitionColumns = "partition_columns"
    case partitionMissing = "partition_missing"
    case partitionUnexpected = "partition_unexpected"
    case partitionWindowEnding = "partition_window_ending"
    case distributionMethod = "distribution_method"
    case distributionColumns = "distribution_columns"
    case bucketCount = "bucket_count"
    case orderBy = "order_by"
    case property = "property"
    /// A property no migration sets shows a value whose server default varies (cluster setting, version, run mode)
    /// and no `expect.properties` pins it: the tool cannot tell whether it is the default.
    case propertyDefaultUnknown = "property_default_unknown"
    case tableComment = "table_comment"
    case missingIndex = "missing_index"
    case unexpectedIndex = "unexpected_index"
    case indexDefinition = "index_definition"
    // Views and materialized views
    case viewDefinition = "view_definition"
    case viewComment = "view_comment"
    case viewColumns = "view_columns"
    case materializedViewDefinition = "materialized_view_definition"
    case materializedViewRefresh = "materialized_view_refresh"
    case materializedViewPartitioning = "materialized_view_partitioning"
    case materializedViewInactive = "materialized_view_inactive"
    case materializedViewRefreshFailed = "materialized_view_refresh_failed"
    // Operations (issue: StarRocks operations)
    case revisionBehind = "revision_behind"
    case revisionUnknown = "revision_unknown"
    /// The server already has changes of revisions its version table says are pending (applied by hand or by a
    /// migration that failed before recording its revision): the next migration run will fail on them.
    case revisionNotRecorded = "revision_not_recorded"
    case versionTableMissing = "version_table_missing"
    case versionTableRows = "version_table_rows"
    case schemaChangeRunning = "schema_change_running"
    case schemaChangeStuck = "schema_change_stuck"
    case schemaChangeCancelled = "schema_change_cancelled"
    case replicationExceedsBackends = "replication_exceeds_backends"
    case backendsMissing = "backends_missing"
    /// An `upgrade` holds the environment's lock (applying now, or left by a run that died).
    case upgradeInProgress = "upgrade_in_progress"
    // SQLAlchemy models (`check --models`)
    /// The models differ from the migrations' head: a model was changed and no revision makes the change
    /// (`alembic revision --autogenerate` was not run or not committed).
    case modelNotMigrated = "model_not_migrated"
}
