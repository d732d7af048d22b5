/// `[WHERE c op v [AND ...]] [ORDER BY c [ASC|DESC], ...] [LIMIT [m,] n]` over a titled row set: the little
/// filtering the simulator supports for SHOW and information_schema queries.
struct RowFilter {
    enum Condition {
        case equals(Int, String, negated: Bool)
        case inList(Int, [String], negated: Bool)
        case like(Int, SQLPattern, negated: Bool)
        case isNull(Int, negated: Bool)
    }

    var conditions: [Condition] = []
    var ordering: [(column: Int, descending: Bool)] = []
    var offset = 0
    var limit: Int?

    /// Parses the clauses at the cursor, resolving column names against `titles` (case-insensitive).
    static func parse(_ cursor: inout TokenCursor, titles: [String]) -> Result<RowFilter, SimulatedServerError> {
        var filter = RowFilter()
        func column(_ cursor: inout TokenCursor) -> Result<Int, SimulatedServerError> {
            guard var name = cursor.name() else {
                return .failure(ServerErrors.syntax(near: cursor.current?.text ?? "<EOF>"))
            }
            // `t.col` qualified by an alias or table name.
            while cursor.acceptSymbol(".") { name = cursor.name() ?? name }
            guard let index = titles.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                return .failure(ServerErrors.unknownColumn(name))
            }
            return .success(index)
        }
        if cursor.accept("WHERE") {
            repeat {
                let opened = cursor.acceptSymbol("(")
                let index: Int
                switch column(&cursor) {
                case .failure(let error): return .failure(error)
                case .success(let found): index = found
                }
                let negated = cursor.accept("NOT")
                if cursor.acceptSymbol("=") || cursor.acceptSymbol("!=") || cursor.acceptSymbol("<>") {
                    let symbol = cursor.tokens[cursor.position - 1].text
                    guard let value = cursor.literal() else { return .failure(ServerErrors.syntax(near: "<EOF>")) }
                    filter.conditions.append(.equals(index, value, negated: symbol != "="))
                } else if cursor.accept("IN") {
                    guard cursor.acceptSymbol("(") else { return .failure(ServerErrors.syntax(near: "IN")) }
                    var values: [String] = []
                    repeat {
                        guard let value = cursor.literal() else { return .failure(ServerErrors.syntax(near: "(")) }
                        values.append(value)
                    } while cursor.acceptSymbol(",")
                    guard cursor.acceptSymbol(")") else { return .failure(ServerErrors.syntax(near: "<EOF>")) }
                    filter.conditions.append(.inList(index, values, negated: negated))
                } else if cursor.accept("LIKE") {
                    guard let value = cursor.literal() else { return .failure(ServerErrors.syntax(near: "LIKE")) }
                    filter.conditions.append(.like(index, SQLPattern(value), negated: negated))
                } else if cursor.accept("IS") {
                    let isNot = cursor.accept("NOT")
                    guard cursor.accept("NULL") else { return .failure(ServerErrors.syntax(near: "IS")) }
                    filter.conditions.append(.isNull(index, negated: isNot))
                } else {
                    return .failure(ServerErrors.syntax(near: cursor.current?.text ?? "<EOF>"))
                }
                if opened && !cursor.acceptSymbol(")") { return .failure(ServerErrors.syntax(near: "<EOF>")) }
            } while cursor.accept("AND")
        }
        if cursor.accept("ORDER", "BY") {
            repeat {
                switch column(&cursor) {
                case .failure(let error): return .failure(error)
                case .success(let index):
                    let descending = cursor.accept("DESC")
                    if !descending { _ = cursor.accept("ASC") }
                    filter.ordering.append((index, descending))
                }
            } while cursor.acceptSymbol(",")
        }
        if cursor.accept("LIMIT") {
            guard let first = cursor.literal().flatMap({ Int($0) }) else { return .failure(ServerErrors.syntax(near: "LIMIT")) }
            if cursor.acceptSymbol(",") {
                guard let count = cursor.literal().flatMap({ Int($0) }) else { return .failure(ServerErrors.syntax(near: ",")) }
                filter.offset = first
                filter.limit = count
            } else {
                filter.limit = first
                if cursor.accept("OFFSET"), let skip = cursor.literal().flatMap({ Int($0) }) { filter.offset = skip }
            }
        }
        guard cursor.atEnd else { return .failure(ServerErrors.syntax(near: cursor.current?.text ?? "<EOF>")) }
        return .success(filter)
    }

    /// The values `column` must equal for a row to pass (from `=` and `IN` conditions), for pre-filtering.
    func requiredValues(of column: Int) -> Set<String>? {
        for condition in conditions {
            switch condition {
            case .equals(column, let value, negated: false): return [value]
            case .inList(column, let values, negated: false): return Set(values)
            default: continue
            }
        }
        return nil
    }

    func apply(_ rows: [[String?]]) -> [[String?]] {
        var result = rows.filter { row in conditions.allSatisfy { matches($0, row) } }
        if !ordering.isEmpty {
            result.sort { a, b in
                for (column, descending) in ordering where a[column] != b[column] {
                    let less = (a[column] ?? "") < (b[column] ?? "")
                    return descending ? !less : less
                }
                return false
            }
        }
        let start = min(offset, result.count)
        let end = limit.map { min(result.count, start + $0) } ?? result.count
        return Array(result[start..<end])
    }

    private func matches(_ condition: Condition, _ row: [String?]) -> Bool {
        switch condition {
        case .equals(let column, let value, let negated):
            guard let actual = row[column] else { return false }
            return (actual == value) != negated
        case .inList(let column, let values, let negated):
            guard let actual = row[column] else { return false }
            return values.contains(actual) != negated
        case .like(let column, let pattern, let negated):
            guard let actual = row[column] else { return false }
            return pattern.matches(actual) != negated
        case .isNull(let column, let negated):
            return (row[column] == nil) != negated
        }
    }
}

/// A SQL LIKE pattern (`%` any run, `_` one character, `\` escapes), matched case-insensitively as StarRocks'
/// SHOW ... LIKE does.
struct SQLPattern {
    private let pattern: [Character]

    init(_ text: String) { pattern = Array(text.lowercased()) }

    func matches(_ text: String) -> Bool {
        let subject = Array(text.lowercased())
        // Iterative wildcard matching with backtracking to the last `%`.
        var p = 0, s = 0, star = -1, mark = 0
        while s < subject.count {
            if p < pattern.count && pattern[p] == "\\" && p + 1 < pattern.count && pattern[p + 1] == subject[s] {
                p += 2; s += 1
            } else if p < pattern.count && (pattern[p] == "_" || (pattern[p] != "%" && pattern[p] == subject[s])) {
                p += 1; s += 1
            } else if p < pattern.count && pattern[p] == "%" {
                star = p; mark = s; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; s = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "%" { p += 1 }
        return p == pattern.count
    }
}
