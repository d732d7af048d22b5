import DriftTestSupport
import Foundation
import SchemaModel

/// Generates single mutations of one corpus case's SHOW CREATE text, each with the finding it must cause.
struct MutationGenerator {
    let corpusCase: Corpus.Case
    let expected: Catalog
    let lines: [String]
    let object: String
    let path: String

    init(_ corpusCase: Corpus.Case) throws {
        self.corpusCase = corpusCase
        expected = try corpusCase.expected()
        lines = corpusCase.showCreate.components(separatedBy: "\n")
        object = corpusCase.objectName
        path = "\(corpusCase.database).\(object)"
    }

    var database: Database { expected.databases[corpusCase.database]! }

    func all() -> [Mutation] {
        if let table = database.tables[object] { return tableMutations(table) }
        if database.views[object] != nil { return viewMutations(isMaterialized: false) }
        if let view = database.materializedViews[object] { return viewMutations(isMaterialized: true, view: view) }
        return []
    }

    func replacing(_ index: Int, with newLines: [String]) -> String {
        var copy = lines
        copy.replaceSubrange(index...index, with: newLines)
        return copy.joined(separator: "\n")
    }

    func inserting(_ newLines: [String], at index: Int) -> String {
        var copy = lines
        copy.insert(contentsOf: newLines, at: index)
        return copy.joined(separator: "\n")
    }

    // MARK: tables

    func tableMutations(_ table: Table) -> [Mutation] {
        var out: [Mutation] = []
        let columns = lines.enumerated().compactMap { ColumnLine(index: $0.offset, line: $0.element) }
        if !table.columns.isEmpty {
            for column in columns where !column.name.hasPrefix(Normalize.generatedPartitionColumnPrefix) {
                out += columnMutations(column, columns: columns)
            }
            out += addedColumn(columns, table: table)
            out += addedGeneratedColumn(columns, table: table)
        }
        out += keyMutations(columns)
        out += distributionMutations(expectedBuckets: table.distribution?.buckets, firstColumn: columns.first?.name)
        out += propertyMutations(expectedProperties: table.properties, isMaterializedView: false,
                                 model: (table.key ?? Normalize.inferredDuplicateKey(table.columns))?.model,
                                 hasGIN: table.indexes.contains { $0.type.uppercased() == "GIN" })
        out += partitionMutation(firstColumn: columns.first?.name)
        out += tableCommentMutation()
        out += sortKeyMutation(table, columns: columns)
        out += indexMutation(table, columns: columns)
        return out
    }

    /// A sort key changed by hand (`ALTER TABLE t ORDER BY (...)`): an existing ORDER BY of two or more columns
    /// reversed; on a PRIMARY KEY table without one, `ORDER BY` on its last column (StarRocks prints it after
    /// DISTRIBUTED BY).
    func sortKeyMutation(_ table: Table, columns: [ColumnLine]) -> [Mutation] {
        if let index = lines.firstIndex(where: { $0.hasPrefix("ORDER BY(") }),
           let open = lines[index].firstIndex(of: "("), let close = lines[index].lastIndex(of: ")") {
            let names = lines[index][lines[index].index(after: open)..<close].components(separatedBy: ", ")
            guard names.count >= 2 else { return [] }
            let mutated = "ORDER BY(" + names.reversed().joined(separator: ", ") + ")"
            return [Mutation(label: "sort key reversed", text: replacing(index, with: [mutated]), kind: .orderBy,
                             object: path)]
        }
        guard table.key?.model == .primary, let last = columns.last,
              !(table.key?.columns.contains { $0.lowercased() == last.name.lowercased() } ?? true),
              !last.line.contains(" AS "),
              let distributed = lines.firstIndex(where: { $0.hasPrefix("DISTRIBUTED BY") }) else { return [] }
        return [Mutation(label: "sort key added", text: inserting(["ORDER BY(`\(last.name)`)"], at: distributed + 1),
                         kind: .orderBy, object: path)]
    }

