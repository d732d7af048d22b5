import DriftTestSupport
import Foundation
import SchemaDiff
import SchemaModel
import Testing

/// One property case: migrations, what a server shows, and the verdict the differ must reach.
struct PropertyCase: CustomTestStringConvertible, Sendable {
    /// What the comparison must conclude.
    enum Verdict: Sendable {
        /// No finding above info.
        case clean
        /// A `property` finding above info on this property key.
        case drift(String)
        /// A `property_default_unknown` info finding naming this text (the FE setting), nothing above info.
        case info(String)
    }

    let name: String
    let expected: String
    let actual: String
    let verdict: Verdict
    var testDescription: String { name }
}

private let table = "CREATE TABLE t (k INT NOT NULL, v INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k)"
private let printed = "CREATE TABLE `t` (`k` int(11) NOT NULL COMMENT \"\", `v` int(11) NULL COMMENT \"\") ENGINE=OLAP DUPLICATE KEY(`k`) DISTRIBUTED BY HASH(`k`)"
private let mvBase = "CREATE TABLE b (k INT NOT NULL, v INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k);\n"
private func mv(_ properties: String) -> String {
    mvBase + "CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(k) REFRESH MANUAL "
        + (properties.isEmpty ? "" : "PROPERTIES (\(properties)) ") + "AS SELECT k, v FROM b;"
}

/// The property classes seen on StarRocks output the project had never seen (issue 18), each as a table-driven
/// case: resets to a default the server stops printing, other spellings of the same value, shared-data additions,
/// FE-setting defaults — and the by-hand changes next to them that must still gate.
let propertyCases: [PropertyCase] = [
    // Set back to the default, no longer printed: no drift.
    PropertyCase(name: "empty bloom_filter_columns on an MV",
                 expected: mv("\"bloom_filter_columns\" = \"k\"") + "\nALTER MATERIALIZED VIEW mv SET (\"bloom_filter_columns\" = \"\");",
                 actual: mv(""), verdict: .clean),
    PropertyCase(name: "empty base_compaction_forbidden_time_ranges",
                 expected: table + " PROPERTIES (\"base_compaction_forbidden_time_ranges\" = \"* 0-5 * * *\");\nALTER TABLE t SET (\"base_compaction_forbidden_time_ranges\" = \"\");",
                 actual: printed + ";", verdict: .clean),
    PropertyCase(name: "enable_load_profile back to false",
                 expected: table + " PROPERTIES (\"enable_load_profile\" = \"true\");\nALTER TABLE t SET (\"enable_load_profile\" = \"false\");",
                 actual: printed + ";", verdict: .clean),
    PropertyCase(name: "lake_compaction_max_parallel back to the FE setting's shipped value",
                 expected: table + " PROPERTIES (\"lake_compaction_max_parallel\" = \"5\");\nALTER TABLE t SET (\"lake_compaction_max_parallel\" = \"3\");",
                 actual: printed + ";", verdict: .clean),
    PropertyCase(name: "lake_compaction_max_parallel set, not printed: the cluster's FE setting may equal it",
                 expected: table + " PROPERTIES (\"lake_compaction_max_parallel\" = \"5\");",
                 actual: printed + ";", verdict: .info("lake_compaction_max_parallel_default")),
    // Other spellings of the same value: no drift.
    PropertyCase(name: "enable_query_rewrite and transparent_mv_rewrite_mode false printed FALSE",
                 expected: mv("\"enable_query_rewrite\" = \"false\", \"transparent_mv_rewrite_mode\" = \"false\""),
                 actual: mv("\"enable_query_rewrite\" = \"FALSE\", \"transparent_mv_rewrite_mode\" = \"FALSE\""),
                 verdict: .clean),
    PropertyCase(name: "booleans in any case",
                 expected: table + " PROPERTIES (\"replicated_storage\" = \"true\", \"enable_load_profile\" = \"TRUE\");",
                 actual: printed + " PROPERTIES (\"replicated_storage\" = \"True\", \"enable_load_profile\" = \"true\");",
                 verdict: .clean),
    PropertyCase(name: "durations by value",
                 expected: table + " PROPERTIES (\"partition_ttl\" = \"2 days\");",
                 actual: printed + " PROPERTIES (\"partition_ttl\" = \"48 HOURS\");", verdict: .clean),
    PropertyCase(name: "lists as sets",
                 expected: mv("\"excluded_trigger_tables\" = \"b,c\""),
                 actual: mv("\"excluded_trigger_tables\" = \"c, b\""), verdict: .clean),
    PropertyCase(name: "integers by value",
                 expected: mv("\"mv_rewrite_staleness_second\" = \"060\""),
                 actual: mv("\"mv_rewrite_staleness_second\" = \"60\""), verdict: .clean),
    // Shared-data tables gain properties nobody set: known defaults, or info naming what decides them.
    PropertyCase(name: "shared-data additions",
                 expected: table + ";",
                 actual: printed + " PROPERTIES (\"cloud_native_fast_schema_evolution_v2\" = \"true\", \"file_bundling\" = \"true\", "
                    + "\"datacache.enable\" = \"true\", \"enable_async_write_back\" = \"false\", \"storage_volume\" = \"builtin_storage_volume\", "
                    + "\"compaction_strategy\" = \"default\");",
                 verdict: .info("enable_file_bundling")),
    // By-hand changes: drift.
    PropertyCase(name: "enable_load_profile turned on by hand",
                 expected: table + ";", actual: printed + " PROPERTIES (\"enable_load_profile\" = \"true\");",
                 verdict: .drift("enable_load_profile")),
    PropertyCase(name: "the migrations set true, the server shows FALSE",
                 expected: mv("\"enable_query_rewrite\" = \"true\""), actual: mv("\"enable_query_rewrite\" = \"FALSE\""),
                 verdict: .drift("enable_query_rewrite")),
    PropertyCase(name: "lake_compaction_max_parallel set by hand (printed only when not the FE setting's value)",
                 expected: table + ";", actual: printed + " PROPERTIES (\"lake_compaction_max_parallel\" = \"5\");",
                 verdict: .drift("lake_compaction_max_parallel")),
    PropertyCase(name: "colocate_with reset by hand",
                 expected: table + " PROPERTIES (\"colocate_with\" = \"g1\");", actual: printed + ";",
                 verdict: .drift("colocate_with")),
    PropertyCase(name: "an unknown property stays drift",
                 expected: table + ";", actual: printed + " PROPERTIES (\"some_future_property\" = \"x\");",
                 verdict: .drift("some_future_property")),
    PropertyCase(name: "cloud_native_fast_schema_evolution_v2 turned off by hand",
                 expected: table + ";", actual: printed + " PROPERTIES (\"cloud_native_fast_schema_evolution_v2\" = \"false\");",
                 verdict: .drift("cloud_native_fast_schema_evolution_v2")),
    PropertyCase(name: "a duration changed",
                 expected: table + " PROPERTIES (\"partition_ttl\" = \"2 days\");",
                 actual: printed + " PROPERTIES (\"partition_ttl\" = \"3 days\");", verdict: .drift("partition_ttl")),
]

