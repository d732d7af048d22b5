/// Value spellings of individual properties that compare by meaning rather than by text.
extension Normalize {
    /// Durations (`partition_ttl`, `storage_cooldown_ttl`, `datacache.partition_duration`): the FE parses them with
    /// `TimeUtils.parseHumanReadablePeriodOrDuration` (fe/fe-core/src/main/java/com/starrocks/common/util/TimeUtils.java,
    /// 3.1+), which takes `<n> <unit>` with the unit singular or plural and any case. Compared as seconds for
    /// second/minute/hour/day/week and as months for month/year: `"2 days"` is `"48 hour"`, `"1 year"` is
    /// `"12 MONTH"`. Text that is not one amount and unit is kept as written.
    static func duration(_ value: String) -> String {
        let parts = value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, let amount = Int(parts[0]) else { return value }
        var unit = String(parts[1])
        if unit.hasSuffix("s") { unit.removeLast() }
        let seconds: [String: Int] = ["second": 1, "minute": 60, "hour": 3_600, "day": 86_400, "week": 604_800]
        if let factor = seconds[unit] { return "\(amount * factor) second" }
        if unit == "month" { return "\(amount) month" }
        if unit == "year" { return "\(amount * 12) month" }
        return value
    }

    /// `compression` (all eras): the FE looks the codec up case-insensitively (`CompressionUtils`, a
    /// `CASE_INSENSITIVE_ORDER` map) and prints the enum name, `LZ4_FRAME` and `LZ4` both as `"LZ4"`; 3.4+ accepts a
    /// zstd level and prints it without spaces. Examples: `"zstd"` prints `"ZSTD"`, `"lz4_frame"` prints `"LZ4"`,
    /// `"ZSTD (  1  )"` prints `"ZSTD(1)"`. Folded to upper case without whitespace, `LZ4_FRAME` to `LZ4`.
    static func compression(_ value: String) -> String {
        let folded = String(value.uppercased().filter { !$0.isWhitespace })
        if folded == "LZ4_FRAME" { return "LZ4" }
        return folded
    }

    /// `unique_constraints` (3.x): the server qualifies each column with catalog, database and table — and renames the
    /// table on SWAP: `"default_catalog.db.s1_new.k1"` for `'s1.k1'`. Compared as the column names per constraint.
    static func uniqueConstraints(_ value: String) -> String {
        value.split(separator: ";").map { constraint in
            constraint.split(separator: ",").map { column in
                identifier(Normalize.trimmed(String(column.split(separator: ".").last ?? "")))
            }.joined(separator: ",")
        }.joined(separator: ";")
    }

    /// `foreign_key_constraints` (3.x): the server drops the child table and qualifies the parent with catalog and
    /// database: `"(k1) REFERENCES default_catalog.db.s1(k1)"` for `'s3(k1) REFERENCES s1(k1)'`.
    static func foreignKeyConstraints(_ value: String) -> String {
        value.split(separator: ";").map { constraint -> String in
            let text = String(constraint).lowercased().filter { !$0.isWhitespace && $0 != "`" }
            guard let open = text.firstIndex(of: "("), let references = text.firstRange(of: "references") else { return text }
            let columns = text[open..<references.lowerBound]
            let target = text[references.upperBound...]
            guard let targetOpen = target.firstIndex(of: "(") else { return text }
            let parent = target[..<targetOpen].split(separator: ".").last.map(String.init) ?? ""
            return "\(columns)references \(parent)\(target[targetOpen...])"
        }.joined(separator: ";")
    }
}

extension Normalize {
    /// Foreign keys to a dropped table (3.x): dropping the parent table removes the constraint from the child's
    /// `foreign_key_constraints` (corpus: test_alter_swap_table after `DROP TABLE s1`). Keeps the constraints (in the
    /// form of `foreignKeyConstraints(_:)`) whose parent `keepingParents` accepts.
    public static func foreignKeyConstraints(_ normalized: String, keepingParents: (String) -> Bool) -> String {
        normalized.split(separator: ";").filter { constraint in
            guard let references = constraint.firstRange(of: "references") else { return true }
            let target = constraint[references.upperBound...]
            let parent = target.prefix { $0 != "(" }
            return keepingParents(Normalize.trimmed(String(parent)))
        }.joined(separator: ";")
    }
}
