import Foundation
import SchemaDiff

/// One probe the offline model and this server disagree on: with the learned profile, the differ still finds these
/// differences between the probe's statement and its SHOW CREATE text — a false alarm `check` would raise here.
public struct Disagreement: Sendable, Hashable {
    /// The probe.
    public var probe: Probe
    /// The statement sent.
    public var input: String
    /// Statements of the probes it reads from.
    public var dependencies: [String]
    /// The server's SHOW CREATE text.
    public var printed: String
    /// One line per difference.
    public var differences: [String]
}

/// What `calibrate` did and learned.
public struct CalibrateResult: Sendable {
    /// How the run ended.
    public enum Status: String, Sendable {
        /// Profile written, no disagreement (exit 0).
        case learned
        /// Profile written, disagreements found (exit 1).
        case disagreements
        /// Refused before writing, or failed (exit 2).
        case failed
    }

    /// The environment.
    public var environment: String
    /// How the run ended.
    public var status: Status = .failed
    /// Why it was refused or failed.
    public var reasons: [String] = []
    /// The server version read (`current_version()`).
    public var serverVersion: String?
    /// The run mode read (`shared_nothing` or `shared_data`).
    public var runMode: String?
    /// The probe database created.
    public var probeDatabase: String?
    /// Whether the probe database was dropped again.
    public var probeDatabaseDropped = false
    /// Probe databases of crashed runs (older than the limit) dropped by this run.
    public var staleDropped: [String] = []
    /// Probe databases of crashed runs this run could not drop (their error is in the progress lines).
    public var staleKept: [String] = []
    /// Younger probe databases of the prefix left alone (another run may be using them).
    public var othersLeft: [String] = []
    /// Probes created.
    public var created: [String] = []
    /// Probes the server rejected, with its message.
    public var rejected: [(probe: String, message: String)] = []
    /// What was learned.
    public var profile: ServerProfile?
    /// Where the profile was written.
    public var profilePath: String?
    /// Probes the model and the server disagree on.
    public var disagreements: [Disagreement] = []
    /// Case folders written with `--cases`.
    public var casesWritten: [String] = []

    /// Creates an empty result for `environment`.
    public init(environment: String) { self.environment = environment }

    /// Exit code meaning: learned → clean, disagreements → drift, failed → could not check.
    public var outcome: Outcome {
        switch status {
        case .learned: return .clean
        case .disagreements: return .drift
        case .failed: return .couldNotCheck
        }
    }

    /// The report printed on stdout.
    public func text() -> String {
        var lines: [String] = []
        let server = serverVersion.map { " (server \($0), \(runMode ?? "run mode unknown"))" } ?? ""
        switch status {
        case .failed: lines.append("calibrate \(environment)\(server): failed")
        case .learned: lines.append("calibrate \(environment)\(server): profile learned, no disagreement")
        case .disagreements:
            lines.append("calibrate \(environment)\(server): profile learned, \(disagreements.count) disagreement(s)")
        }
        lines += reasons.map { "  \($0)" }
        if let probeDatabase {
            lines.append("probe database \(probeDatabase): " + (probeDatabaseDropped ? "dropped" : "NOT dropped; drop it by hand"))
        }
        if !staleDropped.isEmpty {
            lines.append("probe databases left by earlier runs (older than an hour), dropped: \(staleDropped.joined(separator: ", "))")
        }
        if !staleKept.isEmpty {
            lines.append("probe databases left by earlier runs that could not be dropped (drop them by hand): "
                + staleKept.joined(separator: ", "))
        }
        if !othersLeft.isEmpty {
            lines.append("probe databases younger than an hour left alone (another run may be using them): "
                + othersLeft.joined(separator: ", "))
        }
        if !created.isEmpty || !rejected.isEmpty {
            lines.append("probes: \(created.count) created, \(rejected.count) rejected by the server")
            lines += rejected.map { "  rejected \($0.probe): \($0.message)" }
        }
        if let profile {
            let learned = ProfileLearner.summary(profile)
            lines.append("learned: \(learned.count) fact(s)")
            lines += learned.map { "  \($0)" }
        }
        if let profilePath { lines.append("profile written: \(profilePath)") }
        if !disagreements.isEmpty {
            lines.append("disagreements (each would be a false alarm on this server):")
            for disagreement in disagreements {
                lines.append("  \(disagreement.probe.name) (\(disagreement.probe.purpose)):")
                lines += disagreement.differences.map { "    \($0)" }
            }
        }
        lines += casesWritten.map { "case written: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