    /// An index created by hand (`CREATE INDEX zz_idx ON t (c) USING BITMAP`), printed in the column list as the
    /// server prints indexes (corpus GIN case): a BITMAP index on the first non-key scalar column.
    func indexMutation(_ table: Table, columns: [ColumnLine]) -> [Mutation] {
        guard !table.columns.isEmpty, let last = columns.last else { return [] }
        let indexable = ["tinyint", "smallint", "int", "bigint", "largeint", "varchar", "char", "date", "datetime"]
        let scalar = columns.first { column in
            let type = column.type.lowercased()
            let name = type.split(separator: "(").first.map(String.init) ?? type
            return indexable.contains(name) && !column.name.hasPrefix(Normalize.generatedPartitionColumnPrefix)
        }
        guard let column = scalar else { return [] }
        var copy = lines
        let lastLine = copy.lastIndex { $0.hasPrefix("  INDEX ") } ?? last.index
        let hasComma = copy[lastLine].hasSuffix(",")
        if !hasComma { copy[lastLine] += "," }
        copy.insert("  INDEX zz_idx (`\(column.name)`) USING BITMAP COMMENT ''" + (hasComma ? "," : ""), at: lastLine + 1)
        return [Mutation(label: "index added", text: copy.joined(separator: "\n"), kind: .unexpectedIndex,
                         object: "\(path).indexes.zz_idx")]
    }

    func columnMutations(_ column: ColumnLine, columns: [ColumnLine]) -> [Mutation] {
        var out: [Mutation] = []
        let object = "\(path).\(column.name)"
        let line = column.line
        if let newType = TypeMutation.mutate(column.type) {
            let mutated = line.replacingOccurrences(of: "`\(column.name)` \(column.type)", with: "`\(column.name)` \(newType)")
            out.append(Mutation(label: "type of \(column.name) \(column.type)→\(newType)",
                                text: replacing(column.index, with: [mutated]), kind: .columnType, object: object))
        }
        if let range = line.range(of: " NOT NULL") {
            out.append(Mutation(label: "\(column.name) NOT NULL→NULL",
                                text: replacing(column.index, with: [line.replacingCharacters(in: range, with: " NULL")]),
                                kind: .columnNullability, object: object))
        } else if let range = line.range(of: " NULL") {
            out.append(Mutation(label: "\(column.name) NULL→NOT NULL",
                                text: replacing(column.index, with: [line.replacingCharacters(in: range, with: " NOT NULL")]),
                                kind: .columnNullability, object: object))
        }
        if !line.contains(" AS ") && !line.contains("AUTO_INCREMENT") {
            var mutated: String?
            if let range = line.range(of: #"DEFAULT "[^"]*""#, options: .regularExpression) {
                mutated = line.replacingCharacters(in: range, with: "DEFAULT \"8\"")
                if mutated == line { mutated = line.replacingCharacters(in: range, with: "DEFAULT \"9\"") }
            } else if let range = line.range(of: "DEFAULT CURRENT_TIMESTAMP") {
                mutated = line.replacingCharacters(in: range, with: "DEFAULT \"2000-01-01 00:00:00\"")
            } else if let range = line.range(of: " COMMENT \"", options: .backwards) {
                mutated = line.replacingCharacters(in: range, with: " DEFAULT \"1\" COMMENT \"")
            }
            if let mutated {
                out.append(Mutation(label: "default of \(column.name)", text: replacing(column.index, with: [mutated]),
                                    kind: .columnDefault, object: object))
            }
        }
        if let range = line.range(of: #" COMMENT "[^"]*""#, options: [.regularExpression, .backwards]) {
            let mutated = line.replacingCharacters(in: range, with: " COMMENT \"mutant comment\"")
            if mutated != line {
                out.append(Mutation(label: "comment of \(column.name)", text: replacing(column.index, with: [mutated]),
                                    kind: .columnComment, object: object))
            }
        }
        let others = lines.enumerated().filter { $0.offset != column.index }.map(\.element).joined(separator: "\n")
        let referenced = others.range(of: "\\b\(NSRegularExpression.escapedPattern(for: column.name))\\b",
                                      options: [.regularExpression, .caseInsensitive]) != nil
        if !referenced && columns.count > 1 {
            var copy = lines
            copy.remove(at: column.index)
            if !line.hasSuffix(","), column.index - 1 >= 0, copy[column.index - 1].hasSuffix(",") {
                copy[column.index - 1].removeLast()
            }
            out.append(Mutation(label: "drop column \(column.name)", text: copy.joined(separator: "\n"),
                                kind: .missingColumn, object: object))
        }
        return out
    }

