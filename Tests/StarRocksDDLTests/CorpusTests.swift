import Foundation
import StarRocksDDL
import Testing

/// Every file of the StarRocks corpus parses, and printing is a fixed point for every statement in it.
@Suite struct CorpusTests {
    @Test func everyCorpusFileParses() throws {
        let files = CorpusFiles.corpusSQLFiles()
        #expect(files.count >= 150, "expected the whole corpus, found \(files.count) files")
        var statements = 0
        var kinds: [String: Int] = [:]
        for file in files {
            let name = CorpusFiles.shortName(file)
            do {
                let parsed = try DDLParser.parse(try CorpusFiles.read(file), file: name)
                #expect(!parsed.isEmpty, "\(name) gave no statements")
                statements += parsed.count
                for statement in parsed { kinds[StatementKind.of(statement.statement), default: 0] += 1 }
            } catch let error as DDLParseError {
                Issue.record("\(error)")
            }
        }
        print("corpus: \(files.count) files, \(statements) statements: "
            + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    @Test func everyShowCreateIsOneCreateStatement() throws {
        for directory in CorpusFiles.caseDirectories() {
            let file = directory.appendingPathComponent("expected_show_create.sql")
            let parsed = try DDLParser.parse(try CorpusFiles.read(file), file: CorpusFiles.shortName(file))
            #expect(parsed.count == 1)
            switch parsed.first?.statement {
            case .createTable, .createView, .createMaterializedView: break
            default: Issue.record("\(CorpusFiles.shortName(file)) is not a CREATE statement")
            }
        }
    }

    @Test func printingIsAFixedPointOverTheCorpus() throws {
        var checked = 0
        for file in CorpusFiles.corpusSQLFiles() + CorpusFiles.alembicFiles()
        where !file.lastPathComponent.hasPrefix("rejected") {
            let name = CorpusFiles.shortName(file)
            for parsed in try DDLParser.parse(try CorpusFiles.read(file), file: name) {
                let printed = SyntaxPrinter.print(parsed.statement)
                do {
                    let reparsed = try DDLParser.parse(printed, file: "printed")
                    #expect(reparsed.count == 1, "\(name): printed text gave \(reparsed.count) statements:\n\(printed)")
                    #expect(reparsed.first?.statement == parsed.statement,
                            "\(name):\(parsed.location.line): print -> parse differs:\n\(printed)")
                    #expect(reparsed.first.map { SyntaxPrinter.print($0.statement) } == printed)
                } catch {
                    Issue.record("\(name):\(parsed.location.line): printed text does not parse: \(error)\n\(printed)")
                }
                checked += 1
            }
        }
        print("fixed point: \(checked) statements")
        #expect(checked > 200)
    }
}

/// A short name for a statement's kind, for counts.
enum StatementKind {
    static func of(_ statement: Statement) -> String {
        switch statement {
        case .createTable: return "CREATE TABLE"
        case .createView: return "CREATE VIEW"
        case .createMaterializedView: return "CREATE MATERIALIZED VIEW"
        case .alterTable: return "ALTER TABLE"
        case .alterView: return "ALTER VIEW"
        case .alterMaterializedView: return "ALTER MATERIALIZED VIEW"
        case .drop: return "DROP"
        case .createIndex: return "CREATE INDEX"
        case .dropIndex: return "DROP INDEX"
        case .createDatabase: return "CREATE DATABASE"
        case .dropDatabase: return "DROP DATABASE"
        case .use: return "USE"
        case .noSchemaEffect(let other): return "no schema effect (\(other.kind))"
        }
    }
}
