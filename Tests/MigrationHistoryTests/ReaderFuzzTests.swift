import Foundation
import Testing
@testable import MigrationHistory

/// A small seeded generator (SplitMix64) so every run mutates the same way.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("reader robustness")
struct ReaderFuzzTests {
    /// Characters that matter to the readers.
    static let alphabet: [UInt8] = Array("-:,;'\"`#()[]{}$\\\n\r >=_aZ0 ".utf8)

    /// `text` with a few random byte edits (insert, delete, replace, duplicate a slice).
    static func mutate(_ text: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = text
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
            case 1: if !bytes.isEmpty { bytes.remove(at: position) }
            case 2: if !bytes.isEmpty { bytes[position] = alphabet.randomElement(using: &random)! }
            default:
                let end = min(bytes.count, position + Int.random(in: 0...40, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }

    @Test func mutatedInputsNeverCrashTheReaders() throws {
        guard let samples = TestPaths.alembicSamples() else { return }
        let seeds: [(String, String)] = [
            ("offline", try String(contentsOfFile: samples + "/upgrade_head_offline.sql", encoding: .utf8)),
            ("python", try String(contentsOfFile: samples + "/versions/0004_merge.py", encoding: .utf8)),
            ("python-annotated", try String(contentsOfFile: samples + "/versions/0003a_add_utm_campaign.py",
                                            encoding: .utf8)),
            ("header", revisionFile("r2", parents: "r1, r0",
                                    body: "ALTER TABLE t SET (\"replication_num\" = \"${replication_num}\");")),
        ]
        var random = SeededGenerator(state: 20_261_127)
        var accepted = 0
        var rejected = 0
        for (kind, seed) in seeds {
            for _ in 0..<1_000 {
                let text = String(decoding: Self.mutate(Array(seed.utf8), &random), as: UTF8.self)
                do {
                    switch kind {
                    case "offline": _ = try AlembicOfflineSQLReader.read(text, file: "f.sql")
                    case "header":
                        let revision = try RevisionFileReader.read(text, file: "f.sql")
                        _ = try PlaceholderExpander.expand(revision.sql, variables: ["replication_num": "1"],
                                                           environment: "dev", file: "f.sql",
                                                           firstLine: revision.firstLine)
                    default: _ = try AlembicVersionsReader.readRevision(text, file: "f.py")
                    }
                    accepted += 1
                } catch {
                    #expect(!error.description.isEmpty)
                    rejected += 1
                }
            }
        }
        #expect(accepted + rejected == 4_000)
        #expect(accepted > 0 && rejected > 0)
    }
}
