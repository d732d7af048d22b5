import Findings
import SchemaModel
import StarRocksDDL

/// Key, distribution, sort key and index comparison.
extension DiffContext {
    mutating func compareKey(_ pair: TablePair) {
        guard let expected = pair.normalizedExpected.key, let actual = pair.normalizedActual.key else { return }
        if expected.model != actual.model {
            add(.keyModel, object: pair.path, expected: "\(expected.model.rawValue) KEY", actual: "\(actual.model.rawValue) KEY",
                message: "\(pair.path) is a \(actual.model.rawValue) KEY table on the server, the migrations create a \(expected.model.rawValue) KEY table",
                fixNote: "the key model cannot be changed in place: create a new table, copy the data, swap the names")
        } else if expected.columns != actual.columns {
            add(.keyColumns, object: pair.path, expected: expected.columns.joined(separator: ", "),
                actual: actual.columns.joined(separator: ", "),
                message: "the \(expected.model.rawValue) KEY of \(pair.path) is (\(actual.columns.joined(separator: ", "))) on the server, the migrations say (\(expected.columns.joined(separator: ", ")))",
                fixNote: "key columns cannot be changed in place: create a new table, copy the data, swap the names")
        }
    }

    /// Distribution of a table or MV: method, hash columns, and the bucket count only where expected pins one
    /// (omitted BUCKETS means automatic bucketing: any server count matches).
    /// `name` is the table's (or MV's) name; `alter` builds the statements that change the distribution, none for an
    /// object whose distribution cannot be altered (a materialized view).
    mutating func compareDistribution(object: String, expected: Distribution, actual: Distribution, name: ObjectName,
                                     alter: (DistributedByClause) -> [SchemaChange]) {
        switch (expected.method, actual.method) {
        case (.hash, .random), (.random, .hash):
            add(.distributionMethod, object: object, expected: distributionText(expected), actual: distributionText(actual),
                message: "\(object) is distributed \(methodName(actual)) on the server, the migrations say \(methodName(expected))",
                fixes: alter(expected.clause),
                fixNote: "the distribution method cannot be changed in place before StarRocks 3.3; on older servers recreate the object",
                name: name)
            return
        case let (.hash(expectedColumns), .hash(actualColumns)) where expectedColumns != actualColumns:
            add(.distributionColumns, object: object, expected: distributionText(expected), actual: distributionText(actual),
                message: "\(object) is distributed by HASH(\(actualColumns.joined(separator: ", "))) on the server, the migrations say HASH(\(expectedColumns.joined(separator: ", ")))",
                fixes: alter(expected.clause), name: name)
            return
        default:
            break
        }
        if let buckets = expected.buckets, buckets != actual.buckets {
            add(.bucketCount, object: object, expected: String(buckets), actual: actual.buckets.map(String.init) ?? "automatic",
                message: "\(object) has \(actual.buckets.map { "\($0) buckets" } ?? "automatic bucketing") on the server, the migrations pin \(buckets)",
                fixes: alter(expected.clause),
                fixNote: "or drop BUCKETS from the migration to accept automatic bucketing", name: name)
        }
    }

    /// The effective sort key (explicit ORDER BY, else the key columns).
    mutating func compareSortKey(_ pair: TablePair) {
        let expected = pair.normalizedExpected.orderBy ?? pair.normalizedExpected.key?.columns ?? []
        let actual = pair.normalizedActual.orderBy ?? pair.normalizedActual.key?.columns ?? []
        guard expected != actual else { return }
        if pair.normalizedExpected.orderBy == nil && pair.normalizedActual.orderBy == nil { return }
        add(.orderBy, object: pair.path, expected: expected.joined(separator: ", "), actual: actual.joined(separator: ", "),
            message: "the sort key of \(pair.path) is (\(actual.joined(separator: ", "))) on the server, the migrations say (\(expected.joined(separator: ", ")))",
            fixes: pair.alter(.orderBy(expected)), name: pair.name)
    }

    /// Indexes by name.
    mutating func compareIndexes(object: String, expected: [TableIndex], actual: [TableIndex], database: String,
                                 table: String) {
        if expected == actual { return }
        let name = ObjectName(database: database, name: table)
        let actualByName = Dictionary(actual.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let expectedNames = Set(expected.map(\.name))
        for index in expected {
            let path = "\(object).indexes.\(index.name)"
            let create = SchemaChange.createIndex(name, index.clause)
            guard let other = actualByName[index.name] else {
                add(.missingIndex, object: path, expected: indexText(index), actual: nil,
                    message: "index \(index.name) on \(object) does not exist on the server", fixes: [create],
                    name: name, part: .index(index.name))
                continue
            }
            if other != index {
                add(.indexDefinition, object: path, expected: indexText(index), actual: indexText(other),
                    message: "index \(index.name) on \(object) is defined differently on the server",
                    fixes: [.dropIndex(name, index: index.name), create], name: name, part: .index(index.name))
            }
        }
        for index in actual where !expectedNames.contains(index.name) {
            add(.unexpectedIndex, object: "\(object).indexes.\(index.name)", expected: nil, actual: indexText(index),
                message: "index \(index.name) exists on \(object) but no migration creates it",
                fixes: [.dropIndex(name, index: index.name)], name: name, part: .index(index.name))
        }
    }
}

func methodName(_ distribution: Distribution) -> String {
    if case .hash = distribution.method { return "by HASH" }
    return "RANDOM"
}

/// `DISTRIBUTED BY HASH(`a`) BUCKETS 3` / `DISTRIBUTED BY RANDOM`.
func distributionText(_ distribution: Distribution) -> String {
    var text: String
    switch distribution.method {
    case .hash(let columns): text = "DISTRIBUTED BY HASH(\(SQLQuoting.backtickedList(columns)))"
    case .random: text = "DISTRIBUTED BY RANDOM"
    }
    if let buckets = distribution.buckets { text += " BUCKETS \(buckets)" }
    return text
}

func indexText(_ index: TableIndex) -> String {
    "INDEX \(index.name) (\(index.columns.joined(separator: ", "))) USING \(index.type)"
        + (index.comment.isEmpty ? "" : " COMMENT \"\(index.comment)\"")
        + (index.properties.isEmpty ? "" : " " + index.properties.keys.sorted().map { "\($0)=\(index.properties[$0]!)" }.joined(separator: ","))
}
