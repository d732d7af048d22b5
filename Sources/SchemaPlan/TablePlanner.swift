import Findings
import Foundation
import SchemaModel
import StarRocksDDL

/// Plans one table present on both sides: a rebuild when any change cannot be made in place, otherwise in-place
/// steps: statements that start no job first, then one step per schema-change job (column changes combined into one
/// ALTER TABLE), each after the previous job on the table finished.
struct TablePlanner {
    let database: String
    let expected: Table
    let actual: Table
    let findings: [Finding]
    let writer: PropertyWriter

    /// Properties StarRocks fixes at CREATE TABLE and cannot ALTER.
    static let immutableProperties: Set<String> = ["compression", "storage_volume", "storage_format",
                                                   "persistent_index_type", "bucket_size"]

    /// Finding kinds a rebuild resolves and in-place statements cannot.
    static let rebuildKinds: Set<FindingKind> = [.keyModel, .keyColumns, .partitionMethod, .partitionColumns,
                                                 .distributionMethod, .columnAggregate, .columnAutoIncrement,
                                                 .columnGenerated]

    var object: String { "\(database).\(expected.name)" }
    /// The table's name, typed.
    var name: ObjectName { ObjectName(database: database, name: expected.name) }

    /// `ALTER TABLE db.t <clauses>`.
    func alter(_ clauses: AlterTableClause...) -> SchemaChange { .alterTable(name, clauses) }

    /// The steps, in order; the caller adds `waitsFor`.
    func steps() -> [PlanStep] {
        let reasons = rebuildReasons()
        if !reasons.isEmpty {
            let recipe = RebuildRecipe(database: database, expected: expected, actual: actual, reasons: reasons)
            return [recipe.step(findingKinds: kinds(findings), writer: writer)]
        }
        var quick: [PlanStep] = []
        var jobs: [PlanStep] = []
        jobs += columnSteps()
        for finding in findings {
            switch finding.kind {
            case .tableComment:
                if !finding.fixes.isEmpty { quick.append(step(.alter, [finding.kind], finding.fixes)) }
            case .property:
                quick.append(propertyStep(finding))
            case .partitionMissing:
                quick.append(partitionStep(finding))
            case .partitionUnexpected:
                guard case .partition(let partition)? = finding.part else { continue }
                quick.append(step(.alter, [finding.kind],
                                  [alter(.dropPartition(DropPartitionClause(names: [partition])))],
                                  losesData: true,
                                  comments: ["loses data: drops partition \(partition) and its rows"]))
            case .orderBy, .distributionColumns, .bucketCount, .missingIndex, .unexpectedIndex:
                if !finding.fixes.isEmpty { jobs.append(step(.alter, [finding.kind], finding.fixes)) }
            case .indexDefinition:
                // Each statement (DROP INDEX, then CREATE INDEX) is a job of its own.
                guard case .index(let index)? = finding.part else { continue }
                for (offset, change) in finding.fixes.enumerated() {
                    jobs.append(step(.alter, [finding.kind], [change],
                                     comments: offset == 0 ? ["drops index \(index) to add it again with the expected definition"] : []))
                }
            default:
                continue
            }
        }
        if writer.options.authorStyle { quick += unkeptPropertySteps() }
        return quick + jobs
    }

    /// Author style: a property the server shows with a non-default value that StarRocks may drop from its output
    /// (`in_memory`, `enable_persistent_index`, ...): the differ skips it when only the expected side has it, so it
    /// is set explicitly.
    func unkeptPropertySteps() -> [PlanStep] {
        let wanted = Normalize.properties(expected.properties)
        let present = Normalize.properties(actual.properties)
        let model = Normalize.table(expected).key?.model
        return Normalize.droppedUserProperties.sorted().compactMap { key in
            guard let value = wanted[key], present[key] != value,
                  Normalize.isPropertyDefault(key, value: value, on: .table, model: model) != .isDefault,
                  !findings.contains(where: { $0.part == .property(key) }) else { return nil }
            return step(.alter, [.property], [alter(.set([PropertyClause(key: key, value: value)]))])
        }
    }

