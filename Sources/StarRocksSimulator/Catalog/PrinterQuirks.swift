import Foundation

/// How a simulated server of another version prints `SHOW CREATE` text differently from the simulator's own printer:
/// properties it adds that nobody set, properties it stops printing at a value, values it re-spells, and free text
/// rewrites. Applied by a writable simulator to the text its printer made (`apply(to:kind:)`), as one layer after the
/// printer, so the printer itself can change without touching this. Read from `printer:` in `state.yaml`.
public struct PrinterQuirks: Hashable, Sendable {
    /// The object kinds quirks apply to.
    public enum ObjectKind: String, Hashable, Sendable, CaseIterable {
        /// `SHOW CREATE TABLE` of an OLAP table.
        case table
        /// `SHOW CREATE VIEW`.
        case view
        /// `SHOW CREATE MATERIALIZED VIEW`.
        case materializedView = "materialized_view"
    }

    /// One regular-expression rewrite of the printed text.
    public struct Rewrite: Hashable, Sendable {
        /// The pattern (NSRegularExpression syntax).
        public var pattern: String
        /// The replacement template (`$1` for groups).
        public var replacement: String

        /// Creates a value from its parts.
        public init(pattern: String, replacement: String) {
            self.pattern = pattern
            self.replacement = replacement
        }
    }

    /// Per object kind, properties added to the PROPERTIES block when the object does not have them.
    public var addedProperties: [ObjectKind: [String: String]]
    /// Per object kind, property → value at which the property is left out of the PROPERTIES block.
    public var unprintedDefaults: [ObjectKind: [String: String]]
    /// Property → value as stored → value as printed (e.g. `enable_query_rewrite`: `false` → `FALSE`).
    public var valueSpellings: [String: [String: String]]
    /// Per object kind, text rewrites applied last.
    public var rewrites: [ObjectKind: [Rewrite]]

    /// Creates a value from its parts; the default changes nothing.
    public init(addedProperties: [ObjectKind: [String: String]] = [:],
                unprintedDefaults: [ObjectKind: [String: String]] = [:],
                valueSpellings: [String: [String: String]] = [:], rewrites: [ObjectKind: [Rewrite]] = [:]) {
        self.addedProperties = addedProperties
        self.unprintedDefaults = unprintedDefaults
        self.valueSpellings = valueSpellings
        self.rewrites = rewrites
    }

    /// Whether applying the quirks changes nothing.
    public var isEmpty: Bool {
        addedProperties.isEmpty && unprintedDefaults.isEmpty && valueSpellings.isEmpty && rewrites.isEmpty
    }

    /// `object` as `printer` prints it, with these quirks applied for its kind.
    func text(of object: PrintedObject, printedBy printer: ServerPrinter) -> String {
        let kind: ObjectKind
        switch object {
        case .table: kind = .table
        case .view: kind = .view
        case .materializedView: kind = .materializedView
        }
        return apply(to: printer.serverText(for: object), kind: kind)
    }

    /// `text` (printed by the simulator for an object of `kind`) as this server would print it.
    func apply(to text: String, kind: ObjectKind) -> String {
        guard !isEmpty else { return text }
        var out = applyProperties(text, kind: kind)
        for rewrite in rewrites[kind] ?? [] {
            guard let regex = try? NSRegularExpression(pattern: rewrite.pattern) else { continue }
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out),
                                                 withTemplate: rewrite.replacement)
        }
        return out
    }

    /// The PROPERTIES block (`PROPERTIES (` line, one `"k" = "v"` line each, `)` line) with the quirks applied,
    /// printed again in key order like the 3.3+ printer.
    private func applyProperties(_ text: String, kind: ObjectKind) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "PROPERTIES ("),
              let end = lines[start...].firstIndex(where: { $0 == ")" || $0 == ");" }) else { return text }
        var properties: [(key: String, value: String)] = []
        for line in lines[(start + 1)..<end] {
            guard let pair = Self.property(line) else { return text }
            properties.append(pair)
        }
        for (key, value) in (addedProperties[kind] ?? [:]) where !properties.contains(where: { $0.key == key }) {
            properties.append((key, value))
        }
        let hidden = unprintedDefaults[kind] ?? [:]
        properties.removeAll { hidden[$0.key] == $0.value }
        properties = properties.map { ($0.key, valueSpellings[$0.key]?[$0.value] ?? $0.value) }
        properties.sort { $0.key < $1.key }
        let block = properties.enumerated().map { offset, pair in
            "\"\(pair.key)\" = \"\(pair.value)\"" + (offset + 1 < properties.count ? "," : "")
        }
        if block.isEmpty {
            lines.removeSubrange(start...end)
        } else {
            lines.replaceSubrange((start + 1)..<end, with: block)
        }
        return lines.joined(separator: "\n")
    }

    /// `"key" = "value"` with an optional trailing comma; `nil` for any other line (the block is then left alone).
    private static func property(_ line: String) -> (key: String, value: String)? {
        var body = Substring(line)
        if body.hasSuffix(",") { body = body.dropLast() }
        guard body.hasPrefix("\""), body.hasSuffix("\""), let middle = body.range(of: "\" = \"") else { return nil }
        let key = body[body.index(after: body.startIndex)..<middle.lowerBound]
        let value = body[middle.upperBound..<body.index(before: body.endIndex)]
        guard !key.contains("\""), !value.contains("\"") else { return nil }
        return (String(key), String(value))
    }
}
