import ArgumentParser
import DriftCheck
import Foundation
import Logging

/// How diagnostics (progress, notes, errors) reach stderr: swift-log with one handler, plain text by default (the
/// lines people and tests read) or one JSON object per line for CI log collectors. Reports and command output go
/// to files and stdout, never through here.
enum Diagnostics {
    /// The log line format.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    struct Settings: Sendable {
        var level: Logger.Level = .info
        var format: Format = .text
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var current = Settings()

    static var settings: Settings {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// Installs the handler; called once, before the arguments are parsed.
    static func bootstrap() {
        LoggingSystem.bootstrap { label in DiagnosticsLogHandler(label: label) }
    }

    /// The executable's logger.
    static let logger = Logger(label: "starrocks-drift")

    /// DriftCheck's progress lines, logged at `info` (verbose details too: `--verbose` decides whether they are made).
    static var progress: DriftCheck.Progress {
        DriftCheck.Progress { line in logger.info("\(line)") }
    }

    /// An error line (`starrocks-drift: ...`), logged at `error`.
    static func error(_ message: String) {
        logger.error("\(message)")
    }

    /// A note (e.g. objects not readable), logged at `warning`.
    static func warning(_ message: String) {
        logger.warning("\(message)")
    }
}

/// Writes each record to stderr: the message alone in text form (unchanged from before swift-log), or
/// `{"ts","level","label","message",...metadata}` in JSON form. The level filter comes from `Diagnostics.settings`.
struct DiagnosticsLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]

    var logLevel: Logger.Level {
        get { Diagnostics.settings.level }
        set { Diagnostics.settings.level = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message, explicit = event.metadata
        let text: String
        switch Diagnostics.settings.format {
        case .text:
            text = "\(message)"
        case .json:
            var object: [String: String] = ["ts": ISO8601DateFormatter().string(from: Date()), "level": level.rawValue,
                                            "label": label, "message": "\(message)"]
            for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) { object[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// `--log-level` and `--log-format`, on every subcommand.
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log-level"),
            help: ArgumentHelp("Lowest diagnostic level on stderr: trace, debug, info, notice, warning, error or critical (default info; --quiet means error).", valueName: "level"))
    var level: Logger.Level?

    @Option(name: .customLong("log-format"), help: ArgumentHelp("Diagnostics on stderr as text or json (one object per line).", valueName: "format"))
    var format: Diagnostics.Format = .text

    mutating func validate() throws {
        var settings = Diagnostics.settings
        if let level { settings.level = level }
        settings.format = format
        Diagnostics.settings = settings
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
