import SchemaModel
import StarRocksDDL

/// Rules `hard-coded-buckets` and `hard-coded-replication-num`: settings that belong to the cluster, not the
/// migration. Omitting BUCKETS lets StarRocks pick the bucket count (and the server then prints none); a literal
/// `replication_num` cannot fit both a one-BE dev cluster and a three-BE prod cluster (the replication trap).
enum HardCodedSettingsRules {
    /// The property keys that set a replica count.
    static let replicationKeys: Set<String> = ["replication_num", "default.replication_num",
                                               "dynamic_partition.replication_num"]

    /// Findings for the statement in `context`.
    static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        let (object, distributions, properties) = settings(of: context)
        guard let object else { return [] }
        for distribution in distributions {
            guard let buckets = distribution.buckets else { continue }
            findings.append(context.finding(
                .hardCodedBuckets, at: context.location(of: "BUCKETS"), object: object,
                message: "DISTRIBUTED BY hard-codes BUCKETS \(buckets) for \(object)",
                fix: "omit BUCKETS (`DISTRIBUTED BY \(describe(distribution.method))`) so StarRocks sizes buckets "
                    + "automatically"))
        }
        for property in properties where replicationKeys.contains(property.key.lowercased())
            && !property.value.contains("${") {
            findings.append(context.finding(
                .hardCodedReplicationNum, at: StatementText.location(ofQuoted: property.key, in: context.parsed),
                object: object,
                message: "\"\(property.key)\" = \"\(property.value)\" is hard-coded for \(object); it must not exceed "
                    + "the alive BEs of every environment",
                fix: "write \"\(property.key)\" = \"${replication_num}\" and set `variables: {replication_num: \"N\"}` "
                    + "in each environment file"))
        }
        return findings
    }

    /// The object, the DISTRIBUTED BY clauses and the properties a statement writes.
    static func settings(of context: LintContext)
        -> (String?, [DistributedByClause], [PropertyClause]) {
        switch context.parsed.statement {
        case let .createTable(create):
            var properties = create.properties
            if case let .range(range)? = create.partitionBy { properties += range.elements.flatMap(elementProperties) }
            if case let .list(list)? = create.partitionBy { properties += list.elements.flatMap(elementProperties) }
            return (context.resolve(create.name).description, create.distributedBy.map { [$0] } ?? [], properties)
        case let .createMaterializedView(create):
            let distributions = create.distributedBy.map { [$0] } ?? []
            return (context.resolve(create.name).description, distributions, create.properties)
        case let .alterTable(alter):
            var distributions: [DistributedByClause] = []
            var properties: [PropertyClause] = []
            for clause in alter.clauses {
                switch clause {
                case let .distributedBy(distribution, _): distributions.append(distribution)
                case let .set(set): properties += set
                case let .modifyPartition(_, set): properties += set
                case let .addPartition(add):
                    distributions += add.distributedBy.map { [$0] } ?? []
                    properties += add.properties + elementProperties(add.element)
                default: break
                }
            }
            return (context.resolve(alter.name).description, distributions, properties)
        case let .alterMaterializedView(alter):
            if case let .set(set) = alter.action { return (context.resolve(alter.name).description, [], set) }
            return (nil, [], [])
        case let .createDatabase(create):
            return ("database \(create.name)", [], create.properties)
        default:
            return (nil, [], [])
        }
    }

    /// Per-partition properties: `PARTITION p VALUES LESS THAN ("x") ("replication_num" = "1")`.
    static func elementProperties(_ element: PartitionElementClause) -> [PropertyClause] {
        switch element {
        case let .range(range): return range.properties
        case let .list(list): return list.properties
        case .batch: return []
        }
    }

    /// `HASH(a, b)` or `RANDOM`.
    static func describe(_ method: DistributedByClause.Method) -> String {
        switch method {
        case let .hash(columns): return "HASH(\(columns.joined(separator: ", ")))"
        case .random: return "RANDOM"
        }
    }
}
