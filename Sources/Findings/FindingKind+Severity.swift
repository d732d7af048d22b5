extension FindingKind {
    /// The severity a finding of this kind has unless the environment's `severity:` map says otherwise. The gate is
    /// strict: every unexplained difference between the expected and the actual schema is an `error` (what was
    /// changed by hand is drift, cosmetic or not); `warning` is for operational signals that need a person's eye
    /// (a partition window ending, a stuck or cancelled schema-change job, an inactive MV, missing backends, the
    /// environment lagging behind the head); `info` is for facts that need no action.
    public var defaultSeverity: Severity {
        switch self {
        case .missingTable, .unexpectedTable, .missingView, .unexpectedView, .missingMaterializedView,
             .unexpectedMaterializedView, .objectKind, .missingDatabase,
             .missingColumn, .unexpectedColumn, .columnType, .columnNullability, .columnDefault, .columnComment,
             .columnPosition, .columnAggregate, .columnAutoIncrement, .columnGenerated,
             .keyModel, .keyColumns, .partitionMethod, .partitionColumns, .partitionMissing,
             .distributionMethod, .distributionColumns, .bucketCount, .orderBy, .property, .tableComment,
             .missingIndex, .unexpectedIndex, .indexDefinition,
             .viewDefinition, .viewComment, .viewColumns, .materializedViewDefinition, .materializedViewRefresh,
             .materializedViewPartitioning,
             .partitionUnexpected, .revisionUnknown, .revisionNotRecorded, .replicationExceedsBackends, .modelNotMigrated:
            return .error
        case .partitionWindowEnding, .materializedViewInactive, .materializedViewRefreshFailed, .revisionBehind,
             .versionTableMissing, .versionTableRows, .schemaChangeStuck, .schemaChangeCancelled, .backendsMissing:
            return .warning
        case .schemaChangeRunning, .propertyDefaultUnknown, .upgradeInProgress:
            return .info
        }
    }

    /// Position in declaration order, for sorting findings of one object.
    public var order: Int { Self.orderTable[self] ?? 0 }

    private static let orderTable: [FindingKind: Int] = Dictionary(
        uniqueKeysWithValues: FindingKind.allCases.enumerated().map { ($1, $0) })
}
