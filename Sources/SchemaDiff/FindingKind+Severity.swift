extension FindingKind {
    /// The severity a finding of this kind has unless `DiffOptions.severityOverrides` says otherwise: what breaks
    /// loads or queries is an error, cosmetic or tunable differences are warnings, run-time facts are info.
    public var defaultSeverity: Severity {
        switch self {
        case .missingTable, .missingView, .missingMaterializedView, .objectKind, .missingDatabase,
             .missingColumn, .unexpectedColumn, .columnType, .columnNullability, .columnAggregate,
             .columnAutoIncrement, .columnGenerated, .keyModel, .keyColumns, .partitionMethod, .partitionColumns,
             .partitionMissing, .distributionMethod, .distributionColumns, .viewDefinition, .viewColumns,
             .materializedViewDefinition, .materializedViewPartitioning:
            return .error
        case .unexpectedTable, .unexpectedView, .unexpectedMaterializedView, .columnDefault, .columnComment,
             .columnPosition, .bucketCount, .orderBy, .property, .tableComment, .missingIndex, .unexpectedIndex,
             .indexDefinition, .viewComment, .materializedViewRefresh, .partitionWindowEnding,
             .materializedViewInactive, .materializedViewRefreshFailed, .revisionBehind, .revisionUnknown, .revisionNotRecorded,
             .versionTableMissing, .versionTableRows, .schemaChangeStuck, .schemaChangeCancelled,
             .replicationExceedsBackends, .backendsMissing:
            return .warning
        case .partitionUnexpected, .schemaChangeRunning, .propertyDefaultUnknown:
            return .info
        }
    }

    /// Position in declaration order, for sorting findings of one object.
    var order: Int { Self.orderTable[self] ?? 0 }

    private static let orderTable: [FindingKind: Int] = Dictionary(
        uniqueKeysWithValues: FindingKind.allCases.enumerated().map { ($1, $0) })
}