@Suite struct PropertyRegistryTests {
    @Test(arguments: propertyCases)
    func verdict(_ testCase: PropertyCase) throws {
        let findings = diff(expected: try Sample.load(testCase.expected), actual: try Sample.load(testCase.actual)).findings
        let described = findings.map { "\($0.severity) \($0.kind.rawValue)@\($0.object): \($0.message)" }
        let aboveInfo = findings.filter { $0.severity > .info }
        switch testCase.verdict {
        case .clean:
            #expect(aboveInfo.isEmpty, "\(described)")
        case .drift(let key):
            #expect(aboveInfo.contains { $0.kind == .property && $0.object.hasSuffix(".properties.\(key)") }, "\(described)")
        case .info(let setting):
            #expect(aboveInfo.isEmpty, "\(described)")
            #expect(findings.contains { $0.kind == .propertyDefaultUnknown && $0.message.contains(setting) }, "\(described)")
        }
    }

    /// The seams: one decision for "is this the default", one for "are these equal".
    @Test func seamsDecideByTheRegistry() {
        #expect(Normalize.propertyValuesEqual("transparent_mv_rewrite_mode", "false", "FALSE"))
        #expect(!Normalize.propertyValuesEqual("transparent_mv_rewrite_mode", "false", "TRUE"))
        #expect(Normalize.propertyValuesEqual("bloom_filter_columns", "`a`, b", "B,a"))
        #expect(Normalize.propertyValuesEqual("datacache.partition_duration", "1 year", "12 months"))
        #expect(!Normalize.propertyValuesEqual("some_future_property", "x", "X"), "unknown keys compare as text")
        #expect(Normalize.propertyValuesEqual("excluded_trigger_tables", "db.t2,`db`.t1", "db.t1, db.t2"))
        #expect(!Normalize.propertyValuesEqual("excluded_trigger_tables", "T1", "t1"), "table names keep their case")
        #expect(Normalize.isPropertyDefault("enable_query_rewrite", value: "default", on: .materializedView, model: nil) == .isDefault)
        #expect(Normalize.isPropertyDefault("enable_query_rewrite", value: "default", on: .table, model: nil) == .notDefault,
                "an MV property is unknown on a table")
        #expect(Normalize.isPropertyDefault("lake_compaction_max_parallel", value: "3", on: .table, model: nil) == .isDefault)
        #expect(Normalize.isPropertyDefault("lake_compaction_max_parallel", value: "4", on: .table, model: nil)
                == .clusterDecides("the FE setting lake_compaction_max_parallel_default (3 unless changed)"))
        #expect(Normalize.isPropertyDefault("bloom_filter_columns", value: " ", on: .materializedView, model: nil) == .isDefault)
        #expect(Normalize.isPropertyDefault("session.query_timeout", value: "", on: .materializedView, model: nil) == .isDefault)
        #expect(Normalize.isPropertyDefault("some_future_property", value: "", on: .table, model: nil) == .notDefault)
    }

    /// Every row: a lower-case key described once per object kind, a StarRocks source, and value forms that are
    /// stable (folding a folded value changes nothing).
    @Test func registryRowsAreWellFormed() {
        var seen: Set<String> = []
        for rule in Normalize.propertyRegistry {
            #expect(rule.key == rule.key.lowercased(), "\(rule.key)")
            #expect(!rule.source.isEmpty, "\(rule.key) cites no StarRocks file")
            for kind in [PropertyObjectKind.table, .materializedView] where rule.objects.includes(kind) {
                #expect(seen.insert("\(kind):\(rule.key)").inserted, "\(rule.key) is described twice for \(kind)")
            }
            if case .fixed(let values) = rule.defaultValue {
                for value in values {
                    let folded = Normalize.propertyValue(value, key: rule.key)
                    #expect(Normalize.propertyValue(folded, key: rule.key) == folded, "\(rule.key)=\(value)")
                }
            }
        }
        #expect(Normalize.propertyRegistry.count >= 70)
    }

    /// Over the corpus: printing every boolean and enumeration property value in the other case is no drift (the
    /// FE reads them case-insensitively and newer servers print some upper-case).
    @Test func corpusValuesInTheOtherCaseAreNoDrift() throws {
        var changed = 0
        var failures: [String] = []
        for corpusCase in Corpus.cases() {
            guard let generator = try? MutationGenerator(corpusCase) else { continue }
            var lines = generator.lines
            var touched = false
            for (index, line) in lines.enumerated() where line.hasPrefix("\"") {
                let parts = line.components(separatedBy: "\" = \"")
                guard parts.count == 2 else { continue }
                let key = String(parts[0].dropFirst()).lowercased()
                guard let rule = Normalize.propertyRegistry.first(where: { $0.matches(key) }),
                      rule.values == .boolean || rule.values == .enumeration else { continue }
                let value = parts[1]
                let flipped = value == value.uppercased() ? value.lowercased() : value.uppercased()
                guard flipped != value else { continue }
                lines[index] = parts[0] + "\" = \"" + flipped
                touched = true
            }
            guard touched else { continue }
            changed += 1
            let comparison = diff(expected: generator.expected, actual: try corpusCase.actual(lines.joined(separator: "\n")))
            let aboveInfo = comparison.findings.filter { $0.severity > .info }
            if !aboveInfo.isEmpty {
                failures.append("\(corpusCase.name): " + aboveInfo.map { "\($0.kind.rawValue)@\($0.object)" }.joined(separator: ", "))
            }
        }
        print("corpus case changes: \(changed) cases with boolean/enum properties re-cased, \(failures.count) with drift")
        #expect(changed >= 20)
        #expect(failures.isEmpty, "\(failures)")
    }
}
