/// Corpus cases whose real server text the simulator does not reproduce, each with the reason. The simulator plays
/// one era (docs/SIMULATOR.md): the 3.3+ table layout and the 4.0+ view and materialized view text. Every reason
/// names the part of the text it explains (`Scope`); the test checks that the two texts are equal once that part is
/// set aside, so a listed case cannot hide a difference elsewhere.
enum SimulatorKnownDifferences {
    /// Why a case differs.
    enum Reason: String, CaseIterable {
        /// A 3.2-or-earlier server: PROPERTIES in insertion order, with `in_memory`, `enable_persistent_index`
        /// "false" on every key model, `light_schema_change`, and `bucket_size` also on RANDOM tables with BUCKETS.
        case propertiesBefore33 = "3.2-or-earlier PROPERTIES"
        /// A release whose `default_automatic_bucket_size` was 1 GiB (`"bucket_size" = "1073741824"`).
        case bucketSizeOneGiB = "1 GiB bucket_size default"
        /// `unique_constraints` / `foreign_key_constraints` as the FE rewrites them (catalog- and
        /// database-qualified, following SWAP); the simulator echoes what the DDL wrote.
        case constraintQualification = "qualified constraints"
        /// 3.4+ multi-expression partitioning: hidden `__generated_partition_column_N` columns and
        /// ``PARTITION BY (`a`,`__generated_partition_column_0`)``; the simulator prints the 3.3 expression list.
        case generatedPartitionColumns = "3.4+ generated partition columns"
        /// After RENAME COLUMN the FE re-prints the partition expression from its analysed form (backticks,
        /// `CAST(.. AS BIGINT)`); the simulator keeps the text as written.
        case partitionExpressionAfterRename = "partition expression re-printed after RENAME COLUMN"
        /// A 3.3 release that prints a single partition expression in parentheses (`PARTITION BY (date_trunc(..))`).
        case parenthesisedPartitionExpression = "parenthesised partition expression"
        /// CREATE TABLE ... AS SELECT: the columns come from analysing the query, which the simulator does not do.
        case createTableAsSelect = "CTAS columns"
        /// A 3.x materialized view: the analysed, database-qualified query, an unbackticked column list, other
        /// PROPERTIES order, and the test cluster's `default_replication_num` of 1.
        case materializedView3x = "3.x materialized view text"
    }

    /// The part of the text a reason explains.
    enum Scope {
        /// The PROPERTIES block.
        case properties
        /// Partition clause lines and hidden generated columns.
        case partitioning
        /// Column lines (an empty column list leaves an empty line) and the key line.
        case columns
        /// The MV header line (column list), the PROPERTIES block and the query.
        case materializedViewText
    }

    /// The scope of each reason.
    static func scope(of reason: Reason) -> Scope {
        switch reason {
        case .propertiesBefore33, .bucketSizeOneGiB, .constraintQualification: return .properties
        case .generatedPartitionColumns, .partitionExpressionAfterRename, .parenthesisedPartitionExpression:
            return .partitioning
        case .createTableAsSelect: return .columns
        case .materializedView3x: return .materializedViewText
        }
    }

    /// `text` without the part `scope` covers (and without line-ending commas, which shift when a line goes).
    static func outside(_ scope: Scope, of text: String) -> [String] {
        var kept: [String] = []
        var inProperties = false
        var inQuery = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            if line.hasPrefix("PROPERTIES (") && scope != .partitioning && scope != .columns { inProperties = true }
            if inProperties {
                if line == ")" || line == ");" { inProperties = false }
                continue
            }
            switch scope {
            case .properties:
                break
            case .partitioning:
                if line.contains("PARTITION BY") || line.contains("__generated_partition_column_") { continue }
            case .columns:
                if line.hasPrefix("  `") || line.contains(" KEY(") || line.isEmpty { continue }
            case .materializedViewText:
                if index == 0 || line.hasPrefix("AS ") { inQuery = inQuery || line.hasPrefix("AS "); continue }
                if inQuery { continue }
            }
            kept.append(line.hasSuffix(",") ? String(line.dropLast()) : line)
        }
        return kept
    }

    /// Case directory name → reason.
    static let cases: [String: Reason] = {
        var cases: [String: Reason] = [:]
        func add(_ reason: Reason, _ names: [String]) { for name in names { cases[name] = reason } }
        add(.propertiesBefore33, [
            "007_test_automatic_bucket_t", "008_test_automatic_bucket_t", "009_test_automatic_bucket_t",
            "010_test_automatic_bucket_t", "028_test_ddl_t1", "029_test_ddl_t2",
            "072_test_partition_by_expr_partition_unixtime", "073_test_partition_by_expr_partition_unixtime_ms",
            "075_test_random_distribution_t", "076_test_random_distribution_t", "077_test_random_distribution_t",
            "078_test_random_distribution_t", "079_test_random_distribution_t", "080_test_random_distribution_t3",
            "081_test_random_distribution_t5", "082_test_random_distribution_t2", "083_test_random_distribution_t",
            "084_test_random_distribution_t", "085_test_random_distribution_t", "086_test_random_distribution_t",
            "087_test_random_distribution_t", "088_test_random_distribution_t3", "089_test_random_distribution_t5",
            "090_test_random_distribution_t2", "091_test_sort_key_agg_test", "092_test_sort_key_agg_test",
            "093_test_sort_key_uni_test", "094_test_sort_key_uni_test", "095_test_sort_key_dup_test",
            "096_test_sort_key_dup_test", "106_test_sort_key_uni_test", "107_test_sort_key_uni_test",
            "108_test_sort_key_uni_test",
        ])
        add(.bucketSizeOneGiB, ["003_test_alter_table_d", "004_test_alter_table_d", "006_test_alter_table_d",
                                "071_test_partition_by_expr_partition_unixtime_ms"])
        add(.constraintQualification, ["030_test_ddl_s2", "031_test_ddl_s3", "032_test_ddl_s1", "033_test_ddl_s1_new",
                                       "034_test_ddl_s2", "035_test_ddl_s3"])
        add(.generatedPartitionColumns, ["017_test_automatic_partition_ss", "018_test_automatic_partition_ss1",
                                         "019_test_automatic_partition_ss1", "020_test_automatic_partition_ss1",
                                         "021_test_automatic_partition_ss", "022_test_automatic_partition_ss"])
        add(.partitionExpressionAfterRename, ["026_test_column_rename_site_access", "027_test_column_rename_bill_detail"])
        add(.parenthesisedPartitionExpression, ["070_test_partition_by_expr_agg_week_ddl"])
        add(.createTableAsSelect, ["011_test_automatic_partition_multi_level_expr_par_tbl_1",
                                   "012_test_automatic_partition_multi_level_expr_par_tbl_2"])
        add(.materializedView3x, [
            "041_test_materialized_view_mv1", "042_test_materialized_view_mv2", "043_test_materialized_view_mv3",
            "044_test_materialized_view_mv4", "045_test_materialized_view_mv_part1", "046_test_materialized_view_mv5",
            "047_test_materialized_view_mv6", "048_test_materialized_view_test_mv1", "049_test_materialized_view_test_mv1",
            "050_test_materialized_view_test_mv1", "051_test_materialized_view_test_mv1",
            "056_test_materialized_view_user_tags_mv1", "057_test_materialized_view_user_tags_mv1",
            "058_test_materialized_view_user_tags_mv1", "059_test_materialized_view_user_tags_mv1",
        ])
        return cases
    }()
}
