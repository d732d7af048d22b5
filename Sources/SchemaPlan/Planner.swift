import Findings
import SchemaDiff
import SchemaModel
import StarRocksDDL

/// Builds a plan phase by phase (see `plan(expected:actual:comparison:options:)` for the order).
struct Planner {
    let expected: Catalog
    let actual: Catalog
    let comparison: SchemaComparison
    let options: PlanOptions
    let writer: PropertyWriter

    private var databases: [PlanStep] = []
    private var dependantDrops: [PlanStep] = []
    private var tables: [PlanStep] = []
    private var views: [PlanStep] = []
    private var materializedViews: [PlanStep] = []
    /// Tables that are rebuilt or dropped: materialized views reading them are dropped first and created after.
    private var replacedTables = Set<ObjectName>()
    /// Materialized views already dropped (and, when expected, created again).
    private var recreated = Set<ObjectName>()

    init(expected: Catalog, actual: Catalog, comparison: SchemaComparison, options: PlanOptions) {
        self.expected = expected
        self.actual = actual
        self.comparison = comparison
        self.options = options
        writer = PropertyWriter(options: options)
    }

    mutating func run() -> Plan {
        let skipped = Set(comparison.notCompared.map(\.object))
        var byOwner: [String: [Finding]] = [:]
        for finding in comparison.findings where finding.severity >= options.minimumSeverity && finding.status == .drift {
            byOwner[finding.owner, default: []].append(finding)
        }
        if options.authorStyle {
            // Author style also visits tables without findings: some server-shown properties the differ skips
            // one way must still be written (see `TablePlanner.unkeptPropertySteps`).
            for (databaseName, database) in expected.databases
                where options.diff.databases?.contains(databaseName) ?? true {
                for name in database.tables.keys where actual.databases[databaseName]?.tables[name] != nil
                    && !options.diff.ignores(database: databaseName, name: name) {
                    byOwner["\(databaseName).\(name)", default: []] += []
                }
            }
        }
        // Author style plans from a server's text towards the migrations' definitions; the view comparison is
        // one-sided (a column list the migrations omit, a query the server rewrote), so a view or MV is adopted only
        // when the differ also finds drift the way `check` compares (migrations expected, server actual).
        let checkOwners: Set<String>? = options.authorStyle
            ? Set(diff(expected: actual, actual: expected, options: options.diff).findings
                .filter { $0.severity >= options.minimumSeverity }.map(\.owner))
            : nil
        for owner in byOwner.keys.sorted() where !skipped.contains(owner) {
            if let checkOwners, !checkOwners.contains(owner), isView(owner) { continue }
            let findings = byOwner[owner]!
            let parts = owner.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 1 {
                if findings.contains(where: { $0.kind == .missingDatabase }) {
                    databases.append(PlanStep(object: owner, objectKind: nil, action: .createDatabase,
                                              findingKinds: [.missingDatabase],
                                              statements: [SchemaChange.createDatabase(owner, ifNotExists: true).sql]))
                }
                continue
            }
            planObject(ObjectName(database: parts[0], name: parts[1]), findings: findings)
        }
        planDependants()
        var steps = databases + dependantDrops + tables + views + materializedViews
        addWaits(&steps)
        let notes = Array(Set(steps.flatMap(\.comments).filter { $0.contains("backend(s); written as") })).sorted()
        return Plan(steps: steps, notPlanned: comparison.notCompared, notes: notes)
    }

    /// Whether `owner` (`db.name`) is a view or materialized view on either side.
    private func isView(_ owner: String) -> Bool {
        guard let name = name(of: owner) else { return false }
        return [expected, actual].contains { catalog in
            let kind = catalog.databases[name.database]?.kind(of: name.name)
            return kind == .view || kind == .materializedView
        }
    }