    /// Phrases naming what cannot change in place; empty when everything can.
    func rebuildReasons() -> [String] {
        var reasons: [String] = []
        for finding in findings {
            let what = "\(finding.kind.rawValue.replacingOccurrences(of: "_", with: " ")) (\(finding.actual ?? "none") → \(finding.expected ?? "none"))"
            if Self.rebuildKinds.contains(finding.kind) {
                reasons.append(what)
            } else if finding.kind == .property, case .property(let key)? = finding.part,
                      Self.immutableProperties.contains(key) {
                reasons.append("immutable property \(key) (\(finding.actual ?? "none") → \(finding.expected ?? "none"))")
            }
        }
        guard !expected.columns.isEmpty else { return reasons }
        let normalizedExpected = Normalize.table(expected)
        let normalizedActual = Normalize.table(actual)
        let actualKeys = Set((normalizedActual.key?.columns ?? []).map { $0.lowercased() })
        for column in normalizedExpected.columns {
            guard let other = normalizedActual.columns.first(where: { $0.name.lowercased() == column.name.lowercased() })
            else { continue }
            if !TypeChange.isWidening(from: other.type, to: column.type) {
                reasons.append("type of column \(column.name) (\(other.type) → \(column.type))")
            }
            if column.nullable == false, other.nullable != false {
                reasons.append("column \(column.name) NULL → NOT NULL")
            }
        }
        let partitionColumns = Set(partitionColumnNames(normalizedActual.partitioning))
        if normalizedActual.key?.model == .primary || !partitionColumns.isEmpty {
            let sortColumns = normalizedActual.key?.model == .primary
                ? Set((normalizedActual.orderBy ?? []).map { $0.lowercased() }).union(actualKeys) : []
            for column in normalizedExpected.columns where sortColumns.contains(column.name.lowercased())
                || partitionColumns.contains(column.name.lowercased()) {
                guard let other = normalizedActual.columns.first(where: { $0.name.lowercased() == column.name.lowercased() }),
                      other != column else { continue }
                if !sortColumns.contains(column.name.lowercased()), other.type == column.type,
                   other.nullable == column.nullable { continue }
                reasons.append(partitionColumns.contains(column.name.lowercased())
                    ? "partition column \(column.name)" : "key or sort column \(column.name) of a PRIMARY KEY table")
            }
        }
        if actual.key == nil, expected.columns.contains(where: { actual.column(named: $0.name) == nil }),
           Normalize.inferredDuplicateKey(expected.columns) != normalizedExpected.key {
            reasons.append("the key StarRocks inferred from the first columns (no key clause)")
        }
        for column in normalizedActual.columns where actualKeys.contains(column.name.lowercased())
            && !normalizedExpected.columns.contains(where: { $0.name.lowercased() == column.name.lowercased() }) {
            reasons.append("key column \(column.name) dropped")
        }
        return reasons
    }

    /// The columns partition expressions name (`dt` in `date_trunc('day', dt)`), lower-cased.
    func partitionColumnNames(_ partitioning: Partitioning?) -> [String] {
        let expressions: [String]
        switch partitioning {
        case .range(let range)?: expressions = range.expressions
        case .list(let list)?: expressions = list.columns
        case .expression(let list)?: expressions = list
        case nil: return []
        }
        return expressions.flatMap { $0.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { $0.lowercased() } }
            .filter { actual.column(named: $0) != nil }
    }

    /// One ALTER TABLE with every column change (StarRocks runs ADD, DROP and MODIFY COLUMN clauses of one statement
    /// as one job), then one ALTER TABLE adding the missing generated columns; empty when the columns agree. The
    /// clauses are the differ's typed fixes, merged per column (a column with several differences is modified once,
    /// at its expected position when it moved) and ordered: drops first, then additions and modifications in the
    /// expected column order, so each FIRST/AFTER names a column already in place. Generated columns stay at the end
    /// of a StarRocks table and take no position, so they are added by a statement of their own after the others.
    func columnSteps() -> [PlanStep] {
        let columnKinds: Set<FindingKind> = [.missingColumn, .unexpectedColumn, .columnType, .columnNullability,
                                             .columnDefault, .columnComment, .columnPosition]
        let relevant = findings.filter { columnKinds.contains($0.kind) }
        guard !relevant.isEmpty, !expected.columns.isEmpty else { return [] }
        var drops: [String] = []
        var placed: [String: AlterTableClause] = [:]
        var comments: [String] = []
        for finding in relevant {
            for case .alterTable(_, let clauses) in finding.fixes {
                for clause in clauses {
                    switch clause {
                    case .dropColumn(let drop):
                        if !drops.contains(drop.name) { drops.append(drop.name) }
                    case .addColumn(let add):
                        if let column = add.columns.first { placed[column.name.lowercased()] = clause }
                    case .modifyColumn(.definition(let definition, let position, _)):
                        let key = definition.name.lowercased()
                        if placed[key] == nil || position != nil { placed[key] = clause }
                    default:
                        continue
                    }
                }
            }
            if finding.kind == .columnType, case .column(let column)? = finding.part,
               let before = finding.actual, let after = finding.expected {
                comments.append("converts data: column \(column) widens from \(before) to \(after) (no value changes)")
            }
        }
        let dropComments = drops.map { "loses data: drops column \($0) and its values" }
        let ordered = expected.columns.compactMap { placed[$0.name.lowercased()] }
        let generated = ordered.filter(Self.addsGeneratedColumn)
        let clauses = drops.map { AlterTableClause.dropColumn(DropColumnClause(name: $0)) }
            + ordered.filter { !Self.addsGeneratedColumn($0) }
        var steps: [PlanStep] = []
        if !clauses.isEmpty {
            steps.append(step(.alter, kinds(relevant), [.alterTable(name, clauses)], losesData: !drops.isEmpty,
                              comments: dropComments + comments))
        }
        if !generated.isEmpty {
            steps.append(step(.alter, [.missingColumn], [.alterTable(name, generated)],
                              comments: ["generated columns are added last, without a position, as StarRocks requires"]))
        }
        return steps
    }

