import Foundation
import Yams

/// `printer:` in `state.yaml`: the `PrinterQuirks` of a simulated server of another version.
extension StateFileReader {
    static func printerQuirks(_ node: Node, file: String) throws(SimulatorCatalogError) -> PrinterQuirks {
        var quirks = PrinterQuirks()
        for (field, value) in try mapping(node, file: file, key: "printer") {
            switch field.string {
            case "added_properties": quirks.addedProperties = try perKind(value, file: file, key: "printer.added_properties")
            case "unprinted_defaults":
                quirks.unprintedDefaults = try perKind(value, file: file, key: "printer.unprinted_defaults")
            case "value_spellings":
                for (property, spellings) in try mapping(value, file: file, key: "printer.value_spellings") {
                    let key = "printer.value_spellings.\(property.string ?? "")"
                    quirks.valueSpellings[try string(property, file: file, key: key)] = try stringMap(spellings, file: file, key: key)
                }
            case "rewrites":
                for (kindNode, list) in try mapping(value, file: file, key: "printer.rewrites") {
                    let kind = try objectKind(kindNode, file: file)
                    quirks.rewrites[kind] = try sequence(list, file: file, key: "printer.rewrites").map { item throws(SimulatorCatalogError) in
                        try rewrite(item, file: file)
                    }
                }
            default: throw unknown(field, in: "printer", file: file)
            }
        }
        return quirks
    }

    private static func perKind(_ node: Node, file: String, key: String) throws(SimulatorCatalogError)
        -> [PrinterQuirks.ObjectKind: [String: String]] {
        var out: [PrinterQuirks.ObjectKind: [String: String]] = [:]
        for (kindNode, properties) in try mapping(node, file: file, key: key) {
            out[try objectKind(kindNode, file: file)] = try stringMap(properties, file: file, key: key)
        }
        return out
    }

    private static func objectKind(_ node: Node, file: String) throws(SimulatorCatalogError) -> PrinterQuirks.ObjectKind {
        guard let kind = node.string.flatMap(PrinterQuirks.ObjectKind.init(rawValue:)) else {
            throw SimulatorCatalogError("\(file):\(line(node)): unknown object kind `\(node.string ?? "?")`; use "
                + PrinterQuirks.ObjectKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }

    private static func stringMap(_ node: Node, file: String, key: String) throws(SimulatorCatalogError) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in try mapping(node, file: file, key: key) {
            out[try string(name, file: file, key: key)] = try string(value, file: file, key: "\(key).\(name.string ?? "")")
        }
        return out
    }

    private static func rewrite(_ node: Node, file: String) throws(SimulatorCatalogError) -> PrinterQuirks.Rewrite {
        var pattern: String?
        var replacement = ""
        for (field, value) in try mapping(node, file: file, key: "printer.rewrites") {
            switch field.string {
            case "pattern": pattern = try string(value, file: file, key: "printer.rewrites.pattern")
            case "replacement": replacement = try string(value, file: file, key: "printer.rewrites.replacement")
            default: throw unknown(field, in: "printer.rewrites", file: file)
            }
        }
        guard let pattern else {
            throw SimulatorCatalogError("\(file):\(line(node)): a printer.rewrites entry needs `pattern`; add it")
        }
        if (try? NSRegularExpression(pattern: pattern)) == nil {
            throw SimulatorCatalogError("\(file):\(line(node)): printer.rewrites pattern `\(pattern)` is not a valid "
                + "regular expression; fix it")
        }
        return PrinterQuirks.Rewrite(pattern: pattern, replacement: replacement)
    }
}