    private mutating func planObject(_ name: ObjectName, findings: [Finding]) {
        let expectedDatabase = expected.databases[name.database]
        let actualDatabase = actual.databases[name.database]
        let expectedKind = expectedDatabase?.kind(of: name.name)
        let actualKind = actualDatabase?.kind(of: name.name)
        let object = name.description
        if let actualKind, actualKind != expectedKind {
            drop(name, kind: actualKind, findings: findings,
                 reason: expectedKind == nil ? "no migration creates it" : "the migrations create a \(expectedKind!.rawValue) of that name")
        }
        guard let expectedKind else { return }
        if actualKind != expectedKind {
            create(name, kind: expectedKind, findings: findings)
            return
        }
        switch expectedKind {
        case .table:
            let planner = TablePlanner(database: name.database, expected: expectedDatabase!.tables[name.name]!,
                                       actual: actualDatabase!.tables[name.name]!, findings: findings, writer: writer)
            let steps = planner.steps()
            if steps.contains(where: { $0.action == .rebuild }) { replacedTables.insert(name) }
            tables += steps
        case .view:
            let view = expectedDatabase!.views[name.name]!
            let replace = SchemaChange.createView(database: name.database, view: view, orReplace: true).sql
            views.append(PlanStep(object: object, objectKind: .view, action: .replace, findingKinds: kinds(findings),
                                  statements: [replace]))
        case .materializedView:
            let view = expectedDatabase!.materializedViews[name.name]!
            let inPlace: Set<FindingKind> = [.materializedViewRefresh, .property]
            if findings.allSatisfy({ inPlace.contains($0.kind) && ($0.kind != .property || $0.expected != nil) }) {
                materializedViews.append(alterMaterializedView(name, findings))
            } else {
                drop(name, kind: .materializedView, findings: findings, reason: "its definition differs")
                create(name, kind: .materializedView, findings: findings, view: view)
            }
        }
    }

    /// `ALTER MATERIALIZED VIEW ... REFRESH ...` / `SET (...)`: the changes StarRocks makes to an MV in place.
    private func alterMaterializedView(_ name: ObjectName, _ findings: [Finding]) -> PlanStep {
        var statements: [String] = []
        var notes: [String] = []
        for finding in findings {
            if finding.kind == .materializedViewRefresh {
                statements += finding.fixes.map(\.sql)
            } else if finding.kind == .property, case .property(let key)? = finding.part, let value = finding.expected {
                let written = writer.value(key, value, object: name.description, notes: &notes)
                statements.append(SchemaChange.alterMaterializedView(name, .set([PropertyClause(key: key, value: written)])).sql)
            }
        }
        return PlanStep(object: name.description, objectKind: .materializedView, action: .alter,
                        findingKinds: kinds(findings), statements: statements, comments: notes)
    }

    /// Drops an actual object: MVs and views before the tables they read, tables in the table phase.
    private mutating func drop(_ name: ObjectName, kind: ObjectKind, findings: [Finding], reason: String) {
        let statement = SchemaChange.drop(name, kind).sql
        switch kind {
        case .table:
            replacedTables.insert(name)
            tables.append(PlanStep(object: name.description, objectKind: .table, action: .drop,
                                   findingKinds: kinds(findings), statements: [statement],
                                   losesData: true,
                                   comments: ["loses data: drops table \(name) and all its rows (\(reason))"]))
        case .view:
            dependantDrops.append(PlanStep(object: name.description, objectKind: .view, action: .drop,
                                           findingKinds: kinds(findings), statements: [statement],
                                           comments: ["drops view \(name) (\(reason))"]))
        case .materializedView:
            recreated.insert(name)
            dependantDrops.append(PlanStep(object: name.description, objectKind: .materializedView, action: .drop,
                                           findingKinds: kinds(findings),
                                           statements: [statement],
                                           comments: ["drops materialized view \(name) and its stored rows (\(reason))"]))
        }
    }

