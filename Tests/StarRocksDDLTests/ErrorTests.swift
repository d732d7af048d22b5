import Foundation
import StarRocksDDL
import Testing

/// Malformed input gives a `DDLParseError` with the right file, line, column and caret.
@Suite struct ErrorTests {
    /// Parses `source` expecting an error.
    func failure(_ source: String, file: String = "m.sql", firstLine: Int = 1) -> DDLParseError? {
        do {
            let statements = try DDLParser.parse(source, file: file, firstLine: firstLine)
            Issue.record("expected an error, parsed \(statements.count) statements")
            return nil
        } catch {
            return error
        }
    }

    @Test func truncatedStatementPointsAfterTheLastToken() throws {
        let error = try #require(failure("CREATE TABLE t (\n  k INT,\n  v\n\n"))
        #expect(error.file == "m.sql")
        #expect(error.line == 3)
        #expect(error.column == 4)
        #expect(error.message.contains("statement ends here"))
        #expect(error.description == "m.sql:3:4: error: \(error.message)\n  v\n   ^")
    }

    @Test func truncatedStatementBeforeSemicolonPointsAtTheSemicolon() throws {
        let error = try #require(failure("create table t (k int) duplicate key(k) distributed by;\n"))
        #expect(error.line == 1)
        #expect(error.column == 55)
        #expect(error.message.hasPrefix("expected HASH(columns) or RANDOM after DISTRIBUTED BY"))
    }

    @Test func temporaryTableIsASessionObjectNotSchema() throws {
        let error = try #require(failure("-- setup\nCREATE TEMPORARY TABLE scratch (k INT);", file: "V3__tmp.sql"))
        #expect(error.file == "V3__tmp.sql")
        #expect((error.line, error.column) == (2, 8))
        #expect(error.message.hasPrefix("CREATE TEMPORARY TABLE creates a session object, not schema"))
        #expect(error.description.hasPrefix("V3__tmp.sql:2:8: error: CREATE TEMPORARY TABLE"))
    }

    @Test func unknownTypeNamesTheType() throws {
        let error = try #require(failure("-- header\nCREATE TABLE t (\n  k INTEGR NOT NULL\n);"))
        #expect((error.line, error.column) == (3, 5))
        #expect(error.message.hasPrefix("unknown column type `INTEGR` (did you mean INTEGER?); use a StarRocks type"))
        #expect(error.description.hasSuffix("\n  k INTEGR NOT NULL\n    ^"))
    }

    @Test func unclosedParenthesisInColumnList() throws {
        let error = try #require(failure("CREATE TABLE t (k INT, v INT;"))
        #expect((error.line, error.column) == (1, 29))
        #expect(error.message.contains("expected `)` or `,`"))
    }

    @Test func extraClosingParenthesis() throws {
        let error = try #require(failure("CREATE TABLE t (k INT))\nDISTRIBUTED BY RANDOM;"))
        #expect((error.line, error.column) == (1, 23))
        #expect(error.message.contains("`)`"))
    }

    @Test func unbalancedParenthesisInAQuery() throws {
        let unclosed = try #require(failure("CREATE VIEW v AS SELECT (1 + (2) FROM t;"))
        #expect((unclosed.line, unclosed.column) == (1, 25))
        #expect(unclosed.message.hasPrefix("unclosed `(` in the query"))
        let extra = try #require(failure("CREATE VIEW v AS SELECT 1) FROM t;"))
        #expect((extra.line, extra.column) == (1, 26))
        #expect(extra.message.hasPrefix("unbalanced `)` in the query"))
    }

    @Test func unterminatedStringPointsAtItsStart() throws {
        let error = try #require(failure("CREATE TABLE t (k INT COMMENT 'oops\n);\n"))
        #expect((error.line, error.column) == (1, 31))
        #expect(error.message == "unterminated string; close it with '")
    }