    func addedColumn(_ columns: [ColumnLine], table: Table) -> [Mutation] {
        guard let last = columns.last else { return [] }
        let isAggregate = lines.contains { $0.hasPrefix("AGGREGATE KEY") }
        let definition = isAggregate ? "  `zz_mutant` bigint(20) SUM NULL COMMENT \"\"" : "  `zz_mutant` int(11) NULL COMMENT \"\""
        var copy = lines
        let hasComma = copy[last.index].hasSuffix(",")
        if !hasComma { copy[last.index] += "," }
        copy.insert(definition + (hasComma ? "," : ""), at: last.index + 1)
        return [Mutation(label: "add column zz_mutant", text: copy.joined(separator: "\n"), kind: .unexpectedColumn,
                         object: "\(path).zz_mutant")]
    }

    /// A generated column added by hand (`ALTER TABLE t ADD COLUMN zz_gen bigint AS expr`), printed last as the
    /// server prints it (`AS expr COMMENT ""`); StarRocks has no generated columns on AGGREGATE KEY tables. The
    /// expression uses the first column, so plans that add it back must keep it intact (no `AFTER` read into it).
    func addedGeneratedColumn(_ columns: [ColumnLine], table: Table) -> [Mutation] {
        guard let last = columns.last, let first = columns.first,
              !lines.contains(where: { $0.hasPrefix("AGGREGATE KEY") }) else { return [] }
        let definition = "  `zz_gen` bigint(20) NULL AS coalesce(`\(first.name)`, 1) IS NULL COMMENT \"\""
        var copy = lines
        let hasComma = copy[last.index].hasSuffix(",")
        if !hasComma { copy[last.index] += "," }
        copy.insert(definition + (hasComma ? "," : ""), at: last.index + 1)
        return [Mutation(label: "add generated column zz_gen", text: copy.joined(separator: "\n"),
                         kind: .unexpectedColumn, object: "\(path).zz_gen")]
    }

