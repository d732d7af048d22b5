import SchemaModel
import StarRocksDDL

/// Rule `change-not-in-place`: StarRocks cannot change a table's key model, partition method or distribution
/// method in place. An `ALTER TABLE ... DISTRIBUTED BY` that switches HASH/RANDOM fails, and a
/// `CREATE TABLE IF NOT EXISTS` over an existing table with another layout silently keeps the old one.
/// (DROP TABLE followed by CREATE TABLE is fine: the table no longer exists when it is created.)
enum InPlaceChangeRule {
    /// The advice shared by every finding of this rule.
    static let rebuildAdvice = "create the new layout under another name, copy the data (INSERT INTO new SELECT ... "
        + "FROM old), then ALTER TABLE old SWAP WITH new; or DROP TABLE and CREATE TABLE when the data can go"

    /// Findings for the statement in `context`.
    static func check(_ context: LintContext) -> [LintFinding] {
        switch context.parsed.statement {
        case let .alterTable(alter):
            let name = context.resolve(alter.name)
            guard let table = context.table(name) else { return [] }
            let current = methodName(table.distribution?.method)
            var findings: [LintFinding] = []
            for case let .distributedBy(distribution, partitions) in alter.clauses where partitions.isEmpty {
                let wanted = methodName(distribution.method)
                guard wanted != current else { continue }
                findings.append(context.finding(
                    .changeNotInPlace, at: context.location(of: "DISTRIBUTED"), object: name,
                    message: "ALTER TABLE changes the distribution method of \(name) from \(current) to \(wanted), "
                        + "which StarRocks cannot do in place",
                    fix: rebuildAdvice))
            }
            return findings
        case let .createTable(create) where create.ifNotExists:
            let name = context.resolve(create.name)
            guard let table = context.table(name) else { return [] }
            var changes: [String] = []
            let oldKey = table.key?.model.rawValue ?? KeyModel.duplicate.rawValue
            let newKey = create.key?.model.rawValue ?? KeyModel.duplicate.rawValue
            if oldKey != newKey { changes.append("key model \(oldKey) KEY -> \(newKey) KEY") }
            let oldPartition = partitionMethod(table.partitioning)
            let newPartition = partitionMethod(create.partitionBy)
            if oldPartition != newPartition { changes.append("partition method \(oldPartition) -> \(newPartition)") }
            let oldDistribution = methodName(table.distribution?.method)
            let newDistribution = methodName(create.distributedBy?.method)
            if oldDistribution != newDistribution {
                changes.append("distribution method \(oldDistribution) -> \(newDistribution)")
            }
            guard !changes.isEmpty else { return [] }
            return [context.finding(
                .changeNotInPlace, at: context.parsed.location, object: name,
                message: "CREATE TABLE IF NOT EXISTS \(name) does nothing because the table already exists, so "
                    + "its \(changes.joined(separator: ", ")) never happens; StarRocks cannot make these changes "
                    + "in place",
                fix: rebuildAdvice)]
        default:
            return []
        }
    }

    /// `HASH` or `RANDOM` (no DISTRIBUTED BY clause means RANDOM on the server).
    static func methodName(_ method: Distribution.Method?) -> String {
        if case .hash? = method { return "HASH" }
        return "RANDOM"
    }

    /// `HASH` or `RANDOM` for a syntax clause.
    static func methodName(_ method: DistributedByClause.Method?) -> String {
        if case .hash? = method { return "HASH" }
        return "RANDOM"
    }

    /// The model's partition method name.
    static func partitionMethod(_ partitioning: Partitioning?) -> String {
        switch partitioning {
        case .range?: return "RANGE"
        case .list?: return "LIST"
        case .expression?: return "expression"
        case nil: return "none"
        }
    }

    /// The syntax's partition method name.
    static func partitionMethod(_ partitionBy: PartitionByClause?) -> String {
        switch partitionBy {
        case .range?: return "RANGE"
        case .list?: return "LIST"
        case .expression?: return "expression"
        case nil: return "none"
        }
    }
}