    @Test func unterminatedBlockComment() throws {
        let error = try #require(failure("SELECT 1;\n  /* never closed\n"))
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message == "unterminated comment; close it with */")
    }

    @Test func unknownStatement() throws {
        let error = try #require(failure("CREATE TABLE t (k INT);\n\nFROBNICATE TABLE t;"))
        #expect((error.line, error.column) == (3, 1))
        #expect(error.message.hasPrefix("unknown statement `FROBNICATE`;"))
        #expect(failure("CRATE TABLE t (k INT);")?.message.hasPrefix("unknown statement `CRATE` (did you mean CREATE?)") == true)
    }

    @Test func misspelledClauseGetsAHint() throws {
        let error = try #require(failure("CREATE TABLE t (k INT)\nDISTRIBUTE BY HASH(k);"))
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.hasSuffix("found `DISTRIBUTE` (did you mean DISTRIBUTED?)"))
    }

    @Test func unsupportedCreateIsAnError() throws {
        let error = try #require(failure("CREATE EXTERNAL TABLE t (k INT) ENGINE=mysql;"))
        #expect((error.line, error.column) == (1, 8))
    }

    @Test func rangeBatchWithoutParenthesesIsRejectedLikeStarRocks() throws {
        let source = "CREATE TABLE e (d DATE) PRIMARY KEY (d)\n"
            + "PARTITION BY RANGE(d) START(\"2026-01-01\") END(\"2027-01-01\") EVERY (INTERVAL 1 DAY);"
        let error = try #require(failure(source))
        #expect((error.line, error.column) == (2, 23))
        #expect(error.message.hasPrefix("the START/END/EVERY batch must be inside parentheses"))
    }

    @Test func rejectedAlembicSampleFailsAtTheBareBatch() throws {
        let files = CorpusFiles.alembicFiles().filter { $0.lastPathComponent == "rejected_by_starrocks_offline.sql" }
        let file = try #require(files.first, "rejected_by_starrocks_offline.sql is missing from the alembic samples")
        let error = try #require(failure(try CorpusFiles.read(file), file: "rejected.sql"))
        #expect(error.line == 21)
        #expect(error.column == 32)
    }

    @Test func firstLineOffsetsLineNumbers() throws {
        let error = try #require(failure("ALTER TABLE t\n  FROB COLUMN c;", firstLine: 40))
        #expect((error.line, error.column) == (41, 3))
        let statements = try DDLParser.parse("\n\nDROP TABLE t;", file: "x.sql", firstLine: 10)
        #expect(statements.first?.location == SourceLocation(file: "x.sql", line: 12, column: 1))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(failure("CREATE TABLE t (k INT COMMENT '运单号' BOGUS);"))
        #expect(error.column == 37)
        #expect(error.description.hasSuffix("\n" + String(repeating: " ", count: 36) + "^"))
    }

    @Test func nonUTF8BytesAreReportedAtTheFirstBadByte() throws {
        var bytes = Array("CREATE TABLE t (\n  k INT COMMENT '".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("');".utf8)
        do {
            _ = try DDLParser.parse(bytes: bytes, file: "latin1.sql")
            Issue.record("expected an error for invalid UTF-8")
        } catch {
            #expect(error.file == "latin1.sql")
            #expect((error.line, error.column) == (2, 18))
            #expect(error.message.contains("not valid UTF-8"))
            #expect(error.message.contains("0xc3"))
        }
    }

    @Test func validBytesParseLikeText() throws {
        let source = "CREATE TABLE t (k INT COMMENT '运单号');"
        #expect(try DDLParser.parse(bytes: Array(source.utf8), file: "a") == DDLParser.parse(source, file: "a"))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = "CREATE VIEW v AS SELECT " + String(repeating: "(", count: 100_000) + "1"
            + String(repeating: ")", count: 100_000) + ";"
        let error = try #require(failure(deep))
        #expect(error.message.hasPrefix("nesting is deeper than"))
        let deepType = "CREATE TABLE t (k " + String(repeating: "ARRAY<", count: 10_000) + "INT"
            + String(repeating: ">", count: 10_000) + ");"
        #expect(failure(deepType)?.message.hasPrefix("nesting is deeper than") == true)
    }

    @Test func tenMegabyteFileOfStatementsParses() throws {
        let comment = String(repeating: "long comment text ", count: 550)
        let statement = "CREATE TABLE IF NOT EXISTS t (k BIGINT NOT NULL COMMENT \"\(comment)\", v VARCHAR(64) NULL) "
            + "PRIMARY KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES (\"replication_num\" = \"1\");\n"
        let count = 10_000_000 / statement.utf8.count + 1
        let source = String(repeating: statement, count: count)
        #expect(source.utf8.count >= 10_000_000)
        let statements = try DDLParser.parse(source, file: "big.sql")
        #expect(statements.count == count)
        #expect(statements.last?.location.line == count)
    }

    @Test func longSingleLineParsesWithoutQuadraticColumns() throws {
        // Without the column cache each statement start would rescan the line: 1,000 x 1 MB on average.
        let statement = "INSERT INTO t VALUES ('" + String(repeating: "x", count: 2_000) + "'); "
        let source = String(repeating: statement, count: 1_000)
        let statements = try DDLParser.parse(source, file: "line.sql")
        #expect(statements.count == 1_000)
        let width = statement.utf8.count
        #expect(statements.last?.location == SourceLocation(file: "line.sql", line: 1, column: 999 * width + 1))
    }

    @Test func tenMegabyteUnterminatedStringFailsAtItsStart() throws {
        let source = "CREATE TABLE t (k INT COMMENT \"" + String(repeating: "x", count: 10_000_000)
        let error = try #require(failure(source))
        #expect((error.line, error.column) == (1, 31))
        #expect(error.sourceLine.utf8.count <= 4096)
    }
}