    /// `ALTER TABLE ... SET` for a property the migrations set (or the environment pins); a property only the server
    /// has is set back to its default when StarRocks has one, else left to a person.
    func propertyStep(_ finding: Finding) -> PlanStep {
        guard case .property(let key)? = finding.part else {
            return step(.manual, [finding.kind], [], comments: ["manual: \(finding.object): \(finding.message)"])
        }
        var notes: [String] = []
        if let value = finding.expected {
            let written = writer.value(key, value, object: object, notes: &notes)
            return step(.alter, [finding.kind], [alter(.set([PropertyClause(key: key, value: written)]))],
                        comments: notes)
        }
        if let fallback = Normalize.propertyResetValue(key, on: .table) {
            return step(.alter, [finding.kind], [alter(.set([PropertyClause(key: key, value: fallback)]))],
                        comments: ["StarRocks cannot unset \(key): it is set back to its default"])
        }
        return step(.manual, [finding.kind], [],
                    comments: ["manual: \(key) = \"\(finding.actual ?? "")\" is set on the server but no migration sets it, "
                        + "and StarRocks cannot unset a property: add it to a migration or set the value you want"])
    }

    /// `ADD PARTITION` for a missing partition; a partition with other bounds or values is dropped and added again.
    func partitionStep(_ finding: Finding) -> PlanStep {
        guard case .partition(let partition)? = finding.part, let element = expectedPartition(partition) else {
            return step(.manual, [finding.kind], [], comments: ["manual: \(finding.object): \(finding.message)"])
        }
        let add = alter(.addPartition(AddPartitionClause(element: element)))
        guard finding.actual != nil else { return step(.alter, [finding.kind], [add]) }
        return step(.alter, [finding.kind], [alter(.dropPartition(DropPartitionClause(names: [partition]))), add],
                    losesData: true,
                    comments: ["loses data: partition \(partition) holds \(finding.actual!) on the server; it is dropped with "
                        + "its rows and added again as \(finding.expected ?? "")"])
    }

    /// The expected definition of the partition called `partition` (START/END/EVERY batches expanded, as the differ
    /// compares them), as syntax.
    func expectedPartition(_ partition: String) -> PartitionElementClause? {
        switch Normalize.table(expected).partitioning {
        case .range(let range)?: return range.partitions.first { $0.name == partition }?.clause
        case .list(let list)?: return list.partitions.first { $0.name == partition }?.clause
        default: return nil
        }
    }

    /// Whether `clause` adds a generated column (`ADD COLUMN g ... AS (expr)`).
    static func addsGeneratedColumn(_ clause: AlterTableClause) -> Bool {
        guard case .addColumn(let add) = clause else { return false }
        return add.columns.contains { $0.generatedExpression != nil }
    }

    /// A step of `changes`; it starts a schema-change job exactly when one of its statements does
    /// (`SchemaChange.startsSchemaChangeJob`, the rule lint, upgrade and the simulator use).
    private func step(_ action: PlanAction, _ kinds: [FindingKind], _ changes: [SchemaChange],
                      losesData: Bool = false, comments: [String] = []) -> PlanStep {
        PlanStep(object: object, objectKind: .table, action: action, findingKinds: kinds,
                 statements: changes.flatMap(\.statements),
                 startsSchemaChangeJob: changes.contains(where: \.startsSchemaChangeJob), losesData: losesData,
                 comments: comments)
    }
}

/// The distinct kinds of `findings`, in order of first appearance.
func kinds(_ findings: [Finding]) -> [FindingKind] {
    var seen = Set<FindingKind>()
    return findings.map(\.kind).filter { seen.insert($0).inserted }
}
