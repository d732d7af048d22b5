import Findings
import SchemaModel
import StarRocksDDL

/// What a step does to its object.
public enum PlanAction: String, Hashable, Sendable, Codable {
    /// `CREATE DATABASE`.
    case createDatabase = "create_database"
    /// `CREATE TABLE | VIEW | MATERIALIZED VIEW`.
    case create
    /// `ALTER TABLE | MATERIALIZED VIEW` in place.
    case alter
    /// `CREATE OR REPLACE VIEW`.
    case replace
    /// New table with the expected definition, copy, `SWAP WITH`, drop the old one.
    case rebuild
    /// `DROP TABLE | VIEW | MATERIALIZED VIEW`.
    case drop
    /// Nothing can be emitted: a person must decide (the comment says why).
    case manual
}

/// One step of a plan: statements on one object that run together.
///
/// ```sql
/// -- wait: analytics.events (SHOW ALTER TABLE COLUMN FROM `analytics` WHERE TableName = "events")
/// ALTER TABLE `analytics`.`events` ADD COLUMN `utm_medium` varchar(100) AFTER `utm_campaign`;
/// ```
public struct PlanStep: Hashable, Sendable, Codable {
    /// `db.name` of the object the step changes.
    public var object: String
    /// The object's kind (`nil` for a database).
    public var objectKind: ObjectKind?
    /// What the step does.
    public var action: PlanAction
    /// The kinds of the findings the step resolves.
    public var findingKinds: [FindingKind]
    /// Statements in order, each ending in `;`, names qualified by their database.
    public var statements: [String]
    /// Whether the step starts an asynchronous schema-change job (`SHOW ALTER TABLE COLUMN` lists it).
    public var startsSchemaChangeJob: Bool
    /// Whether the step drops or converts data.
    public var losesData: Bool
    /// Sentences for people: what the step does, what data it drops or converts, what follows.
    public var comments: [String]
    /// `db.table` whose running schema-change job must finish before this step starts.
    public var waitsFor: String?
    /// The list that shows the job `waitsFor` names (`SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE`).
    public var waitsForJob: SchemaChangeJobKind = .column

    /// The job the step's statements start, by the rules `lint`, `upgrade` and the simulator share
    /// (`SchemaChangeJobs`); `.column` when they cannot be read.
    public var jobKind: SchemaChangeJobKind {
        for statement in statements {
            guard let parsed = try? DDLParser.parse(statement, file: "plan").first else { continue }
            if let job = SchemaChangeJobs.job(for: parsed.statement, defaultDatabase: "") { return job.kind }
        }
        return .column
    }

    /// Creates a step.
    public init(object: String, objectKind: ObjectKind?, action: PlanAction, findingKinds: [FindingKind],
                statements: [String], startsSchemaChangeJob: Bool = false, losesData: Bool = false,
                comments: [String] = [], waitsFor: String? = nil) {
        self.object = object
        self.objectKind = objectKind
        self.action = action
        self.findingKinds = findingKinds
        self.statements = statements
        self.startsSchemaChangeJob = startsSchemaChangeJob
        self.losesData = losesData
        self.comments = comments
        self.waitsFor = waitsFor
    }

    enum CodingKeys: String, CodingKey {
        case object, action, statements, comments
        case objectKind = "object_kind"
        case findingKinds = "finding_kinds"
        case startsSchemaChangeJob = "starts_schema_change_job"
        case losesData = "loses_data"
        case waitsFor = "waits_for"
    }
}

/// What `plan(expected:actual:comparison:options:)` returns.
public struct Plan: Hashable, Sendable {
    /// The steps in the order they must run.
    public var steps: [PlanStep]
    /// Objects the differ could not compare, so nothing is planned for them.
    public var notPlanned: [NotCompared]
    /// Notes about the whole plan (placeholders used, replicas capped).
    public var notes: [String]

    /// Creates a plan.
    public init(steps: [PlanStep] = [], notPlanned: [NotCompared] = [], notes: [String] = []) {
        self.steps = steps
        self.notPlanned = notPlanned
        self.notes = notes
    }

    /// Whether there is nothing to do.
    public var isEmpty: Bool { steps.isEmpty }

    /// Whether any step loses data.
    public var losesData: Bool { steps.contains(where: \.losesData) }
}
