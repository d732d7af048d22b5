import Foundation
import StarRocksDDL
import Testing

/// A tiny deterministic PRNG (SplitMix64) so fuzz runs are reproducible from their seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded random mutations of corpus files: nothing crashes or hangs, every outcome is statements or a located error.
@Suite struct FuzzTests {
    static let mutationCount = 10_000
    static let keywords = [
        "CREATE", "TABLE", "VIEW", "MATERIALIZED", "ALTER", "DROP", "PARTITION", "BY", "RANGE", "LIST", "VALUES",
        "LESS", "THAN", "MAXVALUE", "START", "END", "EVERY", "INTERVAL", "DISTRIBUTED", "HASH", "RANDOM", "BUCKETS",
        "KEY", "PRIMARY", "NOT", "NULL", "DEFAULT", "COMMENT", "AS", "SELECT", "(", ")", ",", ";", "'", "\"", "`",
        "--", "/*", "*/", "#", "[", "<", ">", "ARRAY<", "STRUCT<", "=", "PROPERTIES", "REFRESH", "ASYNC", "ADD",
        "COLUMN", "AFTER", "FIRST", "INDEX", "USING", "IF", "EXISTS", "\\", "\n", "0", "-1", "1e9", "é",
    ]

    /// Splits text into whitespace-separated pieces (kept with their separators) to mutate at token granularity.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " || character == "\n" || character == "," || character == "(" || character == ")" {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static func mutate(_ text: String, using random: inout SplitMix64) -> [UInt8] {
        var parts = pieces(text)
        let rounds = Int.random(in: 1...3, using: &random)
        for _ in 0..<rounds where !parts.isEmpty {
            let index = Int.random(in: 0..<parts.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: parts.remove(at: index)
            case 1: parts.insert(parts[index], at: index)
            case 2: parts.swapAt(index, Int.random(in: 0..<parts.count, using: &random))
            case 3: parts.insert(keywords.randomElement(using: &random)! + " ", at: index)
            case 4: parts = Array(parts.prefix(index))
            default:
                var bytes = Array(parts[index].utf8)
                let insertAt = Int.random(in: 0...bytes.count, using: &random)
                let junk = (0..<Int.random(in: 1...4, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                bytes.insert(contentsOf: junk, at: insertAt)
                return Array(parts.prefix(index).joined().utf8) + bytes + Array(parts.dropFirst(index + 1).joined().utf8)
            }
        }
        return Array(parts.joined().utf8)
    }

    @Test func seededMutationsNeverCrashOrHang() throws {
        let sources = try CorpusFiles.corpusSQLFiles().map(CorpusFiles.read)
        try #require(!sources.isEmpty)
        var random = SplitMix64(seed: 0x5EED_2026)
        var parsed = 0
        var failed = 0
        var reprinted = 0
        for round in 0..<Self.mutationCount {
            let source = sources[Int.random(in: 0..<sources.count, using: &random)]
            let bytes = Self.mutate(source, using: &random)
            let lineCount = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            do {
                let statements = try DDLParser.parse(bytes: bytes, file: "fuzz\(round).sql")
                parsed += 1
                for statement in statements {
                    #expect((1...lineCount).contains(statement.location.line))
                    let printed = SyntaxPrinter.print(statement.statement)
                    let again = try? DDLParser.parse(printed, file: "printed")
                    #expect(again?.count == 1, "round \(round): printed text does not parse back:\n\(printed)")
                    #expect(again?.first?.statement == statement.statement, "round \(round): not a fixed point:\n\(printed)\nORIGINAL: \(statement.text)")
                    reprinted += 1
                }
            } catch {
                failed += 1
                #expect(error.file == "fuzz\(round).sql")
                #expect((1...lineCount).contains(error.line), "round \(round): line \(error.line) outside 1...\(lineCount)")
                #expect(error.column >= 1)
                #expect(!error.message.isEmpty && error.message.first?.isUppercase == false)
                #expect(error.description.contains(": error: "))
            }
        }
        print("fuzz: \(Self.mutationCount) mutations, \(parsed) parsed (\(reprinted) statements reprinted), \(failed) errors")
        #expect(parsed + failed == Self.mutationCount)
        #expect(failed > 0 && parsed > 0)
    }
}
