import Findings
import Foundation
import Testing
@testable import SchemaDiff

/// The README's finding-kind table is the user's reference: it must list every kind with its default severity.
@Suite struct ReadmeFindingKindsTests {
    static func readmeRows() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5, cells[2].hasPrefix("`"), cells[2].hasSuffix("`") else { continue }
            rows[String(cells[2].dropFirst().dropLast())] = cells[3]
        }
        return rows
    }

    @Test func everyKindIsInTheReadmeWithItsDefaultSeverity() throws {
        let rows = try Self.readmeRows()
        for kind in FindingKind.allCases {
            guard let severity = rows[kind.rawValue] else {
                Issue.record("README's finding-kind table has no row for \(kind.rawValue)")
                continue
            }
            #expect(severity.hasPrefix(kind.defaultSeverity.rawValue),
                    "README says \(severity) for \(kind.rawValue); the code says \(kind.defaultSeverity.rawValue)")
        }
        let known = Set(FindingKind.allCases.map(\.rawValue))
        let stale = rows.keys.filter { !known.contains($0) && !$0.contains(".") && $0.contains("_") }
        #expect(stale.isEmpty, "README lists kinds the code does not have: \(stale)")
    }
}
