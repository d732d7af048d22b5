import Findings
import Foundation
import LiveSchema
import SchemaModel
import StarRocksClient

/// Reads an environment's actual state from its server: a bounded connection pool, read-only, then LiveSchema.
public struct LiveStateReader: ActualStateReading {
    /// Connections per environment for per-object statements; `nil` takes the environment's
    /// `connection.max_connections` (default 8).
    public var poolSize: Int?

    public init(poolSize: Int? = nil) {
        self.poolSize = poolSize
    }

    public func read(_ environment: EnvironmentConfig, password: Secret?) async throws -> ActualState {
        let options = try Self.connectionOptions(environment, password: password)
        let size = max(1, poolSize ?? environment.connection.maxConnections)
        let pool = ConnectionPool(options: options, size: size)
        defer { Task { await pool.close() } }
        do {
            try await pool.warmUp()
        } catch let error as ClientError {
            throw EnvironmentUnavailable(error.isUnreachable ? .unreachable : .error, "\(error)")
        }
        let snapshot: LiveSnapshot
        do {
            snapshot = try await LiveSchemaReader(runner: pool, maxConcurrency: size)
                .read(databases: environment.databases, versionTable: environment.versionTable)
        } catch let error as ClientError {
            throw EnvironmentUnavailable(error.isUnreachable ? .unreachable : .error, "\(error)")
        } catch {
            throw EnvironmentUnavailable(.error, "\(error)")
        }
        return try Self.actualState(from: snapshot, environment: environment, statementsSent: pool.statementsSent)
    }

    /// Connection options from the environment's URL and settings; the password is kept as a `Secret`.
    static func connectionOptions(_ environment: EnvironmentConfig, password: Secret?) throws -> ConnectionOptions {
        let url: StarRocksURL
        do {
            url = try StarRocksURL(parsing: environment.connection.url)
        } catch {
            throw EnvironmentUnavailable(.error, "\(environment.file): connection.url: \(error)")
        }
        guard let tls = TLSMode(rawValue: environment.connection.tls) else {
            throw EnvironmentUnavailable(.error, "\(environment.file): connection.tls: unknown mode \(environment.connection.tls)")
        }
        var options = ConnectionOptions(host: url.host, port: url.port, user: url.user, password: password,
                                 catalog: url.catalog, database: url.database,
                                 connectTimeoutSeconds: environment.connection.connectTimeoutSeconds,
                                 readTimeoutSeconds: environment.connection.readTimeoutSeconds, tls: tls,
                                 caFile: environment.connection.caFile, environment: environment.name)
        options.allowCleartextPassword = environment.connection.allowCleartextPassword
        return options
    }

    /// The snapshot as the pipeline's `ActualState`. A database whose object list could not be read makes the
    /// environment unreadable (never clean); other unreadable parts become "not checked" with the grant to add.
    static func actualState(from snapshot: LiveSnapshot, environment: EnvironmentConfig,
                            statementsSent: Int) throws -> ActualState {
        var operational = OperationalState(versionRows: snapshot.versionRows,
                                           backendsAlive: snapshot.backends?.alive,
                                           backendsTotal: snapshot.backends?.total)
        operational.alterJobs = snapshot.alterJobs
        operational.materializedViews = snapshot.materializedViewStatus
        var notChecked: [NotCompared] = []
        var uncomparable: [ObjectName] = []
        let unreadableDatabases = environment.databases.filter { database in
            snapshot.notChecked.contains { $0.part == NotCheckedPart.objects(of: database) }
        }
        if let database = unreadableDatabases.first, let part = snapshot.notChecked.first(where: { $0.part == NotCheckedPart.objects(of: database) }) {
            throw EnvironmentUnavailable(.error, "cannot list the objects of \(database): \(part.reason); grant it with: \(part.grantToAdd)")
        }
        for part in snapshot.notChecked {
            if part.part == NotCheckedPart.versionTable {
                operational.versionTableProblem = part.reason
                continue
            }
            let pieces = part.part.split(separator: ".", maxSplits: 1).map(String.init)
            if pieces.count == 2, environment.databases.contains(pieces[0]) {
                uncomparable.append(ObjectName(database: pieces[0], name: pieces[1]))
            }
            notChecked.append(NotCompared(object: part.part, reason: "not readable (\(part.reason)); grant: \(part.grantToAdd)"))
        }
        for object in snapshot.unparseable {
            uncomparable.append(object.object)
            notChecked.append(NotCompared(object: object.object.description,
                                          reason: "the server's SHOW CREATE text could not be parsed: \(object.error)"))
        }
        return ActualState(catalog: snapshot.catalog, serverVersion: snapshot.serverVersion, operational: operational,
                           notChecked: notChecked, uncomparable: uncomparable,
                           statementsSent: max(statementsSent, snapshot.statementsSent))
    }
}