    func keyMutations(_ columns: [ColumnLine]) -> [Mutation] {
        guard let index = lines.firstIndex(where: { $0.range(of: #"^(DUPLICATE|AGGREGATE|UNIQUE|PRIMARY) KEY\("#, options: .regularExpression) != nil }),
              let open = lines[index].firstIndex(of: "("), let close = lines[index].lastIndex(of: ")") else { return [] }
        let keyNames = lines[index][lines[index].index(after: open)..<close].components(separatedBy: ", ")
        var newKeys = keyNames
        if keyNames.count >= 2 {
            newKeys.removeLast()
        } else if let position = columns.firstIndex(where: { "`\($0.name)`" == keyNames.first }), position + 1 < columns.count {
            newKeys.append("`\(columns[position + 1].name)`")
        } else {
            return []
        }
        let mutated = String(lines[index][..<open]) + "(" + newKeys.joined(separator: ", ") + ")"
        return [Mutation(label: "key columns", text: replacing(index, with: [mutated]), kind: .keyColumns, object: path)]
    }

    func distributionMutations(expectedBuckets: Int?, firstColumn: String?) -> [Mutation] {
        guard let index = lines.firstIndex(where: { $0.hasPrefix("DISTRIBUTED BY") }) else { return [] }
        let line = lines[index]
        var out: [Mutation] = []
        if line.hasPrefix("DISTRIBUTED BY HASH"), let close = line.firstIndex(of: ")") {
            let mutated = "DISTRIBUTED BY RANDOM" + line[line.index(after: close)...]
            out.append(Mutation(label: "HASH→RANDOM", text: replacing(index, with: [mutated]), kind: .distributionMethod,
                                object: path))
        } else if line.hasPrefix("DISTRIBUTED BY RANDOM"), let firstColumn {
            let mutated = line.replacingOccurrences(of: "DISTRIBUTED BY RANDOM", with: "DISTRIBUTED BY HASH(`\(firstColumn)`)")
            out.append(Mutation(label: "RANDOM→HASH", text: replacing(index, with: [mutated]), kind: .distributionMethod,
                                object: path))
        }
        if expectedBuckets != nil, let range = line.range(of: #"BUCKETS [0-9]+"#, options: .regularExpression),
           let count = Int(line[range].dropFirst("BUCKETS ".count)) {
            let mutated = line.replacingCharacters(in: range, with: "BUCKETS \(count + 1)")
            out.append(Mutation(label: "BUCKETS \(count)→\(count + 1)", text: replacing(index, with: [mutated]),
                                kind: .bucketCount, object: path))
        }
        return out
    }

    /// By-hand property changes, each of which must gate: a value changed (booleans flipped, numbers +1, text
    /// suffixed), the same change written in the other case (`"FALSE"` where the migrations set `true`: the case is
    /// folded, the value is not), and a property the migrations set to a non-default value reset by hand — the server
    /// then prints the default, or (for properties printed only when not at their default) nothing.
    func propertyMutations(expectedProperties: [String: String], isMaterializedView: Bool, model: KeyModel? = nil,
                           hasGIN: Bool) -> [Mutation] {
        guard let start = lines.firstIndex(where: { $0.hasPrefix("PROPERTIES (") }) else { return [] }
        let kind: PropertyObjectKind = isMaterializedView ? .materializedView : .table
        let expected = Normalize.properties(expectedProperties)
        var propertyLines: [Int] = []
        var index = start + 1
        while index < lines.count, lines[index].hasPrefix("\"") {
            propertyLines.append(index)
            index += 1
        }
        var out: [Mutation] = []
        for index in propertyLines {
            let line = lines[index]
            let parts = line.components(separatedBy: "\" = \"")
            guard parts.count == 2 else { continue }
            let key = String(parts[0].dropFirst()).lowercased()
            var value = parts[1]
            let trailingComma = value.hasSuffix(",")
            if trailingComma { value.removeLast() }
            value.removeLast()  // closing quote
            if hasGIN && key == "replicated_storage" { continue }
            if key == "foreign_key_constraints" || key == "unique_constraints" { continue }
            let object = "\(path).properties.\(key)"
            func written(_ newValue: String) -> String {
                "\"\(parts[0].dropFirst())\" = \"\(newValue)\"" + (trailingComma ? "," : "")
            }
            let newValue: String
            switch value.lowercased() {
            case "true": newValue = "false"
            case "false": newValue = "true"
            default:
                if let number = Int(value) { newValue = String(number + 1) } else { newValue = value + "_mutant" }
            }
            // A silent migration accepts any server default, and cannot judge a value whose default the cluster
            // decides (replication_num, replicated_storage, bucket_size, ...): that is a `property_default_unknown`
            // info finding (NormalizeRuleTests / DiffOptionsTests), not a by-hand change this test can expect to gate.
            let judged = expected[key] != nil
                || Normalize.isPropertyDefault(key, value: newValue, on: kind, model: model) == .notDefault
            if judged {
                out.append(Mutation(label: "property \(key) \(value)→\(newValue)", text: replacing(index, with: [written(newValue)]),
                                    kind: .property, object: object))
                let otherCase = newValue == newValue.uppercased() ? newValue.lowercased() : newValue.uppercased()
                if otherCase != newValue, ["true", "false"].contains(newValue.lowercased()) {
                    out.append(Mutation(label: "property \(key) \(value)→\(otherCase)",
                                        text: replacing(index, with: [written(otherCase)]), kind: .property, object: object))
                }
            }
            // Reset by hand: only where the migrations set a value that is not the default.
            guard let set = expected[key], !Normalize.mayBeOmittedByServer(key, on: kind),
                  Normalize.isPropertyDefault(key, value: set, on: kind, model: model) == .notDefault else { continue }
            if let reset = Normalize.propertyResetValue(key, on: kind), !reset.isEmpty {
                out.append(Mutation(label: "property \(key) reset to \(reset)", text: replacing(index, with: [written(reset)]),
                                    kind: .property, object: object))
            }
            if propertyLines.count > 1 {
                var copy = lines
                copy.remove(at: index)
                if index == propertyLines.last, copy[index - 1].hasSuffix(",") { copy[index - 1].removeLast() }
                out.append(Mutation(label: "property \(key) reset (no longer printed)", text: copy.joined(separator: "\n"),
                                    kind: .property, object: object))
            }
        }
        return out
    }

    func partitionMutation(firstColumn: String?) -> [Mutation] {
        guard let firstColumn, let distributed = lines.firstIndex(where: { $0.hasPrefix("DISTRIBUTED BY") }) else { return [] }
        var copy = lines
        if let start = lines.firstIndex(where: { $0.hasPrefix("PARTITION BY") }) {
            if lines[start].hasPrefix("PARTITION BY RANGE") {
                copy.replaceSubrange(start..<distributed,
                                     with: ["PARTITION BY LIST(`\(firstColumn)`)(", "  PARTITION p1 VALUES IN ('1')", ")"])
            } else {
                copy.removeSubrange(start..<distributed)
            }
        } else {
            copy.insert(contentsOf: ["PARTITION BY RANGE(`\(firstColumn)`)", "(PARTITION p1 VALUES [(\"0\"), (\"10\")))"],
                        at: distributed)
        }
        return [Mutation(label: "partition method", text: copy.joined(separator: "\n"), kind: .partitionMethod, object: path)]
    }

    func tableCommentMutation() -> [Mutation] {
        if let index = lines.firstIndex(where: { $0.hasPrefix("COMMENT \"") }) {
            return [Mutation(label: "table comment", text: replacing(index, with: ["COMMENT \"mutant table comment\""]),
                             kind: .tableComment, object: path)]
        }
        guard let key = lines.firstIndex(where: { $0.range(of: #"^(DUPLICATE|AGGREGATE|UNIQUE|PRIMARY) KEY\("#, options: .regularExpression) != nil })
        else { return [] }
        return [Mutation(label: "table comment added", text: inserting(["COMMENT \"mutant table comment\""], at: key + 1),
                         kind: .tableComment, object: path)]
    }

    // MARK: views and materialized views

    func viewMutations(isMaterialized: Bool, view: MaterializedView? = nil) -> [Mutation] {
        var out: [Mutation] = []
        let text = corpusCase.showCreate
        if let range = text.range(of: "select", options: .caseInsensitive) {
            let mutated = text.replacingCharacters(in: range, with: "SELECT DISTINCT")
            out.append(Mutation(label: "query", text: mutated,
                                kind: isMaterialized ? .materializedViewDefinition : .viewDefinition, object: path))
        }
        if let range = text.range(of: #"COMMENT "[^"]*""#, options: .regularExpression),
           !text[..<range.lowerBound].contains("(") || !isMaterialized {
            out.append(Mutation(label: "view comment", text: text.replacingCharacters(in: range, with: "COMMENT \"mutant\""),
                                kind: .viewComment, object: path))
        } else if isMaterialized {
            out.append(Mutation(label: "mv comment added", text: inserting(["COMMENT \"mutant\""], at: 1),
                                kind: .viewComment, object: path))
        }
        guard isMaterialized, let view else { return out }
        if let index = lines.firstIndex(where: { $0.hasPrefix("REFRESH ") }) {
            let line = lines[index]
            let mutated = line.contains("MANUAL") ? line.replacingOccurrences(of: "MANUAL", with: "ASYNC")
                : line.replacingOccurrences(of: "ASYNC", with: "MANUAL")
            out.append(Mutation(label: "refresh", text: replacing(index, with: [mutated]),
                                kind: .materializedViewRefresh, object: path))
        }
        out += distributionMutations(expectedBuckets: view.distribution?.buckets, firstColumn: nil)
        out += propertyMutations(expectedProperties: view.properties, isMaterializedView: true, hasGIN: false)
        return out
    }
}