    /// Creates an expected object in its phase.
    private mutating func create(_ name: ObjectName, kind: ObjectKind, findings: [Finding],
                                 view materialized: MaterializedView? = nil) {
        guard let database = expected.databases[name.database] else { return }
        switch kind {
        case .table:
            let definition = TableDefinition.written(database.tables[name.name]!, writer: writer,
                                                     object: name.description)
            let statements = SchemaChange.createTable(database: name.database, table: definition.table).statements
            tables.append(PlanStep(object: name.description, objectKind: .table, action: .create,
                                   findingKinds: kinds(findings), statements: statements,
                                   comments: definition.notes))
        case .view:
            let text = SchemaChange.createView(database: name.database, view: database.views[name.name]!).sql
            views.append(PlanStep(object: name.description, objectKind: .view, action: .create,
                                  findingKinds: kinds(findings), statements: [text]))
        case .materializedView:
            let written = TableDefinition.written(materialized ?? database.materializedViews[name.name]!,
                                                  writer: writer, object: name.description)
            let text = SchemaChange.createMaterializedView(database: name.database, view: written.view).sql
            materializedViews.append(PlanStep(
                object: name.description, objectKind: .materializedView, action: .create,
                findingKinds: kinds(findings), statements: [text],
                comments: written.notes + ["a refresh follows: the materialized view is empty until its first refresh "
                    + "(REFRESH MATERIALIZED VIEW \(SQLQuoting.qualified(name.database, name.name)))"]))
        }
    }

    /// Materialized views that read a rebuilt or dropped table: dropped before it and created again after (a SWAP
    /// or DROP leaves them inactive).
    private mutating func planDependants() {
        guard !replacedTables.isEmpty else { return }
        for databaseName in actual.databaseNames {
            let database = actual.databases[databaseName]!
            for (viewName, view) in database.materializedViews.sorted(by: { $0.key < $1.key }) {
                let name = ObjectName(database: databaseName, name: viewName)
                guard !recreated.contains(name),
                      let base = replacedTables.sorted().first(where: { reads(view.query, $0, from: databaseName) }),
                      expected.databases[databaseName]?.materializedViews[viewName] != nil
                else { continue }
                drop(name, kind: .materializedView, findings: [],
                     reason: "it reads \(base), which is \(expected.databases[base.database]?.tables[base.name] == nil ? "dropped" : "rebuilt")")
                create(name, kind: .materializedView, findings: [])
            }
        }
    }

    /// Whether `query` names `table` (bare in its own database, or qualified).
    private func reads(_ query: QueryText, _ table: ObjectName, from database: String) -> Bool {
        let tokens = query.tokens
        for (index, token) in tokens.enumerated() where token.kind != .string
            && token.text.lowercased() == table.name.lowercased() {
            let qualifiedBy = index >= 2 && tokens[index - 1].text == "." ? tokens[index - 2].text.lowercased() : nil
            if (qualifiedBy ?? database.lowercased()) == table.database.lowercased() { return true }
            if qualifiedBy != nil && index >= 4 && tokens[index - 3].text == "." { continue }
        }
        return false
    }

    /// Marks each step that follows a schema-change job on the same table (or creates an MV reading it) as waiting.
    private func addWaits(_ steps: inout [PlanStep]) {
        var running: [String: SchemaChangeJobKind] = [:]
        for index in steps.indices {
            let object = steps[index].object
            if let kind = running[object] {
                steps[index].waitsFor = object
                steps[index].waitsForJob = kind
                running[object] = nil
            } else if steps[index].objectKind == .materializedView, steps[index].action == .create,
                      let name = name(of: object),
                      let view = expected.databases[name.database]?.materializedViews[name.name],
                      let base = running.keys.sorted().first(where: { reads(view.query, self.name(of: $0)!, from: name.database) }) {
                steps[index].waitsFor = base
                steps[index].waitsForJob = running[base] ?? .column
                running[base] = nil
            }
            if steps[index].startsSchemaChangeJob { running[object] = steps[index].jobKind }
        }
    }

    private func name(of object: String) -> ObjectName? {
        let parts = object.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? ObjectName(database: parts[0], name: parts[1]) : nil
    }
}
