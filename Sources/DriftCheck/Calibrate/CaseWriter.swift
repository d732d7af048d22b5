import Foundation

/// Writes each disagreement as a case folder shaped like the project's StarRocks corpus, for a user to send
/// upstream: `input.sql` (the probe's statement), `deps.sql` (the probes it reads from), `expected_show_create.sql`
/// (what this server printed) and `source.txt` (server version, run mode, tool version, the differences).
enum CaseWriter {
    /// Writes one folder per disagreement under `directory` (`<NN>_<probe>`); returns their paths and, when one
    /// could not be written, what failed (the folders after it are not written).
    static func write(_ disagreements: [Disagreement], to directory: String, serverVersion: String, runMode: String,
                      environment: String) -> (written: [String], failure: String?) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return ([], "cannot create the cases directory \(directory): \(error.localizedDescription)")
        }
        var written: [String] = []
        for (offset, disagreement) in disagreements.enumerated() {
            let folder = (directory as NSString).appendingPathComponent(
                String(format: "%03d_calibrate_%@", offset + 1, disagreement.probe.name))
            let source = [
                "origin: starrocks-drift calibrate \(DriftCheckVersion.current) (probe \(disagreement.probe.name))",
                "server version: \(serverVersion)",
                "run mode: \(runMode)",
                "environment: \(environment)",
                "object kind: \(disagreement.probe.kind.rawValue)",
                "probe: \(disagreement.probe.purpose)",
                "differences found by the offline model (with the learned server profile):",
            ] + disagreement.differences.map { "  \($0)" }
            var files = [
                "input.sql": disagreement.input + ";\n",
                "expected_show_create.sql": disagreement.printed.hasSuffix("\n") ? disagreement.printed : disagreement.printed + "\n",
                "source.txt": source.joined(separator: "\n") + "\n",
            ]
            if !disagreement.dependencies.isEmpty {
                files["deps.sql"] = disagreement.dependencies.map { $0 + ";" }.joined(separator: "\n") + "\n"
            }
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (name, text) in files {
                    try text.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true,
                                   encoding: .utf8)
                }
            } catch {
                return (written, "cannot write the case folder \(folder): \(error.localizedDescription)")
            }
            written.append(folder)
        }
        return (written, nil)
    }
}
