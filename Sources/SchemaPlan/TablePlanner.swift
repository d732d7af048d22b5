import SchemaDiff
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
    var qualified: String { SQLQuoting.qualified(database, expected.name) }

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
                if let sql = finding.fixSQL { quick.append(step(.alter, [finding.kind], [sql])) }
            case .property:
                quick.append(propertyStep(finding))
            case .partitionMissing:
                quick.append(partitionStep(finding))
            case .partitionUnexpected:
                let name = partitionName(finding)
                quick.append(step(.alter, [finding.kind],
                                  ["ALTER TABLE \(qualified) DROP PARTITION \(SQLQuoting.backticked(name));"],
                                  losesData: true,
                                  comments: ["loses data: drops partition \(name) and its rows"]))
            case .orderBy, .distributionColumns, .bucketCount, .missingIndex, .unexpectedIndex:
                if let sql = finding.fixSQL { jobs.append(step(.alter, [finding.kind], [sql], job: true)) }
            case .indexDefinition:
                guard let sql = finding.fixSQL, let split = sql.range(of: "; ") else { continue }
                jobs.append(step(.alter, [finding.kind], [String(sql[..<split.lowerBound]) + ";"], job: true,
                                 comments: ["drops index \(partitionName(finding)) to add it again with the expected definition"]))
                jobs.append(step(.alter, [finding.kind], [String(sql[split.upperBound...])], job: true))
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
                  !findings.contains(where: { $0.object.hasSuffix(".properties.\(key)") }) else { return nil }
            return step(.alter, [.property], ["ALTER TABLE \(qualified) SET (\(SQLQuoting.doubleQuoted(key)) = \(SQLQuoting.doubleQuoted(value)));"])
        }
    }

    /// Phrases naming what cannot change in place; empty when everything can.
    func rebuildReasons() -> [String] {
        var reasons: [String] = []
        for finding in findings {
            let what = "\(finding.kind.rawValue.replacingAll("_", with: " ")) (\(finding.actual ?? "none") → \(finding.expected ?? "none"))"
            if Self.rebuildKinds.contains(finding.kind) {
                reasons.append(what)
            } else if finding.kind == .property, Self.immutableProperties.contains(propertyKey(finding)) {
                reasons.append("immutable property \(propertyKey(finding)) (\(finding.actual ?? "none") → \(finding.expected ?? "none"))")
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
    /// as one job), then one ALTER TABLE adding the missing generated columns; empty when the columns agree.
    ///
    /// Generated columns stay at the end of a StarRocks table and take no position: `ADD COLUMN g ... AS expr` is
    /// written without FIRST/AFTER and appended after every other column change (its own statement, so no clause of
    /// the other job has to refer to it).
    func columnSteps() -> [PlanStep] {
        let columnKinds: Set<FindingKind> = [.missingColumn, .unexpectedColumn, .columnType, .columnNullability,
                                             .columnDefault, .columnComment, .columnPosition]
        let relevant = findings.filter { columnKinds.contains($0.kind) }
        guard !relevant.isEmpty, !expected.columns.isEmpty else { return [] }
        func visible(_ column: Column) -> Bool {
            !column.name.lowercased().hasPrefix(Normalize.generatedPartitionColumnPrefix)
        }
        let normalizedExpected = Dictionary(Normalize.table(expected).columns.map { ($0.name.lowercased(), $0) },
                                            uniquingKeysWith: { first, _ in first })
        let normalizedActual = Dictionary(Normalize.table(actual).columns.map { ($0.name.lowercased(), $0) },
                                          uniquingKeysWith: { first, _ in first })
        var clauses: [String] = []
        var generated: [String] = []
        var comments: [String] = []
        var current = actual.columns.filter(visible).map { $0.name.lowercased() }
        for column in actual.columns.filter(visible) where expected.column(named: column.name) == nil {
            clauses.append("DROP COLUMN \(SQLQuoting.backticked(column.name))")
            comments.append("loses data: drops column \(column.name) and its values")
            current.removeAll { $0 == column.name.lowercased() }
        }
        let wanted = expected.columns.filter(visible)
        for (index, column) in wanted.enumerated() {
            let name = column.name.lowercased()
            let previous = index == 0 ? nil : wanted[index - 1].name.lowercased()
            let target = previous.flatMap { current.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            let position = index == 0 ? "FIRST" : "AFTER \(SQLQuoting.backticked(wanted[index - 1].name))"
            guard let at = current.firstIndex(of: name) else {
                if column.generatedExpression != nil {
                    if let definition = expected.columnDefinitionSQL(named: column.name) {
                        generated.append("ADD COLUMN \(definition)")
                    }
                    current.append(name)
                    continue
                }
                if let definition = expected.columnDefinitionSQL(named: column.name) {
                    clauses.append("ADD COLUMN \(definition) \(position)")
                }
                current.insert(name, at: target)
                continue
            }
            let differs = normalizedExpected[name] != normalizedActual[name]
            let misplaced = at != target
            guard differs || misplaced, let definition = expected.columnDefinitionSQL(named: column.name) else { continue }
            clauses.append("MODIFY COLUMN \(definition)" + (misplaced ? " \(position)" : ""))
            if let before = normalizedActual[name], let after = normalizedExpected[name], before.type != after.type {
                comments.append("converts data: column \(column.name) widens from \(before.type) to \(after.type) (no value changes)")
            }
            current.remove(at: at)
            current.insert(name, at: at < target ? target - 1 : target)
        }
        var steps: [PlanStep] = []
        if !clauses.isEmpty {
            let statement = "ALTER TABLE \(qualified) " + clauses.joined(separator: ",\n    ") + ";"
            steps.append(step(.alter, kinds(relevant), [statement], job: true,
                              losesData: comments.contains { $0.hasPrefix("loses data") }, comments: comments))
        }
        if !generated.isEmpty {
            let statement = "ALTER TABLE \(qualified) " + generated.joined(separator: ",\n    ") + ";"
            steps.append(step(.alter, [.missingColumn], [statement], job: true,
                              comments: ["generated columns are added last, without a position, as StarRocks requires"]))
        }
        return steps
    }

    /// `ALTER TABLE ... SET` for a property the migrations set (or the environment pins); a property only the server
    /// has is set back to its default when StarRocks has one, else left to a person.
    func propertyStep(_ finding: Finding) -> PlanStep {
        let key = propertyKey(finding)
        var notes: [String] = []
        if let value = finding.expected {
            let written = writer.value(key, value, object: object, notes: &notes)
            return step(.alter, [finding.kind], ["ALTER TABLE \(qualified) SET (\(SQLQuoting.doubleQuoted(key)) = \(SQLQuoting.doubleQuoted(written)));"],
                        comments: notes)
        }
        if let fallback = Normalize.propertyResetValue(key, on: .table) {
            return step(.alter, [finding.kind], ["ALTER TABLE \(qualified) SET (\(SQLQuoting.doubleQuoted(key)) = \(SQLQuoting.doubleQuoted(fallback)));"],
                        comments: ["StarRocks cannot unset \(key): it is set back to its default"])
        }
        return step(.manual, [finding.kind], [],
                    comments: ["manual: \(key) = \"\(finding.actual ?? "")\" is set on the server but no migration sets it, "
                        + "and StarRocks cannot unset a property: add it to a migration or set the value you want"])
    }

    /// `ADD PARTITION` for a missing partition; a partition with other bounds or values is dropped and added again.
    func partitionStep(_ finding: Finding) -> PlanStep {
        let name = partitionName(finding)
        let isList: Bool
        if case .list? = expected.partitioning { isList = true } else { isList = false }
        let add = "ALTER TABLE \(qualified) ADD PARTITION \(SQLQuoting.backticked(name)) VALUES "
            + (isList ? "IN " : "") + (finding.expected ?? "") + ";"
        guard finding.actual != nil else { return step(.alter, [finding.kind], [finding.fixSQL ?? add]) }
        return step(.alter, [finding.kind], ["ALTER TABLE \(qualified) DROP PARTITION \(SQLQuoting.backticked(name));", add],
                    losesData: true,
                    comments: ["loses data: partition \(name) holds \(finding.actual!) on the server; it is dropped with "
                        + "its rows and added again as \(finding.expected ?? "")"])
    }

    private func step(_ action: PlanAction, _ kinds: [FindingKind], _ statements: [String], job: Bool = false,
                      losesData: Bool = false, comments: [String] = []) -> PlanStep {
        PlanStep(object: object, objectKind: .table, action: action, findingKinds: kinds, statements: statements,
                 startsSchemaChangeJob: job, losesData: losesData, comments: comments)
    }

    private func propertyKey(_ finding: Finding) -> String {
        finding.object.components(after: ".properties.")
    }

    private func partitionName(_ finding: Finding) -> String {
        finding.object.range(of: ".partitions.") != nil ? finding.object.components(after: ".partitions.")
            : finding.object.components(after: ".indexes.")
    }
}

/// The distinct kinds of `findings`, in order of first appearance.
func kinds(_ findings: [Finding]) -> [FindingKind] {
    var seen = Set<FindingKind>()
    return findings.map(\.kind).filter { seen.insert($0).inserted }
}

extension String {
    /// The text after the first `marker` (the whole text when there is none).
    func components(after marker: String) -> String {
        guard let range = range(of: marker) else { return self }
        return String(self[range.upperBound...])
    }
}
