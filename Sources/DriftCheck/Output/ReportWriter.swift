import DriftReport
import Findings
import Foundation

/// Writes `drift-report.md`, `drift-report.json` and `drift-report.junit.xml` into a directory, atomically (write to
/// a temporary file in the same directory, then rename), and appends the Markdown to `$GITHUB_STEP_SUMMARY`.
public struct ReportWriter: Sendable {
    /// File names inside the output directory.
    public static let markdownName = "drift-report.md"
    public static let jsonName = "drift-report.json"
    public static let junitName = "drift-report.junit.xml"

    public var directory: String
    public var failOn: Severity

    public init(directory: String, failOn: Severity) {
        self.directory = directory
        self.failOn = failOn
    }

    /// Writes all three reports; returns their paths. The summary for `$GITHUB_STEP_SUMMARY` is appended separately
    /// (`appendStepSummary`), once per run.
    @discardableResult
    public func write(_ document: DriftReportDocument, redactor: Redactor) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DriftCheckError.cannotWrite(path: directory, reason: "cannot create the report directory: \(error.localizedDescription)")
        }
        let outputs: [(String, String)] = [
            (Self.markdownName, MarkdownReport.render(document)),
            (Self.jsonName, JSONReport.render(document)),
            (Self.junitName, JUnitReport.render(document, failOn: failOn)),
        ]
        var paths: [String] = []
        for (name, text) in outputs {
            let path = (directory as NSString).appendingPathComponent(name)
            try Self.writeAtomically(redactor.scrub(text), to: path)
            paths.append(path)
        }
        return paths
    }

    /// Appends the Markdown report to `$GITHUB_STEP_SUMMARY` (from `variables`) when that is set, cut to GitHub's
    /// 1 MiB limit.
    public func appendStepSummary(_ document: DriftReportDocument, redactor: Redactor,
                                  variables: [String: String]) throws {
        guard let summary = variables["GITHUB_STEP_SUMMARY"], !summary.isEmpty else { return }
        let markdown = MarkdownReport.render(document, maxBytes: MarkdownReport.gitHubStepSummaryLimit - 1)
        try Self.append(redactor.scrub(markdown) + "\n", to: summary)
    }

    /// Writes `text` to a temporary file beside `path` and renames it over `path`.
    static func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw DriftCheckError.cannotWrite(path: temporary, reason: "check that the directory is writable")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw DriftCheckError.cannotWrite(path: path, reason: "cannot move the report into place: \(reason)")
        }
    }

    /// Appends `text` to the file at `path`, creating it if needed.
    static func append(_ text: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw DriftCheckError.cannotWrite(path: path, reason: "cannot append the summary ($GITHUB_STEP_SUMMARY)")
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
    }
}
